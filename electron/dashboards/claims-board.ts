/**
 * Claims and filings at a glance: our claims by the status a person sees (past protection reads as
 * expired, as in the claims grid), the ones expiring soon, conflicts with other dealers and
 * overlaps among colleagues, and filings by status with their units. Incentive amounts after
 * submission are a panel of their own. A read of the read worker; the SQL is below it, in
 * claims-repository.ts.
 */
import type { Kysely } from 'kysely';
import type { ClaimsBoard } from '../../shared/schemas/dashboards';
import { CLAIM_STATUS_VALUES, FILING_STATUS_VALUES } from '../../shared/filing-enums';
import type { Database } from '../db/schema';
import { teamOf, type ReadScope } from '../reads/scope';
import {
  activeClaimCounts,
  claimStatusCounts,
  expiringClaimsOf,
  filingStatusCounts,
} from './claims-repository';

const DAY_MS = 86_400_000;
const daysLeft = (today: string, day: string) =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);

export async function claimsBoard(
  db: Kysely<Database>,
  input: { warnDays: number },
  scope: ReadScope,
): Promise<ClaimsBoard> {
  const team = teamOf(scope);
  const statuses = new Map(
    (await claimStatusCounts(db, scope.today, team)).map((r) => [r.status, Number(r.n)]),
  );
  const expiring = await expiringClaimsOf(db, scope.today, input.warnDays, team);
  const active = await activeClaimCounts(db, scope.today, team);
  const filings = new Map((await filingStatusCounts(db, team)).map((r) => [r.status, r]));
  return {
    today: scope.today,
    warnDays: input.warnDays,
    claimsByStatus: CLAIM_STATUS_VALUES.map((status) => ({
      status,
      count: statuses.get(status) ?? 0,
    })),
    expiringCount: expiring.total,
    expiring: expiring.rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      accountName: r.name,
      claimantName: r.claimant_name,
      expiresOn: r.expires_on!,
      daysLeft: daysLeft(scope.today, r.expires_on!),
    })),
    conflicts: active.conflicts,
    overlaps: active.overlaps,
    filingsByStatus: FILING_STATUS_VALUES.map((status) => {
      const f = filings.get(status);
      return { status, count: Number(f?.n ?? 0), units: Number(f?.units ?? 0) };
    }),
  };
}
