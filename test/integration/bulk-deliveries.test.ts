/**
 * Deliveries and invoices in bulk: every pasted row judged (check character, repeated in the paste,
 * already delivered, more than contracted or allocated; invoice number, date and amount as
 * written), nothing saved while any row is wrong, and a clean batch saved whole or not at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../shared/dates';
import { signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { finalContract, priceEntry, vins } from '../helpers/sales';

let app: TestApp;
afterEach(async () => app?.close());

const past = (days: number) => addDays(chinaDate(), -days);

async function setup(quantity = 3) {
  app = await signedInApp('manager');
  const gov = await app.value('accounts.create', {
    account: account({ name: '杭州市公安局', buyerType: 'government' }),
  });
  const price = await priceEntry(app);
  const c = await finalContract(app, {
    accountId: gov.id,
    partyName: gov.name,
    priceId: price.id,
    quantity,
    signedOn: past(30),
  });
  return { gov, price, c, lineId: c.lines[0]!.id };
}

/** The same VIN with a wrong check character in position 9. */
function wrongCheck(vin: string): string {
  const bad = vin[8] === '1' ? '2' : '1';
  return `${vin.slice(0, 8)}${bad}${vin.slice(9)}`;
}

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('bulk deliveries', () => {
  it('judges every pasted VIN before saving and saves nothing while one row is wrong', async () => {
    const { c, lineId } = await setup(3);
    const [a, b, d, e] = vins(4);
    const other = await finalContract(app, {
      accountId: c.accountId,
      partyName: c.partyName,
      priceId: c.lines[0]!.priceId!,
      quantity: 1,
      signedOn: past(30),
    });
    await app.value('contracts.deliver', {
      contractId: other.id,
      lineId: other.lines[0]!.id,
      vin: e!,
      deliveredOn: past(3),
    });
    const input = {
      contractId: c.id,
      lineId,
      deliveredOn: past(1),
      rows: [
        { vin: a!.toLowerCase() },
        { vin: wrongCheck(b!) },
        { vin: `${a!.slice(0, 4)}-${a!.slice(4)}` },
        { vin: e! },
        { vin: 'LSVAU2180N12345' },
        { vin: 'LSVAU2I80N1234567' },
        { vin: b! },
        { vin: d! },
      ],
    };
    const preview = await app.value('contracts.addDeliveries', { ...input, dryRun: true });
    expect(preview.saved).toBe(false);
    expect(preview.remaining).toBe(3);
    expect(preview.rows.map((r) => r.vin)).toEqual([
      a,
      wrongCheck(b!),
      a,
      e,
      'LSVAU2180N12345',
      'LSVAU2I80N1234567',
      b,
      d,
    ]);
    expect(preview.rows.map(codes)).toEqual([
      [],
      ['vin.check_digit'],
      ['bulk.duplicate'],
      ['vin.taken'],
      ['vin.length'],
      ['vin.forbidden_letter'],
      [],
      [],
    ]);
    expect(preview.rows[1]!.problems[0]!.params).toEqual({
      expected: b![8],
      actual: wrongCheck(b!)[8],
    });
    expect(preview.rows[2]!.problems[0]!.params).toEqual({ firstRow: 1 });
    expect(preview.rows[3]!.problems[0]!.params).toEqual({ contractNo: other.number });
    expect(preview.rows[4]!.problems[0]!.params).toEqual({ length: 15 });

    // Saving the same paste is refused whole, with the rows that are wrong.
    const refused = await app.call('contracts.addDeliveries', input);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('VALIDATION');
    expect(refused.error.details).toMatchObject({ kind: 'bulk.rows_invalid' });
    expect((refused.error.details as { rows: unknown[] }).rows).toHaveLength(5);
    const unchanged = await app.value('contracts.get', { id: c.id });
    expect(unchanged.deliveries).toHaveLength(0);
  });

  it('counts against what the line can still take, and saves a clean batch in one go', async () => {
    const { c, lineId } = await setup(3);
    const [a, b, d, e] = vins(4);
    await app.value('contracts.deliver', {
      contractId: c.id,
      lineId,
      vin: a!,
      deliveredOn: past(5),
    });
    const rows = [{ vin: b! }, { vin: d! }, { vin: e! }];
    const preview = await app.value('contracts.addDeliveries', {
      contractId: c.id,
      lineId,
      deliveredOn: past(1),
      rows,
      dryRun: true,
    });
    expect(preview.remaining).toBe(2);
    expect(preview.rows.map(codes)).toEqual([[], [], ['delivery.exceeds_contract']]);
    expect(preview.rows[2]!.problems[0]!.params).toEqual({ remaining: 2 });

    const saved = await app.value('contracts.addDeliveries', {
      contractId: c.id,
      lineId,
      deliveredOn: past(1),
      registrationOwner: '杭州市公安局',
      rows: rows.slice(0, 2),
    });
    expect(saved.saved).toBe(true);
    expect(saved.contract!.delivered).toBe(3);
    expect(saved.contract!.deliveries.map((x) => x.vin).sort()).toEqual([a, b, d].sort());
    expect(saved.contract!.deliveries.find((x) => x.vin === b)!.registrationOwner).toBe(
      '杭州市公安局',
    );
  });

  it('takes an acknowledged check character; a batch dated before signing is refused whole', async () => {
    const { c, lineId } = await setup(3);
    const [a, b] = vins(2);
    const imported = wrongCheck(a!);
    const preview = await app.value('contracts.addDeliveries', {
      contractId: c.id,
      lineId,
      deliveredOn: past(1),
      rows: [{ vin: imported, acceptCheckDigit: true }, { vin: b! }],
      dryRun: true,
    });
    expect(preview.rows.map(codes)).toEqual([[], []]);
    expect(preview.rows[0]!.warnings.map((w) => w.code)).toEqual(['vin.check_digit_accepted']);
    // A delivery date before signing is the single workflow's refusal, for the whole batch.
    const early = await app.call('contracts.addDeliveries', {
      contractId: c.id,
      lineId,
      deliveredOn: past(40),
      rows: [{ vin: imported, acceptCheckDigit: true }, { vin: b! }],
    });
    expect(early.ok).toBe(false);
    expect(JSON.stringify(!early.ok && early.error.details)).toContain('delivery.before_signing');
    expect((await app.value('contracts.get', { id: c.id })).deliveries).toHaveLength(0);
    const saved = await app.value('contracts.addDeliveries', {
      contractId: c.id,
      lineId,
      deliveredOn: past(1),
      rows: [{ vin: imported, acceptCheckDigit: true }, { vin: b! }],
    });
    expect(saved.contract!.delivered).toBe(2);
  });

  it('holds a system contract to the unit’s allocation', async () => {
    app = await signedInApp('manager');
    const price = await priceEntry(app);
    const head = await app.value('accounts.create', {
      account: account({ name: '中国工商银行浙江省分行', buyerType: 'system' }),
    });
    const unit = await app.value('accounts.create', {
      account: account({ name: '中国工商银行杭州分行', buyerType: 'system', parentId: head.id }),
    });
    const draft = await app.value('contracts.create', {
      number: 'ICBC-BULK-1',
      kind: 'system',
      accountId: head.id,
      partyName: head.name,
      signedOn: past(20),
      lines: [{ priceId: price.id, quantity: 5, unitPriceFen: 20_000_000 }],
    });
    const lineId = draft.lines[0]!.id;
    const allocated = await app.value('contracts.allocate', {
      contractId: draft.id,
      unitId: unit.id,
      lineId,
      quantity: 2,
    });
    const c = await app.value('contracts.finalize', { id: allocated.id });
    const preview = await app.value('contracts.addDeliveries', {
      contractId: c.id,
      lineId,
      allocationId: c.allocations[0]!.id,
      deliveredOn: past(1),
      rows: vins(3).map((vin) => ({ vin })),
      dryRun: true,
    });
    expect(preview.remaining).toBe(2);
    expect(preview.rows.map(codes)).toEqual([[], [], ['delivery.exceeds_allocation']]);
    const noUnit = await app.call('contracts.addDeliveries', {
      contractId: c.id,
      lineId,
      deliveredOn: past(1),
      rows: vins(1).map((vin) => ({ vin })),
      dryRun: true,
    });
    expect(JSON.stringify(!noUnit.ok && noUnit.error.details)).toContain(
      'delivery.allocation_missing',
    );
  });
});

