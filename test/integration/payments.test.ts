/**
 * Payments received (回款) through the API: partial payments, an over-payment refused with the
 * open balance and recorded as a credit once confirmed, the invoice cap, FIFO days outstanding,
 * overdue by the payment term (in 我的今天 and the calendar, moved with the term), the collection
 * rate per account, specialist and period, and who sees which figures.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../shared/clock';
import type { ErrorCode } from '../../shared/result';
import { testApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account } from '../helpers/fixtures';
import { finalContract, priceEntry } from '../helpers/sales';
import { inspect, runImport, workbook } from '../helpers/imports';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function refusal(
  call: Promise<{ ok: boolean; error?: { code: ErrorCode; details?: unknown } }>,
) {
  const r = await call;
  expect(r.ok).toBe(false);
  return { code: r.error?.code, details: r.error?.details as Record<string, unknown> };
}

/** 2026-06-10 in China; a manager, a specialist, each with an account and a final contract. */
async function setup() {
  const clock = new SettableClock('2026-06-10T02:00:00.000Z');
  const a = await testApp(tempDir(), { clock });
  app = a;
  const manager = await a.value('auth.setUp', { name: '王经理', role: 'manager' });
  const li = await a.value('staff.create', { name: '李专员', role: 'specialist' });
  const price = await priceEntry(a);
  const liAccount = await a.value('accounts.create', {
    account: account({ name: '杭州顺达汽车租赁有限公司', ownerId: li.id }),
  });
  const mine = await a.value('accounts.create', {
    account: account({ name: '宁波客运集团有限公司', ownerId: manager.id }),
  });
  // 2 × ¥200,000 = ¥400,000 = 40,000,000 fen.
  const liContract = await finalContract(a, {
    accountId: liAccount.id,
    partyName: liAccount.name,
    priceId: price.id,
    quantity: 2,
    signedOn: '2026-03-01',
  });
  const myContract = await finalContract(a, {
    accountId: mine.id,
    partyName: mine.name,
    priceId: price.id,
    quantity: 1,
    signedOn: '2026-03-01',
  });
  const invoice = (contractId: number, number: string, issuedOn: string, amountFen: number) =>
    a.value('contracts.invoice', { contractId, number, issuedOn, buyerName: '买方', amountFen });
  return { a, clock, manager, li, liAccount, mine, liContract, myContract, invoice, price };
}

