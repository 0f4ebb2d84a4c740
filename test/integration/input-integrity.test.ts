/**
 * No INTERNAL for bad input (issue 13): impossible dates, lone surrogates and ids of records that
 * do not exist are refused as VALIDATION naming the field, and nothing is written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { type Input, METHOD_NAMES, type MethodName } from '../../shared/api';
import { addDays, chinaDate } from '../../shared/dates';
import type { ApiError, FieldIssue, Result } from '../../shared/result';
import { methodReferencePaths } from '../../electron/db/references';
import { addStaff, signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { inspect, runImport, workbook } from '../helpers/imports';
import { priceEntry, vin } from '../helpers/sales';

let app: TestApp;
afterEach(async () => app?.close());

function refused(r: Result<unknown>): ApiError {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return (r as { error: ApiError }).error;
}

function fieldsOf(error: ApiError): FieldIssue[] {
  return ((error.details as { fields?: FieldIssue[] } | undefined)?.fields ?? []).map((f) => ({
    path: f.path,
    code: f.code,
    message: f.message,
  }));
}

/** A VALIDATION error naming exactly these fields, each with its issue code. */
function expectFields(r: Result<unknown>, codes: Record<string, string>): void {
  const error = refused(r);
  expect(error.code, error.message).toBe('VALIDATION');
  const fields = Object.fromEntries(fieldsOf(error).map((f) => [f.path, f.code]));
  expect(fields).toEqual(codes);
}

function expectInvalid(r: Result<unknown>, paths: string[], code: string): void {
  expectFields(r, Object.fromEntries(paths.map((p) => [p, code])));
}

