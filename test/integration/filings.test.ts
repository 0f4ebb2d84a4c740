/**
 * Incentive filings through the API: the policy verdict from the contract and our deal history,
 * the evidence checklist with hashed stored copies, the cross-document checks, the manager's
 * override, submission that freezes what was filed, and the filing report in a template.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api';
import { addDays, chinaDate } from '../../shared/dates';
import type { DocumentKind } from '../../shared/filing-enums';
import type { ErrorCode } from '../../shared/result';
import { stageCopy } from '../../electron/imports/staging';
import { signedInApp, type TestApp, addStaff } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account, newUscc } from '../helpers/fixtures';
import {
  attachDocument,
  deliverAll,
  exportedFile,
  finalContract,
  invoiceAll,
  priceEntry,
  vin,
} from '../helpers/sales';

let app: TestApp;
afterEach(async () => app?.close());

async function expectError(
  call: Promise<{ ok: boolean; error?: { code: ErrorCode; details?: unknown } }>,
  code: ErrorCode,
  kind: string,
) {
  const r = await call;
  expect(r.ok).toBe(false);
  expect(r.error?.code).toBe(code);
  expect(JSON.stringify(r.error?.details)).toContain(kind);
}

const today = () => chinaDate();
const scratch = tempDir('keyfleet-docs-');
function scratchFile(): string {
  const file = path.join(scratch, 'late.pdf');
  fs.writeFileSync(file, '%PDF-1.4\nlate\n');
  return file;
}
const attach = (filingId: number, kind: DocumentKind, content?: string) =>
  attachDocument(app, filingId, kind, content);

const check = (f: Output<'filings.get'>, name: string) => f.checks.find((c) => c.check === name)!;
const rule = (f: Output<'filings.get'>, name: string) =>
  f.verdict.rules.find((r) => r.rule === name)!;

describe('filings', () => {
  it('files a government sale with complete evidence and reports it', async () => {
    app = await signedInApp('manager');
    await app.value('settings.setDealer', { name: '杭州顺达大众', code: 'ZJ0571A', brand: '大众' });
    const price = await priceEntry(app);
    const gov = await app.value('accounts.create', {
      account: account({ name: '杭州市公安局', buyerType: 'government', uscc: newUscc('11') }),
    });
    let c = await finalContract(app, {
      accountId: gov.id,
      partyName: '杭州市政府采购中心',
      priceId: price.id,
      quantity: 2,
      signedOn: addDays(today(), -20),
    });
    c = await deliverAll(app, c, addDays(today(), -10), null);
    c = await invoiceAll(app, c, '杭州市公安局', addDays(today(), -9));

    const draft = await app.value('filings.create', { contractId: c.id });
    expect(draft).toMatchObject({ status: 'draft', units: 2, eligible: true });
    expect(rule(draft, 'government').pass).toBe(true);
    expect(draft.checklist.map((e) => [e.kind, e.required])).toEqual([
      ['procurement_contract', true],
      ['procurement_list', true],
      ['invoice', true],
    ]);
    expect(check(draft, 'evidence')).toMatchObject({ pass: false });
    expect(draft.submitBlockers).toEqual(['evidence']);
    await expectError(
      app.call('filings.create', { contractId: c.id }),
      'CONFLICT',
      'filing.exists',
    );

    const doc = await attach(draft.id, 'procurement_contract');
    expect(doc.state).toBe('intact');
    expect(fs.existsSync(path.join(app.dataDir, 'documents', doc.sha256))).toBe(true);
    await attach(draft.id, 'procurement_list');
    await attach(draft.id, 'invoice');
    const ready = await app.value('filings.get', { id: draft.id });
    expect(ready.checks.filter((x) => x.pass === false)).toEqual([]);
    expect(check(ready, 'registration_owner').pass).toBeNull();
    expect(check(ready, 'tender_winner').pass).toBeNull();

    const submitted = await app.value('filings.submit', { id: draft.id });
    expect(submitted).toMatchObject({ status: 'submitted', eligible: true, failedChecks: 0 });
    await expectError(app.call('filings.delete', { id: draft.id }), 'CONFLICT', 'filing.not_draft');
    await expectError(
      app.call('documents.attach', {
        fileId: (await stageCopy(app.dataDir, scratchFile())).fileId,
        entity: 'filing',
        entityId: draft.id,
        kind: 'other',
      }),
      'POLICY',
      'document.frozen',
    );

    const templates = await app.value('reports.templates', {});
    const builtIn = templates.find((t) => t.builtIn)!;
    const { jobId } = await app.value('exports.filingReport', {
      templateId: builtIn.id,
      from: addDays(today(), -1),
      to: today(),
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exportedFile(app, jobId));
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').text).toBe('大客户销售报备表');
    expect(sheet.getCell('A2').text).toContain('杭州顺达大众（ZJ0571A）');
    expect(sheet.getCell('A2').text).not.toContain('未设置');
    const headers = (sheet.getRow(3).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 3)).toEqual(['序号', '经销商', '经销商代码']);
    const at = (header: string) => headers.indexOf(header) + 1;
    const rows = [4, 5].map((r) => sheet.getRow(r));
    expect(rows.map((r) => r.getCell(at('经销商代码')).text)).toEqual(['ZJ0571A', 'ZJ0571A']);
    expect(rows.map((r) => r.getCell(at('客户名称')).text)).toEqual([
      '杭州市公安局',
      '杭州市公安局',
    ]);
    expect(rows.map((r) => r.getCell(at('车架号')).text).sort()).toEqual(
      c.deliveries.map((d) => d.vin).sort(),
    );
    expect(rows[0]!.getCell(at('客户类型')).text).toBe('B类 政府采购');
    // One invoice for both vehicles: each row shows its share, so the column adds up to it.
    expect(rows.reduce((sum, r) => sum + Number(r.getCell(at('发票金额（元）')).value), 0)).toBe(
      c.totalFen / 100,
    );
    expect(rows[0]!.getCell(at('资格判定')).text).toBe('符合');
    expect(rows[0]!.getCell(at('证明材料')).text).toContain('销售发票');
    // The manufacturer's claim reference column is there; this sale has no claim.
    expect(at('厂家报备号')).toBeGreaterThan(0);
    expect(rows[0]!.getCell(at('厂家报备号')).text).toBe('');
    expect(sheet.getRow(6).getCell(1).text).toBe('');
  });

  it('rejects a 3-unit purchase of another organisation, then accepts it after a 12-unit batch that year', async () => {
    app = await signedInApp('manager');
    const price = await priceEntry(app);
    const firm = await app.value('accounts.create', {
      account: account({ name: '杭州顺风物流有限公司', buyerType: 'direct' }),
    });
    const year = today().slice(0, 4);
    let small = await finalContract(app, {
      accountId: firm.id,
      partyName: '杭州顺风物流有限公司',
      priceId: price.id,
      quantity: 3,
      signedOn: `${year}-06-01`,
    });
    small = await deliverAll(app, small, `${year}-06-10`, '杭州顺风物流有限公司');
    small = await invoiceAll(app, small, '杭州顺风物流有限公司', `${year}-06-11`);
    const filing = await app.value('filings.create', { contractId: small.id });
    for (const kind of ['contract', 'invoice', 'registration'] as const)
      await attach(filing.id, kind);

    const rejected = await app.value('filings.get', { id: filing.id });
    expect(rejected.eligible).toBe(false);
    expect(rule(rejected, 'min_units')).toMatchObject({
      pass: false,
      facts: { units: 3, minimum: 5 },
    });
    expect(rule(rejected, 'annual_batch')).toMatchObject({ pass: false, facts: { batch: null } });
    expect(check(rejected, 'eligibility').problems.map((p) => p.subject)).toEqual([
      'min_units',
      'annual_batch',
    ]);
    await expectError(
      app.call('filings.submit', { id: filing.id }),
      'POLICY',
      'filing.checks_failed',
    );

    // A 12-unit batch signed earlier the same year (our own deal history) lifts the minimum.
    const batch = await finalContract(app, {
      accountId: firm.id,
      partyName: '杭州顺风物流有限公司',
      priceId: price.id,
      quantity: 12,
      signedOn: `${year}-03-05`,
    });
    const eligible = await app.value('filings.get', { id: filing.id });
    expect(eligible.eligible).toBe(true);
    expect(rule(eligible, 'annual_batch')).toMatchObject({
      pass: true,
      facts: { batch: batch.number, batchUnits: 12, batchOn: `${year}-03-05` },
    });
    expect(rule(eligible, 'min_units').pass).toBeNull();
    expect((await app.value('filings.submit', { id: filing.id })).status).toBe('submitted');
  });

  it('catches an invoice made out to another name; a manager overrides it in writing', async () => {
    app = await signedInApp('manager');
    const price = await priceEntry(app);
    const firm = await app.value('accounts.create', {
      account: account({ name: '浙江远洋渔业集团有限公司', buyerType: 'direct' }),
    });
    let c = await finalContract(app, {
      accountId: firm.id,
      partyName: '浙江远洋渔业集团有限公司',
      priceId: price.id,
      quantity: 5,
      signedOn: addDays(today(), -30),
    });
    c = await deliverAll(app, c, addDays(today(), -20), null);
    c = await invoiceAll(app, c, '浙江远洋渔业有限公司', addDays(today(), -19));
    // Registrations come later; one typed with another vehicle's VIN is refused.
    await expectError(
      app.call('contracts.registerVehicle', {
        deliveryId: c.deliveries[0]!.id,
        vin: vin('LSVAU2180N999999'),
        registrationOwner: '浙江远洋渔业集团有限公司',
        registeredOn: addDays(today(), -15),
      }),
      'VALIDATION',
      'registration.vin_mismatch',
    );
    for (const d of c.deliveries)
      await app.value('contracts.registerVehicle', {
        deliveryId: d.id,
        vin: d.vin,
        registrationOwner: '浙江远洋渔业集团有限公司',
        plate: '浙B·D0001',
        registeredOn: addDays(today(), -15),
      });
    const filing = await app.value('filings.create', { contractId: c.id });
    for (const kind of ['contract', 'invoice', 'registration'] as const)
      await attach(filing.id, kind);
    const caught = await app.value('filings.get', { id: filing.id });
    expect(check(caught, 'invoice_buyer')).toMatchObject({
      pass: false,
      problems: [
        {
          code: 'name_mismatch',
          subject: c.invoices[0]!.number,
          expected: '浙江远洋渔业集团有限公司',
          actual: '浙江远洋渔业有限公司',
        },
      ],
    });
    expect(check(caught, 'registration_owner').pass).toBe(true);
    expect(check(caught, 'vins').pass).toBe(true);
    expect(caught.submitBlockers).toEqual(['invoice_buyer']);
    await expectError(app.call('filings.submit', { id: filing.id }), 'POLICY', 'invoice_buyer');

    // A specialist cannot override; a manager can, in writing.
    const clerk = await addStaff(app, { name: '小赵', role: 'specialist' });
    const boss = (await app.value('auth.current', {}))!;
    await app.value('auth.pick', { staffId: clerk.id });
    await expectError(
      app.call('filings.override', { id: filing.id, reason: '发票抬头为简称' }),
      'FORBIDDEN',
      'role',
    );
    await app.value('auth.pick', { staffId: boss.id });
    const overridden = await app.value('filings.override', {
      id: filing.id,
      reason: '发票抬头漏写“集团”，已申请红冲重开',
    });
    expect(overridden.override).toMatchObject({ checks: ['invoice_buyer'], by: { id: boss.id } });
    expect(overridden.submitBlockers).toEqual([]);
    const submitted = await app.value('filings.submit', { id: filing.id });
    expect(submitted.status).toBe('submitted');
    expect(check(submitted, 'invoice_buyer').pass).toBe(false);

    const log = await app.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity', '=', 'filing')
      .where('entity_id', '=', filing.id)
      .orderBy('id')
      .execute();
    expect(log.map((l) => l.action)).toEqual([
      'filings.create',
      'documents.attach',
      'documents.attach',
      'documents.attach',
      'filings.override',
      'filings.submit',
    ]);
    expect(log[5]!.after_json).toContain('已申请红冲重开');

    const withdrawn = await app.value('filings.withdraw', {
      id: filing.id,
      reason: '重开发票后重报',
    });
    expect(withdrawn.status).toBe('withdrawn');
    // A withdrawn filing frees the contract for a new one.
    expect((await app.value('filings.create', { contractId: c.id })).status).toBe('draft');
  });

  it('notices a stored document edited behind the app’s back', async () => {
    app = await signedInApp('manager');
    const price = await priceEntry(app);
    const firm = await app.value('accounts.create', {
      account: account({ name: '杭州公交集团有限公司', buyerType: 'direct' }),
    });
    const c = await finalContract(app, {
      accountId: firm.id,
      partyName: '杭州公交集团有限公司',
      priceId: price.id,
      quantity: 5,
      signedOn: addDays(today(), -5),
    });
    const filing = await app.value('filings.create', { contractId: c.id });
    const doc = await attach(filing.id, 'contract', 'the signed contract');
    const blob = path.join(app.dataDir, 'documents', doc.sha256);
    fs.chmodSync(blob, 0o644);
    fs.appendFileSync(blob, 'forged');
    const after = await app.value('filings.get', { id: filing.id });
    expect(after.checklist.find((e) => e.kind === 'contract')!.documents[0]!.state).toBe('altered');
    expect(check(after, 'evidence').problems).toContainEqual(
      expect.objectContaining({ code: 'document_altered', subject: 'contract.pdf' }),
    );
    await expectError(app.call('documents.open', { id: doc.id }), 'IO', 'document.altered');
  });
});