describe('payments against a contract', () => {
  it('takes partial payments and shows both balances', async () => {
    const { a, liContract, invoice } = await setup();
    await invoice(liContract.id, 'FP001', '2026-05-01', 20_000_000);
    const first = await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-05-20',
      amountFen: 5_000_000,
      method: 'bank_transfer',
      reference: 'BK 0001',
    });
    expect(first).toMatchObject({
      totalFen: 40_000_000,
      invoicedFen: 20_000_000,
      receivedFen: 5_000_000,
      openFen: 35_000_000,
      invoicedOpenFen: 15_000_000,
      creditFen: 0,
    });
    const second = await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-06-01',
      amountFen: 15_000_000,
      method: 'acceptance_bill',
    });
    expect(second.receivedFen).toBe(20_000_000);
    expect(second.invoicedOpenFen).toBe(0);
    expect(second.daysOutstanding).toBeNull();
    expect(second.payments.map((p) => p.method)).toEqual(['acceptance_bill', 'bank_transfer']);
  });

  it('refuses an over-payment naming the open balance, and records it as a credit once confirmed', async () => {
    const { a, liContract } = await setup();
    await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-05-20',
      amountFen: 39_000_000,
    });
    const r = await refusal(
      a.call('payments.record', {
        contractId: liContract.id,
        receivedOn: '2026-05-21',
        amountFen: 2_000_000,
      }),
    );
    expect(r.code).toBe('POLICY');
    expect(r.details).toMatchObject({ kind: 'payment.over_contract', openFen: 1_000_000 });
    const confirmed = await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-05-21',
      amountFen: 2_000_000,
      overpaymentReason: '客户多付运费，下月冲抵',
    });
    expect(confirmed).toMatchObject({ receivedFen: 41_000_000, openFen: 0, creditFen: 1_000_000 });
    expect(confirmed.payments[0]!.overpaymentReason).toBe('客户多付运费，下月冲抵');
  });

  it('caps a payment against an invoice at its open amount unless confirmed', async () => {
    const { a, liContract, invoice } = await setup();
    const withInvoice = await invoice(liContract.id, 'FP002', '2026-05-01', 10_000_000);
    const invoiceId = withInvoice.invoices[0]!.id;
    await a.value('payments.record', {
      contractId: liContract.id,
      invoiceId,
      receivedOn: '2026-05-10',
      amountFen: 6_000_000,
    });
    const r = await refusal(
      a.call('payments.record', {
        contractId: liContract.id,
        invoiceId,
        receivedOn: '2026-05-11',
        amountFen: 5_000_000,
      }),
    );
    expect(r.details).toMatchObject({ kind: 'payment.over_invoice', openFen: 4_000_000 });
    const ok = await a.value('payments.record', {
      contractId: liContract.id,
      invoiceId,
      receivedOn: '2026-05-11',
      amountFen: 5_000_000,
      overpaymentReason: '含下一张发票的预付款',
    });
    expect(ok.invoices[0]).toMatchObject({ paidFen: 10_000_000, openFen: 0 });
  });

  it('refuses payments on a contract that is not final, a future date, a reference already recorded', async () => {
    const { a, liContract, liAccount, price } = await setup();
    const draft = await a.value('contracts.create', {
      number: 'HT-DRAFT',
      accountId: liAccount.id,
      partyName: liAccount.name,
      lines: [{ priceId: price.id, quantity: 1, unitPriceFen: 20_000_000 }],
    });
    expect(
      (
        await refusal(
          a.call('payments.record', {
            contractId: draft.id,
            receivedOn: '2026-06-01',
            amountFen: 1,
          }),
        )
      ).details,
    ).toMatchObject({ kind: 'payment.contract_not_final' });
    expect(
      (
        await refusal(
          a.call('payments.record', {
            contractId: liContract.id,
            receivedOn: '2026-06-11',
            amountFen: 1,
          }),
        )
      ).details,
    ).toMatchObject({ kind: 'date.future' });
    await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-06-01',
      amountFen: 100,
      reference: 'ab-778',
    });
    const twin = await refusal(
      a.call('payments.record', {
        contractId: liContract.id,
        receivedOn: '2026-06-02',
        amountFen: 100,
        reference: 'AB－778',
      }),
    );
    expect(twin).toMatchObject({ code: 'CONFLICT', details: { kind: 'payment.reference_taken' } });
  });

  it('edits and deletes with the row version, refusing a stale edit', async () => {
    const { a, liContract } = await setup();
    const rec = await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-06-01',
      amountFen: 1_000_000,
    });
    const p = rec.payments[0]!;
    const fields = {
      invoiceId: null,
      receivedOn: '2026-06-02',
      amountFen: 2_000_000,
      method: 'cash' as const,
      reference: null,
      payer: '顺达财务部',
      note: null,
      overpaymentReason: null,
    };
    const edited = await a.value('payments.update', {
      id: p.id,
      payment: fields,
      version: p.version,
    });
    expect(edited).toMatchObject({ receivedFen: 2_000_000 });
    expect(edited.payments[0]).toMatchObject({ method: 'cash', payer: '顺达财务部', version: 2 });
    const stale = await refusal(
      a.call('payments.update', { id: p.id, payment: fields, version: 1 }),
    );
    expect(stale).toMatchObject({ code: 'CONFLICT', details: { kind: 'stale' } });
    const gone = await a.value('payments.delete', { id: p.id, version: 2 });
    expect(gone.payments).toEqual([]);
    expect(gone.receivedFen).toBe(0);
  });
});