describe('only real dates are taken', () => {
  it('methods refuse impossible dates naming the field, and store nothing', async () => {
    app = await signedInApp('manager');
    const acc = await app.value('accounts.create', { account: account() });
    const price = await priceEntry(app);
    const tender: Input<'tenders.create'> = {
      projectNo: 'ZJ-2026-001',
      name: '执法车采购',
      method: 'open_tender',
      purchaserId: acc.id,
      lots: [{ lotNo: '1', quantity: 2 }],
    };

    expectFields(
      await app.call('tenders.create', {
        ...tender,
        announcedOn: '2026-02-30',
        docSaleEndOn: '2026-13-45',
        bidDeadlineAt: '2026-02-29T01:30:00Z',
        openingAt: '2026-03-05T09:30:00', // no zone: not an instant
      }),
      {
        announcedOn: 'invalid_date',
        docSaleEndOn: 'invalid_date',
        bidDeadlineAt: 'invalid_date',
        openingAt: 'invalid_format',
      },
    );
    expectInvalid(
      await app.call('tenders.create', { ...tender, bondPaidOn: '0000-00-00' }),
      ['bondPaidOn'],
      'invalid_date',
    );
    expect((await app.value('tenders.list', {})).total).toBe(0);

    expectInvalid(
      await app.call('activities.create', {
        type: 'visit',
        accountId: acc.id,
        occurredOn: '2026-04-31',
      }),
      ['occurredOn'],
      'invalid_date',
    );
    const contact = await app.value('contacts.create', { accountId: acc.id, name: '王经理' });
    expectInvalid(
      await app.call('contacts.setPersonal', {
        contactId: contact.id,
        personal: { birthday: '1899-12-31' },
      }),
      ['personal.birthday'],
      'invalid_date',
    );
    expectInvalid(
      await app.call('contracts.create', {
        number: 'HT-1',
        accountId: acc.id,
        partyName: acc.name,
        signedOn: '2200-01-01',
        lines: [{ priceId: price.id, quantity: 1, unitPriceFen: 20_000_000 }],
      }),
      ['signedOn'],
      'invalid_date',
    );
    expectInvalid(
      await app.call('claims.recordExternal', {
        accountId: acc.id,
        dealerName: '某经销商',
        filedAt: '2026-02-30T10:00:00+08:00',
      }),
      ['filedAt'],
      'invalid_date',
    );
    expectInvalid(await app.call('myDay.get', { date: '2026-02-29' }), ['date'], 'invalid_date');
    expectInvalid(
      await app.call('calendar.list', { from: '2026-01-01', to: '2026-06-31' }),
      ['to'],
      'invalid_date',
    );
    expectInvalid(
      await app.call('exports.filingReport', {
        templateId: 1,
        from: '2026-02-30',
        to: '2026-03-01',
      }),
      ['from'],
      'invalid_date',
    );
    expect((await app.value('activities.list', {})).total).toBe(0);
    expect((await app.value('contracts.list', {})).total).toBe(0);
  });

  it('list filters and export jobs refuse an impossible dateRange bound, lists keep working', async () => {
    app = await signedInApp('manager');
    await app.value('accounts.create', { account: account() });
    const bad = { field: 'createdAt', op: 'dateRange' as const, from: '2026-02-30' };
    expectInvalid(
      await app.call('accounts.list', { filters: [bad] }),
      ['filters.0.from'],
      'invalid_date',
    );
    expectInvalid(
      await app.call('activities.list', {
        filters: [{ field: 'occurredOn', op: 'dateRange', to: '2026-13-45' }],
      }),
      ['filters.0.to'],
      'invalid_date',
    );
    expectInvalid(
      await app.call('tenders.list', {
        filters: [{ field: 'bidDeadlineAt', op: 'dateRange', to: '2026-02-29T15:59:59.999Z' }],
      }),
      ['filters.0.to'],
      'invalid_date',
    );
    expectInvalid(
      await app.call('exports.accounts', {
        format: 'csv',
        filters: [bad],
        columns: [{ field: 'name', header: '名称' }],
      }),
      ['filters.0.from'],
      'invalid_date',
    );
    // A whole day and an instant with an offset both still filter.
    const today = chinaDate();
    const dayFilter = { field: 'createdAt', op: 'dateRange' as const, from: today, to: today };
    expect((await app.value('accounts.list', { filters: [dayFilter] })).total).toBe(1);
    const since = `${addDays(today, -1)}T00:00:00+08:00`;
    const offsetFilter = { field: 'createdAt', op: 'dateRange' as const, from: since };
    expect((await app.value('accounts.list', { filters: [offsetFilter] })).total).toBe(1);
  });

  it('the tender import refuses an impossible date with a row reason', async () => {
    app = await signedInApp('manager');
    const header = [
      '项目编号',
      '项目名称',
      '采购人',
      '采购方式',
      '公告日期',
      '开标时间',
      '包号',
      '数量',
    ];
    const file = await workbook(
      [
        header,
        [
          'GZ-1',
          '执法车',
          '广州市交通运输局',
          '公开招标',
          '2026年2月30日',
          '2026-03-10 09:30',
          '1',
          2,
        ],
        ['GZ-2', '巡逻车', '广州市公安局', '公开招标', '2026-03-01', '2026-02-29 09:30', '1', 2],
        ['GZ-3', '救护车', '广州市卫健委', '公开招标', '2026-03-01', '2026-03-10 09:30', '1', 2],
      ],
      undefined,
      '项目',
    );
    const inspection = await inspect(app, file, 'tenders');
    const sheet = inspection.sheets[0]!;
    const r = await runImport(app, inspection.fileId, sheet, 'commit', {
      target: 'tenders',
      policy: 'validOnly',
    });
    expect(r.summary).toMatchObject({ create: 1, reject: 2, committed: true });
    const reasons = r.report.rows
      .filter((row) => row.outcome === 'reject')
      .map((row) => row.reasons.map((x) => [x.code, x.field]));
    expect(reasons).toEqual([[['date.invalid', 'announcedOn']], [['date.invalid', 'openingAt']]]);
  });
});

