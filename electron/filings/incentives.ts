/**
 * The incentive after a filing is submitted: the manufacturer's verdict (approved, partially
 * approved, rejected with a reason code), the amount approved, the payments received — each
 * written with its audit entry, by whoever may change the filing (its preparer or a manager) — the
 * filing's full history, and the totals per period (shared/incentive-rules.ts).
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { addDays, chinaDate, chinaDayStart } from '../../shared/dates';
import {
  type IncentiveProblem,
  MAX_PERIODS,
  paymentProblem,
  periodEnd,
  periodsOf,
  periodStart,
  sumIncentives,
  verdictProblem,
} from '../../shared/incentive-rules';
import type { IncentivePeriod } from '../../shared/filing-enums';
import { AppError, fieldIssue } from '../../shared/result';
import type { FilingDetail } from '../../shared/schemas/filings';
import type { IncentiveTotals, PaymentInput, VerdictInput } from '../../shared/schemas/incentives';
import { listAudit } from '../audit/audit';
import { entityAudit } from '../audit/entity-audit';
import { type Actor, requireTeamRead, teamScope } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { incentiveFacts, insertPayment, receivedFen, writeVerdict } from './incentive-repository';
import { filingRecord, type FilingRecord, mayChange, mustGetFiling } from './service';

const auditFiling = entityAudit('filing');

function refuse(p: IncentiveProblem | null): void {
  if (!p) return;
  throw new AppError(p.code, p.message, {
    ...(p.field ? fieldIssue(p.field, p.kind) : {}),
    kind: p.kind,
  });
}

/**
 * One incentive write: in a transaction, the filing as it stands, checked to be the actor's to
 * change, with what was received so far and the moment; answers with the whole filing.
 */
async function incentiveWrite(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  id: number,
  work: (
    trx: Kysely<Database>,
    now: { f: FilingRecord; receivedFen: number; at: string; today: string },
  ) => Promise<void>,
): Promise<FilingDetail> {
  await writeTx(db, async (trx) => {
    const f = await filingRecord(trx, id);
    await mayChange(trx, actor, f);
    const at = isoNow(clock);
    await work(trx, { f, receivedFen: await receivedFen(trx, f.id), at, today: chinaDate(at) });
  });
  return mustGetFiling(db, clock, dataDir, id);
}

export function recordVerdict(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: VerdictInput,
): Promise<FilingDetail> {
  return incentiveWrite(db, clock, dataDir, actor, input.id, async (trx, { f, ...now }) => {
    refuse(
      verdictProblem(input, {
        status: f.status,
        submittedOn: f.submitted_at ? chinaDate(f.submitted_at) : null,
        receivedFen: now.receivedFen,
        today: now.today,
      }),
    );
    const approvedFen = input.verdict === 'rejected' ? null : input.approvedFen;
    // A reason code explains a rejection or a cut; a full approval carries none.
    const reason = input.verdict === 'approved' ? null : input.reason;
    await writeVerdict(trx, f.id, {
      verdict: input.verdict,
      decidedOn: input.decidedOn,
      reason,
      note: input.note,
      approvedFen,
      at: now.at,
      by: actor.id,
    });
    await auditFiling(trx, clock, actor.id, f.id, {
      action: 'filings.recordVerdict',
      before:
        f.oem_verdict === null
          ? null
          : {
              verdict: f.oem_verdict,
              decidedOn: f.oem_verdict_on,
              reason: f.oem_reason,
              note: f.oem_note,
              approvedFen: f.approved_fen,
            },
      after: {
        verdict: input.verdict,
        decidedOn: input.decidedOn,
        reason,
        note: input.note,
        approvedFen,
      },
    });
  });
}

export function recordPayment(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actor: Actor,
  input: PaymentInput,
): Promise<FilingDetail> {
  return incentiveWrite(db, clock, dataDir, actor, input.id, async (trx, { f, ...now }) => {
    refuse(
      paymentProblem(input, {
        status: f.status,
        verdict: f.oem_verdict,
        decidedOn: f.oem_verdict_on,
        approvedFen: f.approved_fen,
        receivedFen: now.receivedFen,
        today: now.today,
      }),
    );
    const total = now.receivedFen + input.amountFen;
    // The reason is kept only where it explains something: a total past the approved amount.
    const overReason = total > (f.approved_fen ?? 0) ? input.overReason : null;
    const paymentId = await insertPayment(trx, {
      filingId: f.id,
      receivedOn: input.receivedOn,
      amountFen: input.amountFen,
      reference: input.reference,
      overReason,
      at: now.at,
      by: actor.id,
    });
    await auditFiling(trx, clock, actor.id, f.id, {
      action: 'filings.recordPayment',
      after: {
        paymentId,
        receivedOn: input.receivedOn,
        amountFen: input.amountFen,
        reference: input.reference,
        overReason,
        receivedTotalFen: total,
        approvedFen: f.approved_fen,
      },
    });
  });
}

export async function filingHistory(
  db: Kysely<Database>,
  viewer: Actor,
  input: { id: number; offset: number; limit: number },
) {
  const f = await filingRecord(db, input.id);
  await requireTeamRead(db, viewer, f.account_id);
  return listAudit(db, [{ entity: 'filing', entityId: f.id }], input.offset, input.limit);
}

export async function incentiveTotals(
  db: Kysely<Database>,
  clock: Clock,
  viewer: Actor,
  input: { period: IncentivePeriod; from?: string | undefined; to?: string | undefined },
): Promise<IncentiveTotals> {
  const year = chinaDate(clock.now()).slice(0, 4);
  const from = periodStart(input.period, input.from ?? `${year}-01-01`);
  const to = periodEnd(input.period, periodStart(input.period, input.to ?? `${year}-12-31`));
  if (from > to || periodsOf(input.period, from, to).length > MAX_PERIODS)
    throw new AppError('VALIDATION', 'the range is reversed or has too many periods', {
      ...fieldIssue('to', 'incentive.range_invalid'),
      kind: 'incentive.range_invalid',
    });
  const teamOf = teamScope(viewer);
  const facts = await incentiveFacts(db, {
    fromInstant: chinaDayStart(from).toISOString(),
    toInstant: chinaDayStart(addDays(to, 1)).toISOString(),
    teamOf,
  });
  const summed = sumIncentives(
    facts.map((r) => ({
      status: r.status,
      submittedOn: chinaDate(r.submitted_at),
      verdict: r.oem_verdict,
      approvedFen: r.approved_fen,
      receivedFen: Number(r.received_fen),
    })),
    input.period,
    from,
    to,
  );
  return { period: input.period, from, to, scope: teamOf === null ? 'all' : 'team', ...summed };
}
