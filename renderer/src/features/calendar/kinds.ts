/** The colour of each deadline kind: the same in the calendar, its legend, my day and reminders. */
import {
  ACTIONABLE_KINDS,
  DEADLINE_KIND_VALUES,
  type DeadlineKind,
} from '../../../../shared/sales-enums';

// Distinct hues; red is kept for "overdue", grey-ish for "done".
export const KIND_COLORS: Record<DeadlineKind, string> = {
  doc_sale_end: '#13a8a8',
  bid_deadline: '#d46b08',
  opening: '#722ed1',
  publicity_end: '#2f54eb',
  bond_refund_due: '#ad8b00',
  delivery_due: '#1677ff',
  follow_up: '#389e0d',
  next_step: '#c41d7f',
  expected_close: '#5b6b82',
  claim_expiry: '#7cb305',
  receivable_due: '#874d00',
};

export const ALL_KINDS: readonly DeadlineKind[] = DEADLINE_KIND_VALUES;

export function isActionable(kind: DeadlineKind): boolean {
  return (ACTIONABLE_KINDS as readonly DeadlineKind[]).includes(kind);
}
