/**
 * The incentive lifecycle's rules after a filing is submitted, as pure functions the service and
 * the tests share: what stops a verdict or a payment being recorded, where a filing's incentive
 * stands, and the totals per month, quarter or year.
 */
import { addDays, addMonths } from './dates';
import type { ErrorKind } from './error-kinds';
import type {
  FilingStatus,
  IncentivePeriod,
  IncentiveReason,
  IncentiveState,
  OemVerdict,
} from './filing-enums';
import type { ErrorCode } from './result';
import type { IncentiveFigures, IncentiveTotals } from './schemas/incentives';

/** A broken rule: the error to answer with, and the input field it is about (if one). */
export interface IncentiveProblem {
  code: ErrorCode;
  kind: ErrorKind;
  field: string | null;
  message: string;
}

const problem = (
  code: ErrorCode,
  kind: ErrorKind,
  field: string | null,
  message: string,
): IncentiveProblem => ({ code, kind, field, message });

/** Before submission there is nothing to judge; a withdrawn filing takes nothing. */
function standing(status: FilingStatus): IncentiveProblem | null {
  if (status === 'draft')
    return problem('POLICY', 'incentive.not_submitted', null, 'the filing is not submitted yet');
  if (status === 'withdrawn')
    return problem('POLICY', 'incentive.withdrawn', null, 'a withdrawn filing takes nothing');
  return null;
}

export interface VerdictFacts {
  status: FilingStatus;
  /** China date of the submission. */
  submittedOn: string | null;
  receivedFen: number;
  today: string;
}

export function verdictProblem(
  input: {
    verdict: OemVerdict;
    decidedOn: string;
    approvedFen: number | null;
    reason: IncentiveReason | null;
  },
  facts: VerdictFacts,
): IncentiveProblem | null {
  const stand = standing(facts.status);
  if (stand) return stand;
  if (input.decidedOn > facts.today)
    return problem('VALIDATION', 'date.future', 'decidedOn', 'the verdict is recorded once given');
  if (facts.submittedOn !== null && input.decidedOn < facts.submittedOn)
    return problem(
      'VALIDATION',
      'incentive.verdict_before_submission',
      'decidedOn',
      `the verdict cannot be dated before the submission (${facts.submittedOn})`,
    );
  if (input.verdict === 'rejected') {
    if (input.approvedFen !== null && input.approvedFen !== 0)
      return problem(
        'VALIDATION',
        'incentive.rejected_amount',
        'approvedFen',
        'a rejected filing is approved no amount',
      );
    if (facts.receivedFen > 0)
      return problem(
        'POLICY',
        'incentive.paid_cannot_reject',
        'verdict',
        'payments of the incentive were received: a rejection cannot stand beside them',
      );
  } else {
    if (input.approvedFen === null || input.approvedFen <= 0)
      return problem(
        'VALIDATION',
        'incentive.amount_required',
        'approvedFen',
        'an approval names the incentive amount approved',
      );
    if (input.approvedFen < facts.receivedFen)
      return problem(
        'POLICY',
        'incentive.approved_below_received',
        'approvedFen',
        'more has been received than this approval names',
      );
  }
  if (input.verdict !== 'approved' && input.reason === null)
    return problem(
      'VALIDATION',
      'incentive.reason_required',
      'reason',
      'a rejection or a partial approval needs the manufacturer’s reason',
    );
  return null;
}

export interface PaymentFacts {
  status: FilingStatus;
  verdict: OemVerdict | null;
  decidedOn: string | null;
  approvedFen: number | null;
  receivedFen: number;
  today: string;
}

export function paymentProblem(
  input: { receivedOn: string; amountFen: number; overReason: string | null },
  facts: PaymentFacts,
): IncentiveProblem | null {
  const stand = standing(facts.status);
  if (stand) return stand;
  if (facts.verdict === null)
    return problem(
      'POLICY',
      'incentive.no_verdict',
      null,
      'record the manufacturer’s verdict first',
    );
  if (facts.verdict === 'rejected')
    return problem('POLICY', 'incentive.rejected_unpaid', null, 'a rejected filing is not paid');
  if (input.receivedOn > facts.today)
    return problem(
      'VALIDATION',
      'date.future',
      'receivedOn',
      'a payment is recorded once received',
    );
  if (facts.decidedOn !== null && input.receivedOn < facts.decidedOn)
    return problem(
      'VALIDATION',
      'incentive.payment_before_verdict',
      'receivedOn',
      `a payment cannot be dated before the verdict (${facts.decidedOn})`,
    );
  if (facts.receivedFen + input.amountFen > (facts.approvedFen ?? 0) && input.overReason === null)
    return problem(
      'POLICY',
      'incentive.over_approved',
      'overReason',
      'the payments would exceed the approved amount: state why',
    );
  return null;
}

