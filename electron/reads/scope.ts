/**
 * Who asks and on which day, handed to every analysis read beside its input: the read decides
 * from the viewer's role which records it counts (records rule `team`), and takes "today" from
 * here instead of a clock, so a read is a pure function of the database, its input and its scope.
 */
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
