/**
 * Who asks and on which day, handed to every analysis read beside its input: the read decides
 * from the viewer's role which records it counts (records rule `team`), and takes "today" from
 * here instead of a clock, so a read is a pure function of the database, its input and its scope.
 */
import { type Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import type { Staff } from '../../shared/schemas/staff';
import { teamScope } from '../accounts/account-team';

export interface ReadScope {
  viewer: Pick<Staff, 'id' | 'name' | 'role'>;
  /** The business day in China (YYYY-MM-DD). */
  today: string;
}

/** A specialist's id (their teams' accounts only), or null for a manager's or admin's store. */
export function teamOf(scope: ReadScope): number | null {
  return teamScope(scope.viewer);
}

/** The scope of a read asked for by the session's user (sign-in required), on the clock's day. */
export function readScopeOf(clock: Clock, session: { requireUser(): Staff }): ReadScope {
  const { id, name, role } = session.requireUser();
  return { viewer: { id, name, role }, today: chinaDate(clock.now()) };
}