describe('text is well-formed Unicode', () => {
  it('a name with a lone surrogate is refused; an astral character is kept and found by it', async () => {
    app = await signedInApp('manager');
    expectInvalid(
      await app.call('imports.saveMapping', {
        name: '客户表\uD800',
        columns: [{ header: '名称', field: 'name' }],
      }),
      ['name'],
      'lone_surrogate',
    );
    expectInvalid(
      await app.call('imports.saveMapping', {
        name: '客户表',
        columns: [{ header: '\uDFB7名称', field: 'name' }],
      }),
      ['columns.0.header'],
      'lone_surrogate',
    );
    expectInvalid(
      await app.call('accounts.create', { account: account({ name: '吉野家\uD842有限公司' }) }),
      ['account.name'],
      'lone_surrogate',
    );
    // Even where the schema takes anything (a preference's value).
    expectInvalid(
      await app.call('prefs.set', { key: 'grid.accounts', value: { columns: ['a\uDC00'] } }),
      ['value.columns.0'],
      'lone_surrogate',
    );
    expect(await app.value('imports.mappings', { target: 'accounts' })).toEqual([]);
    expect((await app.value('accounts.list', {})).total).toBe(0);

    const saved = await app.value('imports.saveMapping', {
      name: '𠮷野家客户表',
      columns: [{ header: '𠮷名称', field: 'name' }],
    });
    const mappings = await app.value('imports.mappings', { target: 'accounts' });
    expect(mappings.find((m) => m.name === '𠮷野家客户表')?.id).toBe(saved.id);
    const acc = await app.value('accounts.create', {
      account: account({ name: '𠮷野家餐饮有限公司' }),
    });
    expect(acc.name).toBe('𠮷野家餐饮有限公司');
    expect((await app.value('accounts.lookup', { q: '𠮷野家' })).map((a) => a.id)).toEqual([
      acc.id,
    ]);
    expect((await app.value('accounts.list', { search: '𠮷野家餐饮' })).rows[0]?.id).toBe(acc.id);
  });
});