/** Approved minus received, never below 0. */
export function outstandingFen(approvedFen: number | null, receivedFen: number): number {
  return Math.max(0, (approvedFen ?? 0) - receivedFen);
}

export function incentiveState(
  status: FilingStatus,
  verdict: OemVerdict | null,
  approvedFen: number | null,
  receivedFen: number,
): IncentiveState {
  if (status === 'draft') return 'not_submitted';
  if (status === 'withdrawn') return 'withdrawn';
  if (verdict === null) return 'awaiting_verdict';
  if (verdict === 'rejected') return 'rejected';
  if (receivedFen >= (approvedFen ?? 0)) return 'paid';
  return receivedFen > 0 ? 'partly_paid' : 'awaiting_payment';
}

const MONTHS: Record<IncentivePeriod, number> = { month: 1, quarter: 3, year: 12 };

/** The first day of the month, quarter or year that holds `day`. */
export function periodStart(period: IncentivePeriod, day: string): string {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  const first = period === 'year' ? 1 : period === 'quarter' ? month - ((month - 1) % 3) : month;
  return `${year}-${String(first).padStart(2, '0')}-01`;
}

/** The last day of the period that starts on `start`. */
export function periodEnd(period: IncentivePeriod, start: string): string {
  return addDays(addMonths(start, MONTHS[period]), -1);
}

/** 2026-03, 2026-Q1, 2026. */
export function periodKey(period: IncentivePeriod, start: string): string {
  if (period === 'year') return start.slice(0, 4);
  if (period === 'quarter')
    return `${start.slice(0, 4)}-Q${String(Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1)}`;
  return start.slice(0, 7);
}

/** Ranges longer than this many periods are refused (a year of months, ten years of quarters …). */
export const MAX_PERIODS = 120;

/** The periods that cover `from`–`to`, widened to whole periods. */
export function periodsOf(
  period: IncentivePeriod,
  from: string,
  to: string,
): { key: string; from: string; to: string }[] {
  const out: { key: string; from: string; to: string }[] = [];
  for (
    let start = periodStart(period, from);
    start <= to && out.length <= MAX_PERIODS;
    start = addMonths(start, MONTHS[period])
  )
    out.push({ key: periodKey(period, start), from: start, to: periodEnd(period, start) });
  return out;
}

/** A submitted (or since withdrawn) filing as the totals count it. */
export interface IncentiveFact {
  status: FilingStatus;
  /** China date of the submission. */
  submittedOn: string;
  verdict: OemVerdict | null;
  approvedFen: number | null;
  receivedFen: number;
}

const zero = (): IncentiveFigures => ({
  submitted: 0,
  approved: 0,
  partial: 0,
  rejected: 0,
  awaiting: 0,
  withdrawn: 0,
  approvedFen: 0,
  receivedFen: 0,
  outstandingFen: 0,
});

function add(into: IncentiveFigures, f: IncentiveFact): void {
  // A withdrawn filing is counted as withdrawn and takes nothing.
  if (f.status === 'withdrawn') {
    into.withdrawn += 1;
    return;
  }
  into.submitted += 1;
  if (f.verdict === null) into.awaiting += 1;
  else into[f.verdict] += 1;
  if (f.verdict === 'approved' || f.verdict === 'partial') {
    into.approvedFen += f.approvedFen ?? 0;
    into.outstandingFen += outstandingFen(f.approvedFen, f.receivedFen);
  }
  into.receivedFen += f.receivedFen;
}

/**
 * Totals per period by the filings' submission date: how many were submitted, approved (wholly or
 * partly), rejected or still await a verdict; the amounts approved, received to date and still
 * outstanding of those filings.
 */
export function sumIncentives(
  facts: readonly IncentiveFact[],
  period: IncentivePeriod,
  from: string,
  to: string,
): Pick<IncentiveTotals, 'rows' | 'total'> {
  const rows = periodsOf(period, from, to).map((p) => ({ ...p, ...zero() }));
  const total = zero();
  for (const f of facts) {
    const row = rows.find((r) => r.from <= f.submittedOn && f.submittedOn <= r.to);
    if (!row) continue;
    add(row, f);
    add(total, f);
  }
  return { rows, total };
}
