/**
 * Who may work on a tender. A tender is a public notice: every specialist reads them all (two
 * colleagues must see they chase the same project). Working on one — changing its details,
 * amendments, results, closing or deleting it, drafting its contract — is for the person who
 * follows it (its owner), the purchaser account's team, or a manager; an admin reads only.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/result';
import { type Actor, onTeam, readsAll, requireSalesWriter } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { tenderFollowing } from './record-repository';

async function follows(db: Kysely<Database>, user: Actor, tenderId: number): Promise<boolean> {
  const tender = await tenderFollowing(db, tenderId);
  // A missing tender is the service's NOT_FOUND to give, with its own words.
  if (!tender || tender.owner_id === user.id) return true;
  return onTeam(db, user, tender.purchaser_id);
}

function notFollower(tenderId: number): AppError {
  return new AppError('FORBIDDEN', `you do not follow tender #${tenderId}`, {
    kind: 'not_tender_owner',
    tenderId,
  });
}

/** Changing a tender: its owner, the purchaser's team or a manager. */
export async function requireTenderWriter(
  db: Kysely<Database>,
  user: Actor,
  tenderId: number,
): Promise<void> {
  requireSalesWriter(user);
  if (user.role === 'manager') return;
  if (!(await follows(db, user, tenderId))) throw notFollower(tenderId);
}

/** Working from a tender (its contract draft): its followers, managers and admins. */
export async function requireTenderFollower(
  db: Kysely<Database>,
  user: Actor,
  tenderId: number,
): Promise<void> {
  if (readsAll(user)) return;
  if (!(await follows(db, user, tenderId))) throw notFollower(tenderId);
}
