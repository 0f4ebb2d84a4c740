/**
 * The receivable rules on hand-made figures: payments naming an invoice settle it first, the rest
 * settle the oldest invoices (FIFO), an over-payment of an invoice flows on; days outstanding and
 * overdue by the term; the collection rate and the periods it is reported by.
 */
import { describe, expect, it } from 'vitest';
import {
  collectionRate,
  periodKey,
  periodsBetween,
  receivableOf,
  referenceKey,
  settleInvoices,
} from '../../shared/receivables';

const invoices = [
  { id: 2, issuedOn: '2026-03-01', amountFen: 300 },
  { id: 1, issuedOn: '2026-01-15', amountFen: 100 },
  { id: 3, issuedOn: '2026-03-01', amountFen: 200 },
];

describe('settling invoices', () => {
  it('pays the oldest first with payments that name no invoice', () => {
    const s = settleInvoices(invoices, [{ id: 9, invoiceId: null, amountFen: 250 }]);
    expect(s.map((i) => [i.id, i.paidFen, i.openFen])).toEqual([
      [1, 100, 0],
      [2, 150, 150],
      [3, 0, 200],
    ]);
  });

  it('lets a named payment settle its invoice first and pass on what exceeds it', () => {
    const s = settleInvoices(invoices, [
      { id: 8, invoiceId: 3, amountFen: 260 },
      { id: 9, invoiceId: null, amountFen: 50 },
    ]);
    // 60 over invoice 3 and the 50 unnamed go to invoice 1 (100), then nothing is left for 2.
    expect(s.map((i) => [i.id, i.paidFen, i.openFen])).toEqual([
      [1, 100, 0],
      [2, 10, 290],
      [3, 200, 0],
    ]);
  });
});

describe('a contract’s receivable', () => {
  it('counts days outstanding from the oldest unpaid invoice and is overdue after the term', () => {
    const r = receivableOf(
      1000,
      invoices,
      [{ id: 9, invoiceId: null, amountFen: 100 }],
      '2026-04-15',
      30,
    );
    expect(r).toMatchObject({
      invoicedFen: 600,
      receivedFen: 100,
      openFen: 900,
      invoicedOpenFen: 500,
      creditFen: 0,
      oldestUnpaidOn: '2026-03-01',
      daysOutstanding: 45,
      dueOn: '2026-03-31',
      daysOverdue: 15,
    });
    const longer = receivableOf(1000, invoices, [], '2026-04-15', 90);
    expect(longer).toMatchObject({
      oldestUnpaidOn: '2026-01-15',
      daysOutstanding: 90,
      daysOverdue: null,
    });
  });

  it('shows an over-payment as a credit with nothing outstanding', () => {
    const r = receivableOf(
      600,
      invoices,
      [{ id: 9, invoiceId: null, amountFen: 700 }],
      '2026-04-15',
      30,
    );
    expect(r).toMatchObject({
      openFen: 0,
      invoicedOpenFen: 0,
      creditFen: 100,
      daysOutstanding: null,
    });
  });
});

describe('collection', () => {
  it('divides received by invoiced, and has no rate before anything is invoiced', () => {
    expect(collectionRate(75, 100)).toBe(0.75);
    expect(collectionRate(10, 0)).toBeNull();
  });

  it('names months, quarters and years and lists them in order', () => {
    expect(periodKey('2026-11-30', 'month')).toBe('2026-11');
    expect(periodKey('2026-11-30', 'quarter')).toBe('2026-Q4');
    expect(periodKey('2026-11-30', 'year')).toBe('2026');
    expect(periodsBetween('2025-11-15', '2026-02-01', 'month')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(periodsBetween('2025-11-15', '2026-04-01', 'quarter')).toEqual([
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
  });

  it('compares bank serials without spaces, width or case', () => {
    expect(referenceKey(' ab １２3 ')).toBe('AB123');
    expect(referenceKey('  ')).toBeNull();
  });
});
