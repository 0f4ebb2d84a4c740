/**
 * What an event needs to know about a record to be routed: the account it belongs to, that
 * account's team, and — for claims — the colleagues with their own claim on the same
 * organisation. Small indexed reads, made once per write.
 */
import { coOwnersOf } from '../accounts/account-team';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { LiveTopic } from '../../shared/schemas/live-events';

type Db = Kysely<Database>;

/** The account a record belongs to (null: the record is gone, or belongs to no account). */
export async function accountOf(
  db: Db,
  topic: LiveTopic,
  recordId: number,
): Promise<number | null> {
  const pick = async (
    table: 'contacts' | 'opportunities' | 'contracts' | 'claims' | 'filings' | 'activities',
  ) =>
    (await db.selectFrom(table).select('account_id').where('id', '=', recordId).executeTakeFirst())
      ?.account_id ?? null;
  switch (topic) {
    case 'accounts':
      return recordId;
    case 'contacts':
    case 'opportunities':
    case 'contracts':
    case 'claims':
    case 'filings':
    case 'activities':
      return pick(topic);
    case 'tenders':
      return (
        (
          await db
            .selectFrom('tenders')
            .select('purchaser_id')
            .where('id', '=', recordId)
            .executeTakeFirst()
        )?.purchaser_id ?? null
      );
    case 'approvals':
      return (
        (
          await db
            .selectFrom('price_approvals as p')
            .innerJoin('contracts as c', 'c.id', 'p.contract_id')
            .select('c.account_id')
            .where('p.id', '=', recordId)
            .executeTakeFirst()
        )?.account_id ?? null
      );
    case 'documents': {
      const doc = await db
        .selectFrom('documents')
        .select(['entity', 'entity_id'])
        .where('id', '=', recordId)
        .executeTakeFirst();
      if (!doc) return null;
      return doc.entity === 'claim' || doc.entity === 'filing'
        ? pick(doc.entity === 'claim' ? 'claims' : 'filings')
        : null;
    }
    default:
      return null;
  }
}

export interface AccountTeam {
  ownerId: number | null;
  /** Everyone who sees the account's records as their own. */
  teamIds: number[];
}

/**
 * The account's team: its owner (主销售) and co-owners (副销售); the stream's visibility
 * (electron/events/visibility.ts) follows it.
 */
export async function accountTeam(db: Db, accountId: number): Promise<AccountTeam> {
  const row = await db
    .selectFrom('accounts')
    .select('owner_id')
    .where('id', '=', accountId)
    .executeTakeFirst();
  const ownerId = row?.owner_id ?? null;
  const coOwners = (await coOwnersOf(db, accountId)).map((c) => c.id);
  return { ownerId, teamIds: [...new Set([...(ownerId === null ? [] : [ownerId]), ...coOwners])] };
}

/** Colleagues with a claim of ours on the account: an overlap there is their business too. */
export async function claimantsOn(db: Db, accountId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('claims')
    .select('claimant_id')
    .distinct()
    .where('account_id', '=', accountId)
    .where('claimant_id', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.claimant_id === null ? [] : [r.claimant_id]));
}