/** Ids that exist, one of each table a write input may name, and an input of each such method. */
async function world(a: TestApp) {
  const me = (await a.value('auth.current', {}))!;
  const colleague = await addStaff(a, { name: '李四', role: 'specialist' });
  const head = await a.value('accounts.create', {
    account: account({ name: '中国工商银行浙江省分行', buyerType: 'system' }),
  });
  const unit = await a.value('accounts.create', {
    account: account({ name: '中国工商银行杭州分行', buyerType: 'system', parentId: head.id }),
  });
  const contact = await a.value('contacts.create', { accountId: head.id, name: '王经理' });
  const opp = await a.value('opportunities.create', { accountId: head.id, title: '公务车' });
  const price = await priceEntry(a);
  const tender = await a.value('tenders.create', {
    projectNo: 'ZJ-1',
    name: '公务车采购',
    method: 'open_tender',
    purchaserId: head.id,
    bidDeadlineAt: `${addDays(chinaDate(), 10)}T01:30:00Z`,
    lots: [{ lotNo: '1', quantity: 2 }],
  });
  let contract = await a.value('contracts.create', {
    number: 'ICBC-1',
    kind: 'system',
    accountId: head.id,
    partyName: head.name,
    signedOn: addDays(chinaDate(), -20),
    lines: [{ priceId: price.id, quantity: 2, unitPriceFen: 20_000_000 }],
  });
  const lineId = contract.lines[0]!.id;
  await a.value('contracts.allocate', {
    contractId: contract.id,
    unitId: unit.id,
    lineId,
    quantity: 2,
  });
  contract = await a.value('contracts.finalize', { id: contract.id });
  const allocationId = contract.allocations[0]!.id;
  contract = await a.value('contracts.deliver', {
    contractId: contract.id,
    lineId,
    allocationId,
    vin: vin('LSVAU2180N900001'),
    deliveredOn: addDays(chinaDate(), -5),
  });
  const draft = await a.value('contracts.create', {
    number: 'HT-2',
    accountId: head.id,
    partyName: head.name,
    lines: [{ priceId: price.id, quantity: 1, unitPriceFen: 18_000_000 }],
  });
  const asked = await a.value('contracts.requestApproval', {
    contractId: draft.id,
    reason: '年度重点',
  });
  const claim = await a.value('claims.create', { accountId: head.id });
  const first = async (table: string) =>
    (
      await sql<{ id: number }>`select id from ${sql.table(table)} order by id limit 1`.execute(
        a.deps.db,
      )
    ).rows[0]!.id;
  const ids = {
    me: me.id,
    colleague: colleague.id,
    head: head.id,
    unit: unit.id,
    contact: contact.id,
    opp: opp.id,
    price: price.id,
    tender: tender.id,
    lot: tender.lots[0]!.id,
    contract: contract.id,
    line: lineId,
    allocation: allocationId,
    delivery: contract.deliveries[0]!.id,
    approval: asked.approvals[0]!.id,
    claim: claim.id,
    template: await first('report_templates'),
    deadline: await first('deadlines'),
  };
  const tenderInput = {
    projectNo: 'ZJ-2',
    name: '采购',
    method: 'open_tender' as const,
    purchaserId: ids.head,
    opportunityId: ids.opp,
    ownerId: ids.me,
    lots: [{ id: ids.lot, lotNo: '1', quantity: 1 }],
  };
  const contractInput = {
    number: 'HT-3',
    accountId: ids.head,
    partyName: '甲方',
    opportunityId: ids.opp,
    tenderId: ids.tender,
    lines: [{ id: ids.line, priceId: ids.price, quantity: 1, unitPriceFen: 20_000_000 }],
  };
  const accountInput = account({ parentId: ids.head, ownerId: ids.me });
  const opportunityInput = {
    accountId: ids.head,
    title: '商机',
    ownerId: ids.me,
    contacts: [{ contactId: ids.contact }],
  };
  const activityInput = {
    type: 'visit' as const,
    accountId: ids.head,
    opportunityId: ids.opp,
    contactId: ids.contact,
    occurredOn: chinaDate(),
  };
  const claimInput = { accountId: ids.head, opportunityId: ids.opp };
  const inputs: { [M in MethodName]?: Input<M> } = {
    'auth.pick': { staffId: ids.colleague },
    'accounts.create': { account: accountInput, confirmSameName: [ids.unit] },
    'accounts.update': {
      id: ids.unit,
      account: accountInput,
      version: 1,
      confirmSameName: [ids.head],
    },
    'accounts.setTeam': { id: ids.head, coOwnerIds: [ids.colleague] },
    'contacts.create': { accountId: ids.head, name: '赵' },
    'contacts.update': { id: ids.contact, accountId: ids.head, name: '赵', version: 1 },
    'contacts.setPersonal': { contactId: ids.contact, personal: {} },
    'opportunities.create': opportunityInput,
    'opportunities.update': { id: ids.opp, opportunity: opportunityInput, version: 1 },
    'opportunities.move': { id: ids.opp, stage: 'won', contractId: ids.contract, version: 1 },
    'tenders.create': tenderInput,
    'tenders.update': { id: ids.tender, tender: tenderInput, version: 1 },
    'tenders.recordResults': {
      id: ids.tender,
      awardedOn: chinaDate(),
      lots: [{ lotId: ids.lot, result: 'won' }],
      version: 1,
    },
    'contracts.create': contractInput,
    'contracts.update': { id: ids.contract, contract: contractInput, version: 1 },
    'contracts.requestApproval': { contractId: ids.contract, reason: '原因' },
    'contracts.decideApproval': { approvalId: ids.approval, approve: true, note: '同意' },
    'contracts.allocate': {
      contractId: ids.contract,
      unitId: ids.unit,
      lineId: ids.line,
      quantity: 1,
    },
    'contracts.deliver': {
      contractId: ids.contract,
      lineId: ids.line,
      allocationId: ids.allocation,
      vin: vin('LSVAU2180N900002'),
      deliveredOn: chinaDate(),
    },
    'contracts.registerVehicle': {
      deliveryId: ids.delivery,
      vin: vin('LSVAU2180N900001'),
      registrationOwner: '工行',
      registeredOn: chinaDate(),
    },
    'contracts.invoice': {
      contractId: ids.contract,
      allocationId: ids.allocation,
      number: '001',
      issuedOn: chinaDate(),
      buyerName: '工行',
      amountFen: 1,
      deliveryIds: [ids.delivery],
    },
    'contracts.addDeliveries': {
      contractId: ids.contract,
      lineId: ids.line,
      allocationId: ids.allocation,
      deliveredOn: chinaDate(),
      rows: [{ vin: vin('LSVAU2180N900003') }],
      dryRun: true,
    },
    'contracts.addInvoices': {
      contractId: ids.contract,
      rows: [{ vin: vin('LSVAU2180N900001'), number: '1', issuedOn: chinaDate(), amount: '1' }],
      dryRun: true,
    },
    'payments.ofContract': { contractId: ids.contract },
    'payments.record': { contractId: ids.contract, receivedOn: chinaDate(), amountFen: 1 },
    'payments.update': {
      id: 1,
      payment: { invoiceId: null, receivedOn: chinaDate(), amountFen: 1 },
      version: 1,
    },
    'activities.create': activityInput,
    'activities.update': { id: 1, activity: activityInput, version: 1 },
    'kpi.setTargets': { staffId: ids.colleague, targets: {} },
    'reminders.dismiss': { deadlineId: ids.deadline },
    'claims.create': claimInput,
    'claims.update': { id: ids.claim, claim: claimInput, version: 1 },
    'claims.recordExternal': {
      accountId: ids.head,
      dealerName: '某经销商',
      filedAt: '2026-03-01T10:00:00+08:00',
    },
    'claims.settleOverlap': { keepId: ids.claim, note: '保留' },
    'filings.create': { contractId: ids.contract },
    'exports.filingReport': { templateId: ids.template, from: '2026-01-01', to: '2026-03-31' },
    'exports.claimDossier': { claimId: ids.claim },
    'reviews.record': { accountId: ids.head },
  };
  return { ids, inputs };
}

