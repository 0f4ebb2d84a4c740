/**
 * The order a tender's dates must keep (announcement before the document sale, the sale before the
 * bid deadline, the opening before the award …). Pure, so the form can say it before saving.
 */
import { chinaDate } from './dates';
import type { ErrorKind, FieldIssue } from './result';

export interface TenderDates {
  intentionOn?: string | null;
  announcedOn?: string | null;
  docSaleStartOn?: string | null;
  docSaleEndOn?: string | null;
  bidDeadlineAt?: string | null;
  openingAt?: string | null;
  publicityEndOn?: string | null;
  awardedOn?: string | null;
  bondPaidOn?: string | null;
  bondRefundDueOn?: string | null;
  bondRefundedOn?: string | null;
}

type Field = keyof TenderDates;

/** [earlier, later, code]: `earlier` must not be after `later` (compared as China dates). */
const ORDER: [Field, Field, ErrorKind][] = [
  ['intentionOn', 'announcedOn', 'tender.announced_before_intention'],
  ['announcedOn', 'docSaleStartOn', 'tender.sale_before_announcement'],
  ['docSaleStartOn', 'docSaleEndOn', 'tender.sale_end_before_start'],
  ['announcedOn', 'bidDeadlineAt', 'tender.deadline_before_announcement'],
  ['docSaleEndOn', 'bidDeadlineAt', 'tender.sale_after_deadline'],
  ['bidDeadlineAt', 'openingAt', 'tender.opening_before_deadline'],
  ['openingAt', 'awardedOn', 'tender.award_before_opening'],
  ['openingAt', 'publicityEndOn', 'tender.publicity_before_opening'],
  ['bondPaidOn', 'bondRefundedOn', 'tender.refund_before_payment'],
];

const day = (v: string) => (v.length > 10 ? chinaDate(v) : v);

/** A broken order as a field issue; its code doubles as the error's `details.kind`. */
type TenderDateIssue = FieldIssue & { code: ErrorKind };

export function tenderDateProblems(d: TenderDates): TenderDateIssue[] {
  const issues: TenderDateIssue[] = [];
  for (const [a, b, code] of ORDER) {
    const x = d[a];
    const y = d[b];
    if (!x || !y) continue;
    // Two instants compare exactly; otherwise by day.
    const wrong = x.length > 10 && y.length > 10 ? Date.parse(x) > Date.parse(y) : day(x) > day(y);
    if (wrong) issues.push({ path: b, code, message: code });
  }
  if (d.bondRefundedOn && !d.bondPaidOn)
    issues.push({
      path: 'bondRefundedOn',
      code: 'tender.refund_without_payment',
      message: 'tender.refund_without_payment',
    });
  return issues;
}
