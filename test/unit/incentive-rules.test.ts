/**
 * The incentive rules on known answers: period boundaries (month, quarter, year), totals that put a
 * filing in the period of its submission date, a withdrawn filing counted apart and taking nothing,
 * and payments up to exactly the approved amount without a reason.
 */
import { describe, expect, it } from 'vitest';
import {
  incentiveState,
  type IncentiveFact,
  paymentProblem,
  periodEnd,
  periodKey,
  periodsOf,
  periodStart,
  sumIncentives,
  verdictProblem,
} from '../../shared/incentive-rules';

const fact = (submittedOn: string, over: Partial<IncentiveFact> = {}): IncentiveFact => ({
  status: 'submitted',
  submittedOn,
  verdict: null,
  approvedFen: null,
  receivedFen: 0,
  ...over,
});

describe('incentive periods', () => {
  it('finds the month, quarter and year of a day', () => {
    expect(periodStart('month', '2026-02-28')).toBe('2026-02-01');
    expect(periodEnd('month', '2024-02-01')).toBe('2024-02-29');
    expect(periodStart('quarter', '2026-03-31')).toBe('2026-01-01');
    expect(periodStart('quarter', '2026-04-01')).toBe('2026-04-01');
    expect(periodEnd('quarter', '2026-10-01')).toBe('2026-12-31');
    expect(periodKey('quarter', '2026-07-01')).toBe('2026-Q3');
    expect(periodKey('month', '2026-07-01')).toBe('2026-07');
    expect(periodKey('year', '2026-01-01')).toBe('2026');
    expect(periodsOf('quarter', '2025-11-15', '2026-02-01').map((p) => p.key)).toEqual([
      '2025-Q4',
      '2026-Q1',
    ]);
  });

  it('puts each filing in the period of its submission date, quarter edges included', () => {
    const facts = [
      fact('2026-03-31', { verdict: 'approved', approvedFen: 500, receivedFen: 200 }),
      fact('2026-04-01', { verdict: 'partial', approvedFen: 300, receivedFen: 300 }),
      fact('2026-04-30', { verdict: 'rejected' }),
      fact('2026-06-30'),
      fact('2026-05-05', { status: 'withdrawn', verdict: 'approved', approvedFen: 999 }),
      fact('2026-07-01'),
    ];
    const { rows, total } = sumIncentives(facts, 'quarter', '2026-01-01', '2026-06-30');
    expect(
      rows.map((r) => [r.key, r.submitted, r.approved, r.partial, r.rejected, r.awaiting]),
    ).toEqual([
      ['2026-Q1', 1, 1, 0, 0, 0],
      ['2026-Q2', 3, 0, 1, 1, 1],
    ]);
    expect(rows[1]).toMatchObject({
      withdrawn: 1,
      approvedFen: 300,
      receivedFen: 300,
      outstandingFen: 0,
    });
    // The July filing is outside the range; the withdrawn one takes nothing.
    expect(total).toEqual({
      submitted: 4,
      approved: 1,
      partial: 1,
      rejected: 1,
      awaiting: 1,
      withdrawn: 1,
      approvedFen: 800,
      receivedFen: 500,
      outstandingFen: 300,
    });
  });
});

describe('incentive rules', () => {
  const paid = {
    status: 'submitted' as const,
    verdict: 'approved' as const,
    decidedOn: '2026-06-01',
    approvedFen: 1000,
    receivedFen: 600,
    today: '2026-06-10',
  };

  it('pays up to exactly the approved amount without a reason, beyond only with one', () => {
    const pay = (amountFen: number, overReason: string | null = null) =>
      paymentProblem({ receivedOn: '2026-06-05', amountFen, overReason }, paid)?.kind ?? null;
    expect(pay(400)).toBeNull();
    expect(pay(401)).toBe('incentive.over_approved');
    expect(pay(401, '补发差额')).toBeNull();
    expect(
      paymentProblem({ receivedOn: '2026-05-31', amountFen: 1, overReason: null }, paid)?.kind,
    ).toBe('incentive.payment_before_verdict');
    expect(
      paymentProblem(
        { receivedOn: '2026-06-05', amountFen: 1, overReason: null },
        {
          ...paid,
          status: 'withdrawn',
        },
      )?.kind,
    ).toBe('incentive.withdrawn');
  });

  it('judges only a submitted filing, and a full approval needs no reason', () => {
    const facts = {
      status: 'submitted' as const,
      submittedOn: '2026-06-01',
      receivedFen: 0,
      today: '2026-06-10',
    };
    const verdict = {
      verdict: 'approved' as const,
      decidedOn: '2026-06-01',
      approvedFen: 10,
      reason: null,
    };
    expect(verdictProblem(verdict, facts)).toBeNull();
    expect(verdictProblem(verdict, { ...facts, status: 'draft' })?.kind).toBe(
      'incentive.not_submitted',
    );
    expect(
      verdictProblem({ ...verdict, verdict: 'rejected', approvedFen: null }, facts)?.kind,
    ).toBe('incentive.reason_required');
  });

  it('names where the incentive stands', () => {
    expect(incentiveState('submitted', 'approved', 1000, 0)).toBe('awaiting_payment');
    expect(incentiveState('submitted', 'partial', 1000, 999)).toBe('partly_paid');
    expect(incentiveState('submitted', 'approved', 1000, 1000)).toBe('paid');
    expect(incentiveState('withdrawn', 'approved', 1000, 0)).toBe('withdrawn');
    expect(incentiveState('submitted', null, null, 0)).toBe('awaiting_verdict');
  });
});