const MISSING = 987_654;

/** A deep copy of an input with the id at a reference path (first element of a list) replaced. */
function withMissing(input: unknown, path: string[]): { input: unknown; at: string } {
  const copy = structuredClone(input) as Record<string, unknown>;
  let node: Record<string, unknown> | unknown[] = copy;
  const at: string[] = [];
  path.forEach((key, i) => {
    const k = key === '*' ? 0 : key;
    at.push(String(k));
    const last = i === path.length - 1;
    const target = node as Record<string | number, unknown>;
    if (last) target[k] = MISSING;
    else node = target[k] as Record<string, unknown>;
    if (!last && node === undefined)
      throw new Error(`the base input has nothing at ${at.join('.')}`);
  });
  return { input: copy, at: at.join('.') };
}

describe('every reference is checked before writing', () => {
  it('each reference field of each write method, naming a missing record, is refused naming the field', async () => {
    app = await signedInApp('manager');
    const { inputs } = await world(app);
    const methods = (Object.keys(inputs) as MethodName[]).sort();
    const withReferences = METHOD_NAMES.filter((m) => methodReferencePaths(m).length > 0).sort();
    // Every method with a marked reference has an input here, so none is skipped.
    expect(methods).toEqual(withReferences);

    const before = await app.value('tenders.list', {});
    let checked = 0;
    for (const method of methods) {
      for (const ref of methodReferencePaths(method)) {
        const { input, at } = withMissing(inputs[method], ref.path);
        const r = await app.dispatch(method, input);
        const error = refused(r);
        expect(error.code, `${method} ${at}: ${error.message}`).toBe('VALIDATION');
        expect(error.details, `${method} ${at}`).toMatchObject({
          kind: 'unknown_reference',
          references: [{ path: at, table: ref.table, id: MISSING }],
        });
        expect(fieldsOf(error)).toEqual([
          { path: at, code: 'unknown_reference', message: `no ${ref.table} #${MISSING}` },
        ]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(60);
    // Nothing was written: the example of the issue, a tender whose owner does not exist.
    expect((await app.value('tenders.list', {})).total).toBe(before.total);
  });

  it('a document for a claim or filing that does not exist is NOT_FOUND, not INTERNAL', async () => {
    app = await signedInApp('manager');
    const r = await app.call('documents.attach', {
      fileId: '00000000-0000-0000-0000-000000000000',
      entity: 'claim',
      entityId: MISSING,
      kind: 'contract',
    });
    expect(['NOT_FOUND', 'VALIDATION']).toContain(refused(r).code);
  });
});