describe('receivables', () => {
  it('counts days outstanding from the oldest unpaid invoice, payments settling the oldest first', async () => {
    const { a, liContract, invoice } = await setup();
    await invoice(liContract.id, 'FP010', '2026-04-01', 10_000_000);
    await invoice(liContract.id, 'FP011', '2026-05-01', 10_000_000);
    // Paid against no invoice: it settles FP010 (the oldest) and part of FP011.
    const r = await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-05-15',
      amountFen: 12_000_000,
    });
    expect(r.invoices.map((i) => [i.number, i.paidFen, i.openFen])).toEqual([
      ['FP010', 10_000_000, 0],
      ['FP011', 2_000_000, 8_000_000],
    ]);
    // 2026-05-01 → 2026-06-10: 40 days; due 30 days after issue (2026-05-31), 10 days past it.
    expect(r).toMatchObject({
      oldestUnpaidOn: '2026-05-01',
      daysOutstanding: 40,
      dueOn: '2026-05-31',
      daysOverdue: 10,
      termDays: 30,
    });
  });

  it('is overdue past the payment term: in the owner’s day and the calendar, moved when the term changes', async () => {
    const { a, li, liContract, invoice } = await setup();
    await invoice(liContract.id, 'FP020', '2026-05-01', 10_000_000);
    const day = await a.value('myDay.get', { staffId: li.id });
    expect(day.overdueReceivables).toMatchObject([
      { contractId: liContract.id, invoicedOpenFen: 10_000_000, daysOverdue: 10 },
    ]);
    const cal = await a.value('calendar.list', {
      from: '2026-05-01',
      to: '2026-06-30',
      kinds: ['receivable_due'],
    });
    expect(cal.items).toMatchObject([
      {
        kind: 'receivable_due',
        dueOn: '2026-05-31',
        overdue: true,
        target: { entity: 'contract', id: liContract.id },
      },
    ]);

    const settings = await a.value('settings.sales', {});
    await a.value('settings.setSales', { ...settings, paymentTermDays: 60 });
    const later = await a.value('calendar.list', {
      from: '2026-05-01',
      to: '2026-07-31',
      kinds: ['receivable_due'],
    });
    expect(later.items).toMatchObject([{ dueOn: '2026-06-30', overdue: false }]);
    expect((await a.value('myDay.get', { staffId: li.id })).overdueReceivables).toEqual([]);

    // Paid in full: the receivable leaves the calendar.
    await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-06-09',
      amountFen: 10_000_000,
    });
    const paid = await a.value('calendar.list', {
      from: '2026-05-01',
      to: '2026-07-31',
      kinds: ['receivable_due'],
    });
    expect(paid.items).toEqual([]);
  });

  it('feeds the account’s 交易 facts and its scorecard risk: invoiced, received, overdue', async () => {
    const { a, liAccount, liContract, invoice } = await setup();
    await invoice(liContract.id, 'FP030', '2026-04-01', 30_000_000);
    await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-05-02',
      amountFen: 12_000_000,
    });
    // Due 2026-05-01 (30 days' term); on 2026-06-10 it is 40 days overdue, 18 万元 open.
    const value = await a.value('value.account', { id: liAccount.id });
    expect(value.facts).toMatchObject({
      invoicedFen: 30_000_000,
      receivedFen: 12_000_000,
      receivableFen: 18_000_000,
      overdueFen: 18_000_000,
      overdueDays: 40,
    });
    expect(value.scoreLines.find((l) => l.code === 'score.risk_overdue')).toMatchObject({
      part: 'risk',
      params: { overdueFen: 18_000_000, days: 40 },
    });
    expect(value.scoreLines.find((l) => l.code === 'score.risk_overdue')!.points).toBeLessThan(0);

    // Paid in full: nothing overdue, no risk from it.
    await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-06-09',
      amountFen: 18_000_000,
    });
    const paid = await a.value('value.account', { id: liAccount.id });
    expect(paid.facts).toMatchObject({ receivableFen: 0, overdueFen: 0, overdueDays: null });
    expect(paid.scoreLines.find((l) => l.code === 'score.risk_overdue')!.points).toBe(0);
  });

  it('shows a specialist their own accounts’ figures and a manager everyone’s', async () => {
    const { a, li, manager, liContract, myContract, invoice } = await setup();
    await invoice(liContract.id, 'FP030', '2026-04-10', 20_000_000);
    await invoice(myContract.id, 'FP031', '2026-05-20', 20_000_000);
    await a.value('payments.record', {
      contractId: liContract.id,
      receivedOn: '2026-05-05',
      amountFen: 15_000_000,
    });
    await a.value('payments.record', {
      contractId: myContract.id,
      receivedOn: '2026-06-05',
      amountFen: 5_000_000,
    });

    const all = await a.value('payments.receivables', { by: 'contract' });
    // Past due first: Li's (due 2026-05-10), then the manager's (due 2026-06-19).
    expect(all.rows.map((r) => [r.contractNo, r.invoicedOpenFen, r.daysOverdue])).toEqual([
      [liContract.number, 5_000_000, 31],
      [myContract.number, 15_000_000, null],
    ]);
    const byAccount = await a.value('payments.receivables', { by: 'account' });
    expect(byAccount.rows.map((r) => [r.accountId, r.collectionRate])).toEqual([
      [liContract.accountId, 0.75],
      [myContract.accountId, 0.25],
    ]);
    const team = await a.value('payments.collection', {
      period: 'quarter',
      from: '2026-01-01',
      to: '2026-06-30',
    });
    expect(team.periods).toEqual(['2026-Q1', '2026-Q2']);
    expect(
      team.rows.map((r) => [r.periodKey, r.ownerName, r.invoicedFen, r.receivedFen, r.rate]),
    ).toEqual([
      ['2026-Q2', '王经理', 20_000_000, 5_000_000, 0.25],
      ['2026-Q2', '李专员', 20_000_000, 15_000_000, 0.75],
    ]);
    expect(team.totals[1]).toMatchObject({ periodKey: '2026-Q2', rate: 0.5 });
    expect(manager.id).toBeLessThan(li.id);

    await a.value('auth.pick', { staffId: li.id });
    const mine = await a.value('payments.receivables', { by: 'contract' });
    expect(mine.rows.map((r) => r.contractId)).toEqual([liContract.id]);
    const myRate = await a.value('payments.collection', {
      period: 'month',
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(
      myRate.rows.map((r) => [r.periodKey, r.ownerName, r.invoicedFen, r.receivedFen]),
    ).toEqual([
      ['2026-04', '李专员', 20_000_000, 0],
      ['2026-05', '李专员', 0, 15_000_000],
    ]);
    const grid = await a.value('payments.list', {});
    expect(grid.rows.map((r) => r.contractId)).toEqual([liContract.id]);
    // The manager's payment is not Li's to change.
    await a.value('auth.pick', { staffId: manager.id });
    const managers = await a.value('payments.ofContract', { contractId: myContract.id });
    await a.value('auth.pick', { staffId: li.id });
    const p = managers.payments[0]!;
    expect((await refusal(a.call('payments.delete', { id: p.id, version: p.version }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(a.call('payments.ofContract', { contractId: myContract.id }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (
        await refusal(
          a.call('payments.record', {
            contractId: myContract.id,
            receivedOn: '2026-06-01',
            amountFen: 1,
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('importing a payment list', () => {
  async function withInvoices() {
    const s = await setup();
    await s.invoice(s.liContract.id, '04417001', '2026-05-01', 10_000_000);
    return s;
  }
  const header = [
    '交易日期',
    '金额（万元）',
    '合同编号',
    '发票号码',
    '对方户名',
    '交易流水号',
    '结算方式',
  ];

  it('matches rows by contract number (as typed, spaced or full-width) or by invoice number', async () => {
    const { a, liContract, myContract } = await withInvoices();
    const spaced = ` ${liContract.number.toLowerCase()} `;
    const file = await workbook(
      [
        ['2026年6月收款明细'],
        header,
        ['2026/5/20', '１０', spaced, '', '杭州顺达', 'SN-001', '电汇'],
        ['2026-06-01', 5, '', '04417001', '杭州顺达', 'SN-002', '银行承兑汇票'],
        ['2026.6.2', '2.5', myContract.number, '', '宁波客运', 'SN-003', ''],
      ],
      undefined,
      '银行流水',
    );
    const inspection = await inspect(a, file, 'payments');
    const sheet = inspection.sheets[0]!;
    expect(sheet.headerRow).toBe(2);
    expect(sheet.columns.map((c) => c.field)).toEqual([
      'receivedOn',
      'paymentAmount',
      'contractNo',
      'invoiceNo',
      'payer',
      'paymentReference',
      'paymentMethod',
    ]);
    const dry = await runImport(a, inspection.fileId, sheet, 'dryRun', { target: 'payments' });
    expect(dry.summary).toMatchObject({ create: 3, reject: 0 });
    expect((await a.value('payments.ofContract', { contractId: liContract.id })).payments).toEqual(
      [],
    );

    const done = await runImport(a, inspection.fileId, sheet, 'commit', { target: 'payments' });
    expect(done.summary).toMatchObject({ create: 3, reject: 0, committed: true });
    const li = await a.value('payments.ofContract', { contractId: liContract.id });
    expect(li.payments.map((p) => [p.receivedOn, p.amountFen, p.method, p.invoiceNo])).toEqual([
      ['2026-06-01', 5_000_000, 'acceptance_bill', '04417001'],
      ['2026-05-20', 10_000_000, 'bank_transfer', null],
    ]);
    expect((await a.value('payments.ofContract', { contractId: myContract.id })).receivedFen).toBe(
      2_500_000,
    );

    // The same list again: every row is already recorded — flagged, nothing written twice.
    const again = await runImport(a, inspection.fileId, sheet, 'commit', { target: 'payments' });
    expect(again.summary).toMatchObject({ create: 0, unchanged: 3, reject: 0 });
    expect(again.report.rows[0]!.warnings[0]).toMatchObject({ code: 'payment.already_recorded' });
  });

  it('writes nothing when a row is refused (all-or-nothing), saying why per row', async () => {
    const { a, liContract } = await withInvoices();
    const file = await workbook([
      header,
      ['2026-05-20', '1', liContract.number, '', '', 'X-1', ''],
      ['2026-05-21', '1', 'HT-NO-SUCH', '', '', 'X-2', ''],
      ['2026-05-22', '1', '', '99999999', '', 'X-3', ''],
      ['2026-05-23', '100', liContract.number, '', '', 'X-4', ''],
      ['不是日期', 'abc', liContract.number, '', '', 'X-1', '支付宝'],
    ]);
    const inspection = await inspect(a, file, 'payments');
    const sheet = inspection.sheets[0]!;
    const r = await runImport(a, inspection.fileId, sheet, 'commit', { target: 'payments' });
    expect(r.summary).toMatchObject({ create: 1, reject: 4, committed: false });
    const codes = r.report.rows.map((row) => row.reasons.map((x) => x.code));
    expect(codes).toEqual([
      [],
      ['contract.not_found'],
      ['invoice.not_found'],
      // ¥1,000,000 against ¥400,000 with ¥10,000 already in this file: open ¥390,000.
      ['payment.over_contract'],
      ['date.invalid', 'money.invalid', 'enum.unknown', 'payment.duplicate_in_file'],
    ]);
    expect(r.report.rows[3]!.reasons[0]!.detail).toBe('390000.00');
    expect((await a.value('payments.ofContract', { contractId: liContract.id })).payments).toEqual(
      [],
    );

    const valid = await runImport(a, inspection.fileId, sheet, 'commit', {
      target: 'payments',
      policy: 'validOnly',
    });
    expect(valid.summary).toMatchObject({ create: 1, reject: 4, committed: true });
    expect((await a.value('payments.ofContract', { contractId: liContract.id })).receivedFen).toBe(
      1_000_000,
    );
  });
});
