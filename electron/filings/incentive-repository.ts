/** All SQL of the incentive after submission: verdict columns, filing_payments, totals' facts. */
import { type Kysely, type NotNull, sql } from 'kysely';
import type { IncentiveReason, OemVerdict } from '../../shared/filing-enums';
import type { Database } from '../db/schema';
import { nextVersion } from '../db/row-version';
import { teamAccountCondition } from '../accounts/account-team';

export async function paymentsOf(db: Kysely<Database>, filingId: number) {
  return db
    .selectFrom('filing_payments as p')
    .leftJoin('staff as s', 's.id', 'p.recorded_by')
    .select([
      'p.id',
      'p.received_on',
      'p.amount_fen',
      'p.reference',
      'p.over_reason',
      'p.recorded_at',
      'p.recorded_by',
      's.name as recorded_by_name',
    ])
    .where('p.filing_id', '=', filingId)
    .orderBy('p.received_on')
    .orderBy('p.id')
    .execute();
}

export async function staffName(db: Kysely<Database>, id: number | null) {
  if (id === null) return null;
  return (
    (await db.selectFrom('staff').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ??
    null
  );
}

export async function receivedFen(db: Kysely<Database>, filingId: number): Promise<number> {
  const row = await db
    .selectFrom('filing_payments')
    .select((eb) => eb.fn.sum<number | null>('amount_fen').as('sum'))
    .where('filing_id', '=', filingId)
    .executeTakeFirstOrThrow();
  return Number(row.sum ?? 0);
}

export async function writeVerdict(
  db: Kysely<Database>,
  filingId: number,
  v: {
    verdict: OemVerdict;
    decidedOn: string;
    reason: IncentiveReason | null;
    note: string | null;
    approvedFen: number | null;
    at: string;
    by: number;
  },
): Promise<void> {
  await db
    .updateTable('filings')
    .set({
      oem_verdict: v.verdict,
      oem_verdict_on: v.decidedOn,
      oem_reason: v.reason,
      oem_note: v.note,
      approved_fen: v.approvedFen,
      verdict_at: v.at,
      verdict_by: v.by,
      version: nextVersion(),
      updated_at: v.at,
      updated_by: v.by,
    })
    .where('id', '=', filingId)
    .execute();
}

export async function insertPayment(
  db: Kysely<Database>,
  p: {
    filingId: number;
    receivedOn: string;
    amountFen: number;
    reference: string | null;
    overReason: string | null;
    at: string;
    by: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('filing_payments')
    .values({
      filing_id: p.filingId,
      received_on: p.receivedOn,
      amount_fen: p.amountFen,
      reference: p.reference,
      over_reason: p.overReason,
      recorded_at: p.at,
      recorded_by: p.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Filings submitted in [fromInstant, toInstant) — withdrawn ones too, which the totals count apart —
 * with their verdict and what was received; `teamOf`: only that specialist's teams' accounts.
 */
export async function incentiveFacts(
  db: Kysely<Database>,
  range: { fromInstant: string; toInstant: string; teamOf: number | null },
) {
  let q = db
    .selectFrom('filings as f')
    .select([
      'f.status',
      'f.submitted_at',
      'f.oem_verdict',
      'f.approved_fen',
      sql<number>`coalesce((select sum(p.amount_fen) from filing_payments as p where p.filing_id = f.id), 0)`.as(
        'received_fen',
      ),
    ])
    .where('f.submitted_at', '>=', range.fromInstant)
    .where('f.submitted_at', '<', range.toInstant)
    .$narrowType<{ submitted_at: NotNull }>();
  if (range.teamOf !== null) q = q.where(teamAccountCondition(range.teamOf, 'f.account_id'));
  return q.execute();
}