describe('bulk invoices', () => {
  it('reads one invoice per VIN as written (Chinese dates, 元 and 万元) and judges every row', async () => {
    const { c, lineId } = await setup(3);
    const [a, b, d, e] = vins(4);
    let detail = c;
    for (const vin of [a!, b!, d!])
      detail = await app.value('contracts.deliver', {
        contractId: c.id,
        lineId,
        vin,
        deliveredOn: past(5),
        registrationOwner: '杭州市公安局',
      });
    await app.value('contracts.invoice', {
      contractId: c.id,
      number: '04400001',
      issuedOn: past(4),
      buyerName: '杭州市公安局',
      amountFen: 20_000_000,
      deliveryIds: [detail.deliveries.find((x) => x.vin === d)!.id],
    });
    const input = {
      contractId: c.id,
      rows: [
        { vin: a!, number: '04400002', issuedOn: '2026年6月5日', amount: '200,000.00' },
        { vin: b!, number: '04400003', issuedOn: '2026/6/5', amount: '20.01万元' },
        { vin: d!, number: '04400004', issuedOn: '2026-06-05', amount: '200000' },
        { vin: e!, number: '04400002', issuedOn: '6月5日', amount: '二十万' },
        { vin: a!, number: '04400001', issuedOn: '2099-01-01', amount: '1' },
      ],
    };
    const preview = await app.value('contracts.addInvoices', { ...input, dryRun: true });
    expect(preview.rows.map((r) => [r.issuedOn, r.amountFen])).toEqual([
      ['2026-06-05', 20_000_000],
      ['2026-06-05', 20_010_000],
      ['2026-06-05', 20_000_000],
      [null, null],
      ['2099-01-01', 100],
    ]);
    expect(preview.rows.map(codes)).toEqual([
      [],
      ['invoice.exceeds_contract'],
      ['invoice.vin_invoiced'],
      [
        'invoice.vin_not_delivered',
        'bulk.number_duplicate',
        'invoice.date_invalid',
        'invoice.amount_invalid',
      ],
      ['bulk.duplicate', 'invoice.number_taken', 'invoice.date_future'],
    ]);
    expect(preview.rows[0]!.buyerName).toBe('杭州市公安局');
    expect(preview.rows[1]!.problems[0]!.params).toEqual({ totalFen: 60_000_000 });
    expect(preview.rows[3]!.problems[2]!.params).toEqual({ text: '6月5日' });
    const refused = await app.call('contracts.addInvoices', input);
    expect(refused.ok).toBe(false);
    expect((await app.value('contracts.get', { id: c.id })).invoices).toHaveLength(1);

    const saved = await app.value('contracts.addInvoices', {
      contractId: c.id,
      amountUnit: 'wan',
      rows: [
        { vin: a!, number: '04400002', issuedOn: '2026年6月5日', amount: '20' },
        { vin: b!, number: '04400003', issuedOn: '2026.6.5', amount: '200,000.00元' },
      ],
    });
    expect(saved.saved).toBe(true);
    expect(saved.contract!.invoicedFen).toBe(60_000_000);
    expect(saved.contract!.invoices.map((i) => [i.number, i.vins])).toEqual(
      expect.arrayContaining([
        ['04400002', [a]],
        ['04400003', [b]],
      ]),
    );
  });
});
