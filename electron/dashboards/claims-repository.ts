/**
 * The SQL of the claims-and-filings dashboard. Our own claims only (another dealer's, recorded as
 * the manufacturer told us, are not our work); specialists see their teams' accounts' claims and
 * filings, as the claims and filings grids do.
 */
import { type Kysely, sql } from 'kysely';
import { addDays } from '../../shared/dates';
import { ACTIVE_CLAIM_STATUSES, type ClaimStatus } from '../../shared/filing-enums';
import { teamAccountsIn } from '../accounts/account-team';
import { statusSql } from '../claims/repository';
import type { Database } from '../db/schema';

function ours(db: Kysely<Database>, teamOf: number | null) {
  let q = db.selectFrom('claims as c').where('c.source', '=', 'ours');
  if (teamOf !== null) q = q.where(teamAccountsIn(teamOf, 'c.account_id'));
  return q;
}

export function claimStatusCounts(db: Kysely<Database>, today: string, teamOf: number | null) {
  const status = statusSql(today);
  return ours(db, teamOf)
    .select([sql<ClaimStatus>`${status}`.as('status'), sql<number>`count(*)`.as('n')])
    .groupBy(status)
    .execute();
}

/** The active claims whose protection ends within `warnDays`, soonest first (50), and how many. */
export async function expiringClaimsOf(
  db: Kysely<Database>,
  today: string,
  warnDays: number,
  teamOf: number | null,
) {
  const base = ours(db, teamOf)
    .where('c.status', 'in', [...ACTIVE_CLAIM_STATUSES])
    .where('c.expires_on', '>=', today)
    .where('c.expires_on', '<=', addDays(today, warnDays));
  const rows = await base
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('staff as s', 's.id', 'c.claimant_id')
    .select(['c.id', 'c.account_id', 'a.name', 's.name as claimant_name', 'c.expires_on'])
    .orderBy('c.expires_on')
    .orderBy('c.id')
    .limit(50)
    .execute();
  const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Active conflicts with other dealers' claims, and our own people's overlapping claims. */
export async function activeClaimCounts(
  db: Kysely<Database>,
  today: string,
  teamOf: number | null,
): Promise<{ conflicts: number; overlaps: number }> {
  const row = await ours(db, teamOf)
    .where('c.status', 'in', [...ACTIVE_CLAIM_STATUSES])
    .where('c.expires_on', '>=', today)
    .select([
      sql<number>`coalesce(sum(case when c.status = 'conflict' then 1 else 0 end), 0)`.as(
        'conflicts',
      ),
      sql<number>`coalesce(sum(case when c.overlap_since is not null then 1 else 0 end), 0)`.as(
        'overlaps',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { conflicts: Number(row.conflicts), overlaps: Number(row.overlaps) };
}

export function filingStatusCounts(db: Kysely<Database>, teamOf: number | null) {
  let q = db.selectFrom('filings as f');
  if (teamOf !== null) q = q.where(teamAccountsIn(teamOf, 'f.account_id'));
  return q
    .select(['f.status', sql<number>`count(*)`.as('n'), sql<number>`sum(f.units)`.as('units')])
    .groupBy('f.status')
    .execute();
}
