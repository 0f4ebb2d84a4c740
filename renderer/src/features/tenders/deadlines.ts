/** How close a tender date is, for highlighting: due within three days, or already passed. */
import { addDays, chinaDate } from '../../../../shared/dates';
import type { TenderStatus } from '../../../../shared/sales-enums';

export type Urgency = 'passed' | 'near' | 'later';

const NEAR_DAYS = 3;
const NEAR_MS = NEAR_DAYS * 86_400_000;

/** A moment (bid deadline, opening): passed once the clock is past it. */
export function instantUrgency(iso: string, now: number): Urgency {
  const at = Date.parse(iso);
  if (at <= now) return 'passed';
  return at - now <= NEAR_MS ? 'near' : 'later';
}

/** A business day (YYYY-MM-DD, China): still "near" on the day itself, passed the day after. */
export function dayUrgency(isoDate: string, now: number): Urgency {
  const today = chinaDate(new Date(now));
  if (isoDate < today) return 'passed';
  return isoDate <= addDays(today, NEAR_DAYS) ? 'near' : 'later';
}

/** Only a tender still under way has deadlines to watch. */
export function isOpenTender(status: TenderStatus): boolean {
  return status === 'planned' || status === 'announced';
}

export type RefundState = Urgency | 'overdue' | 'refunded';

/**
 * A paid bond is chased whatever became of the tender: overdue from the day after it was due
 * until it is refunded. Null when there is nothing to chase (no bond, or no due date).
 */
export function refundState(
  bond: { paid: boolean; bondRefundDueOn: string | null; bondRefundedOn: string | null },
  now: number,
): RefundState | null {
  if (bond.bondRefundedOn) return 'refunded';
  if (!bond.paid || !bond.bondRefundDueOn) return null;
  const u = dayUrgency(bond.bondRefundDueOn, now);
  return u === 'passed' ? 'overdue' : u;
}
