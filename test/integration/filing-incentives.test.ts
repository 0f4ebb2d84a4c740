/**
 * The incentive after a filing's submission through the API: the manufacturer's verdict only on a
 * submitted filing, a rejection unpaid, payments within the approved amount unless a reason is
 * stated, nothing for a withdrawn filing, the filing's history, and the totals per period for a
 * manager (the store) and a specialist (their teams' accounts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../shared/dates';
import { addStaff, signedInApp, type TestApp } from '../helpers/app';
import { expectError } from '../helpers/errors';
import { submittedGovernmentFiling } from '../helpers/sales';

let app: TestApp;
afterEach(async () => app?.close());

const today = () => chinaDate();

describe('the incentive after submission', () => {
  it('records an approval and payments, with the over-payment rule and the history', async () => {
    app = await signedInApp('manager');
    const { filing } = await submittedGovernmentFiling(app, 3);
    expect(filing.incentive).toMatchObject({ state: 'awaiting_verdict', receivedFen: 0 });

    // No payment before the verdict.
    await expectError(
      app.call('filings.recordPayment', { id: filing.id, receivedOn: today(), amountFen: 100 }),
      'POLICY',
      'incentive.no_verdict',
    );
    // A verdict is dated on or after the submission, never in the future.
    await expectError(
      app.call('filings.recordVerdict', {
        id: filing.id,
        verdict: 'approved',
        decidedOn: addDays(today(), -1),
        approvedFen: 900_000,
      }),
      'VALIDATION',
      'incentive.verdict_before_submission',
    );
    await expectError(
      app.call('filings.recordVerdict', {
        id: filing.id,
        verdict: 'approved',
        decidedOn: addDays(today(), 1),
        approvedFen: 900_000,
      }),
      'VALIDATION',
      'date.future',
    );
    await expectError(
      app.call('filings.recordVerdict', { id: filing.id, verdict: 'approved', decidedOn: today() }),
      'VALIDATION',
      'incentive.amount_required',
    );
    await expectError(
      app.call('filings.recordVerdict', {
        id: filing.id,
        verdict: 'partial',
        decidedOn: today(),
        approvedFen: 600_000,
      }),
      'VALIDATION',
      'incentive.reason_required',
    );

    const partial = await app.value('filings.recordVerdict', {
      id: filing.id,
      verdict: 'partial',
      decidedOn: today(),
      approvedFen: 600_000,
      reason: 'units_reduced',
      note: '核减 1 台（行驶证未上传）',
    });
    expect(partial.incentive).toMatchObject({
      state: 'awaiting_payment',
      verdict: 'partial',
      reason: 'units_reduced',
      approvedFen: 600_000,
      outstandingFen: 600_000,
    });

    const first = await app.value('filings.recordPayment', {
      id: filing.id,
      receivedOn: today(),
      amountFen: 400_000,
      reference: 'SVW-2026-0610',
    });
    expect(first.incentive).toMatchObject({
      state: 'partly_paid',
      receivedFen: 400_000,
      outstandingFen: 200_000,
    });
    // Past the approved amount only with a stated reason.
    await expectError(
      app.call('filings.recordPayment', { id: filing.id, receivedOn: today(), amountFen: 300_000 }),
      'POLICY',
      'incentive.over_approved',
    );
    const over = await app.value('filings.recordPayment', {
      id: filing.id,
      receivedOn: today(),
      amountFen: 300_000,
      overReason: '厂家补发上季度返利差额',
    });
    expect(over.incentive).toMatchObject({
      state: 'paid',
      receivedFen: 700_000,
      outstandingFen: 0,
    });
    expect(over.incentive.payments.map((p) => [p.amountFen, p.overReason])).toEqual([
      [400_000, null],
      [300_000, '厂家补发上季度返利差额'],
    ]);

    // With money received, the verdict cannot become a rejection nor fall below what came in.
    await expectError(
      app.call('filings.recordVerdict', {
        id: filing.id,
        verdict: 'rejected',
        decidedOn: today(),
        reason: 'evidence_incomplete',
      }),
      'POLICY',
      'incentive.paid_cannot_reject',
    );
    await expectError(
      app.call('filings.recordVerdict', {
        id: filing.id,
        verdict: 'approved',
        decidedOn: today(),
        approvedFen: 500_000,
      }),
      'POLICY',
      'incentive.approved_below_received',
    );

    const history = await app.value('filings.history', { id: filing.id });
    expect(history.rows.map((r) => r.action)).toEqual([
      'filings.recordPayment',
      'filings.recordPayment',
      'filings.recordVerdict',
      'filings.submit',
      'documents.attach',
      'documents.attach',
      'documents.attach',
      'filings.create',
    ]);
    expect(history.rows[2]!.after).toMatchObject({ verdict: 'partial', approvedFen: 600_000 });
  });

  it('takes no verdict before submission, pays no rejection and gives a withdrawn filing nothing', async () => {
    app = await signedInApp('manager');
    const { filing } = await submittedGovernmentFiling(app, 2);
    const rejected = await app.value('filings.recordVerdict', {
      id: filing.id,
      verdict: 'rejected',
      decidedOn: today(),
      reason: 'claim_conflict',
      note: '他店先报备',
    });
    expect(rejected.incentive).toMatchObject({
      state: 'rejected',
      approvedFen: null,
      outstandingFen: 0,
    });
    await expectError(
      app.call('filings.recordPayment', { id: filing.id, receivedOn: today(), amountFen: 1 }),
      'POLICY',
      'incentive.rejected_unpaid',
    );
    await expectError(
      app.call('filings.recordVerdict', {
        id: filing.id,
        verdict: 'rejected',
        decidedOn: today(),
        approvedFen: 5,
        reason: 'late',
      }),
      'VALIDATION',
      'incentive.rejected_amount',
    );

    await app.value('filings.withdraw', { id: filing.id, reason: '客户改为他店购车' });
    await expectError(
      app.call('filings.recordVerdict', {
        id: filing.id,
        verdict: 'approved',
        decidedOn: today(),
        approvedFen: 1000,
      }),
      'POLICY',
      'incentive.withdrawn',
    );

    // A draft (the contract filed again after the withdrawal) has nothing to judge yet.
    const draft = await app.value('filings.create', { contractId: filing.contractId });
    expect(draft.incentive.state).toBe('not_submitted');
    await expectError(
      app.call('filings.recordVerdict', {
        id: draft.id,
        verdict: 'approved',
        decidedOn: today(),
        approvedFen: 1000,
      }),
      'POLICY',
      'incentive.not_submitted',
    );
  });

  it('sums the incentive per month, quarter and year: the manager the store, a specialist their teams', async () => {
    app = await signedInApp('manager');
    const a = await submittedGovernmentFiling(app, 3);
    const b = await submittedGovernmentFiling(app, 2, { model: '途观L', buyer: '杭州市税务局' });
    const c = await submittedGovernmentFiling(app, 4, { model: '迈腾', buyer: '杭州海关' });
    const d = await submittedGovernmentFiling(app, 1, { model: '朗逸', buyer: '杭州市法院' });
    await app.value('filings.recordVerdict', {
      id: a.filing.id,
      verdict: 'approved',
      decidedOn: today(),
      approvedFen: 900_000,
    });
    await app.value('filings.recordPayment', {
      id: a.filing.id,
      receivedOn: today(),
      amountFen: 250_000,
    });
    await app.value('filings.recordVerdict', {
      id: b.filing.id,
      verdict: 'rejected',
      decidedOn: today(),
      reason: 'late',
    });
    await app.value('filings.withdraw', { id: d.filing.id, reason: '重复报备' });

    const figures = {
      submitted: 3,
      approved: 1,
      partial: 0,
      rejected: 1,
      awaiting: 1,
      withdrawn: 1,
      approvedFen: 900_000,
      receivedFen: 250_000,
      outstandingFen: 650_000,
    };
    const year = today().slice(0, 4);
    const month = today().slice(0, 7);
    const monthly = await app.value('filings.incentiveTotals', { period: 'month' });
    expect(monthly).toMatchObject({ from: `${year}-01-01`, to: `${year}-12-31`, scope: 'all' });
    expect(monthly.rows).toHaveLength(12);
    expect(monthly.total).toEqual(figures);
    expect(monthly.rows.find((r) => r.key === month)).toMatchObject(figures);
    expect(monthly.rows.filter((r) => r.submitted > 0)).toHaveLength(1);

    const quarterly = await app.value('filings.incentiveTotals', { period: 'quarter' });
    expect(quarterly.rows.map((r) => r.key)).toEqual([1, 2, 3, 4].map((q) => `${year}-Q${q}`));
    expect(quarterly.total).toEqual(figures);
    const yearly = await app.value('filings.incentiveTotals', {
      period: 'year',
      from: `${Number(year) - 1}-05-01`,
      to: `${year}-02-01`,
    });
    expect(yearly.rows.map((r) => [r.key, r.submitted])).toEqual([
      [String(Number(year) - 1), 0],
      [year, 3],
    ]);
    // A range outside the submissions counts nothing; a reversed one is refused.
    const before = await app.value('filings.incentiveTotals', {
      period: 'month',
      from: '2025-01-01',
      to: '2025-03-31',
    });
    expect(before.total.submitted).toBe(0);
    await expectError(
      app.call('filings.incentiveTotals', {
        period: 'month',
        from: '2026-05-01',
        to: '2026-01-01',
      }),
      'VALIDATION',
      'incentive.range_invalid',
    );

    // A specialist on the team of only c's account sees only c.
    const li = await addStaff(app, { name: '李专员', role: 'specialist' });
    await app.value('accounts.setTeam', { id: c.filing.accountId, coOwnerIds: [li.id] });
    await app.value('auth.pick', { staffId: li.id });
    const own = await app.value('filings.incentiveTotals', { period: 'year' });
    expect(own.scope).toBe('team');
    expect(own.total).toMatchObject({ submitted: 1, awaiting: 1, approvedFen: 0, receivedFen: 0 });
    // …and cannot record on a filing outside their teams.
    const r = await app.call('filings.recordVerdict', {
      id: a.filing.id,
      verdict: 'approved',
      decidedOn: today(),
      approvedFen: 1,
    });
    expect(r.ok).toBe(false);
    await expectError(app.call('filings.history', { id: a.filing.id }), 'FORBIDDEN', 'not_on_team');
  });
});
