/**
 * Who receives which live event: the one place the stream's row visibility is stated. Managers
 * and admins see the whole store; a specialist sees the registry (account names are everyone's,
 * to see overlaps), the records of accounts on whose team they are, what is addressed to them,
 * and claim overlaps that touch their own claims.
 */
import type { Staff } from '../../shared/schemas/staff';
import type { LiveTopic } from '../../shared/schemas/live-events';
import { isManager } from '../session/session';
import type { ChangeEvent } from './hub';

/** Changes anyone signed in may hear of: shared lists, not any account's business. */
const STORE_WIDE: ReadonlySet<LiveTopic> = new Set<LiveTopic>([
  'accounts',
  'staff',
  'settings',
  'prices',
  'kpi',
  'templates',
  'mappings',
]);

/**
 * On the account's team: its owner or a co-owner. `teamIds` is resolved when the event is made
 * (electron/events/refs.ts `accountTeam`), so co-owners are added there, not here.
 */
function isOnAccountTeam(user: Pick<Staff, 'id'>, event: ChangeEvent): boolean {
  return event.teamIds.includes(user.id);
}

export function canSee(user: Pick<Staff, 'id' | 'role'>, event: ChangeEvent): boolean {
  if (isManager(user)) return true;
  if (event.actorId === user.id) return true;
  if (event.to.includes(user.id) || event.concerns.includes(user.id)) return true;
  if (STORE_WIDE.has(event.topic)) return true;
  // A change to many records names no account and carries nothing but "refetch".
  if (event.accountId === null && event.recordId === null) return true;
  return event.accountId !== null && isOnAccountTeam(user, event);
}
