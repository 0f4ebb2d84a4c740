/**
 * The receivable rules (回款), pure so that the contract card, the receivables lists and the
 * calendar's "receivable falling due" agree: which invoices the payments settle (those naming an
 * invoice settle it first, the rest go to the oldest invoices — FIFO), the oldest invoice still
 * unpaid, the days outstanding since its issue and the days past its payment term, and the
 * collection rate (received ÷ invoiced).
 */
import { addDays } from './dates';

export interface InvoiceDue {
  id: number;
  issuedOn: string;
  amountFen: number;
}

export interface PaymentMade {
  id: number;
  invoiceId: number | null;
  amountFen: number;
}

export interface InvoiceSettlement extends InvoiceDue {
  paidFen: number;
  openFen: number;
}

/** Invoices oldest first (issue date, then the order they were recorded in). */
const oldestFirst = (a: InvoiceDue, b: InvoiceDue) =>
  a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.id - b.id;

/**
 * What of each invoice is paid: a payment naming an invoice settles it first (what exceeds it,
 * a confirmed over-payment, joins the pool); the pool — payments naming no invoice — settles the
 * oldest invoices in turn. Returned oldest first.
 */
export function settleInvoices(
  invoices: readonly InvoiceDue[],
  payments: readonly PaymentMade[],
): InvoiceSettlement[] {
  const sorted = [...invoices].sort(oldestFirst);
  const named = new Map<number, number>();
  let pool = 0;
  const known = new Set(sorted.map((i) => i.id));
  for (const p of payments) {
    if (p.invoiceId !== null && known.has(p.invoiceId))
      named.set(p.invoiceId, (named.get(p.invoiceId) ?? 0) + p.amountFen);
    else pool += p.amountFen;
  }
  const settled = sorted.map((i) => {
    const direct = named.get(i.id) ?? 0;
    pool += Math.max(0, direct - i.amountFen);
    return { ...i, paidFen: Math.min(direct, i.amountFen) };
  });
  return settled.map((i) => {
    const fromPool = Math.min(pool, i.amountFen - i.paidFen);
    pool -= fromPool;
    const paidFen = i.paidFen + fromPool;
    return { ...i, paidFen, openFen: i.amountFen - paidFen };
  });
}

/** The oldest invoice not paid in full, or null when every invoice is settled. */
export function oldestUnpaid(
  invoices: readonly InvoiceDue[],
  payments: readonly PaymentMade[],
): InvoiceSettlement | null {
  return settleInvoices(invoices, payments).find((i) => i.openFen > 0) ?? null;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface Receivable {
  totalFen: number;
  invoicedFen: number;
  receivedFen: number;
  openFen: number;
  invoicedOpenFen: number;
  creditFen: number;
  oldestUnpaidOn: string | null;
  daysOutstanding: number | null;
  dueOn: string | null;
  daysOverdue: number | null;
  invoices: InvoiceSettlement[];
}

/**
 * A contract's receivable on `today`: contract total − received (what is still owed under the
 * contract), invoiced − received (what is billed and unpaid), the credit of an over-payment, and
 * the oldest unpaid invoice's age; it is overdue once more than `termDays` have passed since.
 */
export function receivableOf(
  totalFen: number,
  invoices: readonly InvoiceDue[],
  payments: readonly PaymentMade[],
  today: string,
  termDays: number,
): Receivable {
  const settled = settleInvoices(invoices, payments);
  const invoicedFen = invoices.reduce((n, i) => n + i.amountFen, 0);
  const receivedFen = payments.reduce((n, p) => n + p.amountFen, 0);
  const oldest = settled.find((i) => i.openFen > 0) ?? null;
  const dueOn = oldest ? addDays(oldest.issuedOn, termDays) : null;
  const pastDue = dueOn === null ? 0 : daysBetween(dueOn, today);
  return {
    totalFen,
    invoicedFen,
    receivedFen,
    openFen: Math.max(0, totalFen - receivedFen),
    invoicedOpenFen: Math.max(0, invoicedFen - receivedFen),
    creditFen: Math.max(0, receivedFen - totalFen),
    oldestUnpaidOn: oldest?.issuedOn ?? null,
    daysOutstanding: oldest ? Math.max(0, daysBetween(oldest.issuedOn, today)) : null,
    dueOn,
    daysOverdue: pastDue > 0 ? pastDue : null,
    invoices: settled,
  };
}

/** Received ÷ invoiced (1 = all collected), null while nothing is invoiced. */
export function collectionRate(receivedFen: number, invoicedFen: number): number | null {
  return invoicedFen > 0 ? receivedFen / invoicedFen : null;
}

/** The period a date falls in: 2026-03, 2026-Q1 or 2026. */
export function periodKey(isoDate: string, period: 'month' | 'quarter' | 'year'): string {
  const year = isoDate.slice(0, 4);
  if (period === 'year') return year;
  const month = Number(isoDate.slice(5, 7));
  return period === 'month' ? `${year}-${isoDate.slice(5, 7)}` : `${year}-Q${Math.ceil(month / 3)}`;
}

/** The periods from one date to another, in order. */
export function periodsBetween(
  from: string,
  to: string,
  period: 'month' | 'quarter' | 'year',
): string[] {
  const keys: string[] = [];
  let month = `${from.slice(0, 7)}-01`;
  while (month <= to) {
    const key = periodKey(month, period);
    if (keys[keys.length - 1] !== key) keys.push(key);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  }
  return keys;
}

/** The key duplicates of a bank serial are found by: no spaces, NFKC, upper case. */
export function referenceKey(reference: string | null): string | null {
  if (reference === null) return null;
  const key = reference.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return key === '' ? null : key;
}
