import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api';
import { signedInApp, type TestApp, untilJobPast } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { newUscc } from '../helpers/fixtures';
import {
  type Columns,
  inspect as inspectFile,
  runImport,
  stage as stageFile,
  workbook,
} from '../helpers/imports';

let app: TestApp;
afterEach(async () => app?.close());

const inspect = (file: string) => inspectFile(app, file);
const run = (
  fileId: string,
  sheet: Output<'imports.inspection'>['sheets'][number],
  mode: 'dryRun' | 'commit',
  policy: 'allOrNothing' | 'validOnly' = 'allOrNothing',
  columns?: Columns,
) => runImport(app, fileId, sheet, mode, { policy, ...(columns ? { columns } : {}) });

const count = async () => (await app.value('accounts.list', { limit: 1 })).total;

describe('importing accounts', () => {
  it('finds the header under a merged title row, maps it, dry-runs, commits, and a re-import changes nothing', async () => {
    app = await signedInApp();
    const [a, b] = [newUscc(), newUscc()];
    const file = await workbook(
      [
        ['2026 年大客户名单（内部）'],
        ['单位名称', '统一社会信用代码', '客户类别', '所属省份', '城市', '客户等级', '备注'],
        ['杭州市公安局 ', a, '政府采购', '浙江', '杭州市', 'A', '\u200B重点'],
        ['宁波顺达汽车租赁有限公司', b.toLowerCase(), 'direct', '浙江省', '宁波', 'B类', null],
        [],
      ],
      (ws) => ws.mergeCells('A1:G1'),
    );
    const inspection = await inspect(file);
    const sheet = inspection.sheets[0]!;
    expect(sheet.headerRow).toBe(2);
    expect(sheet.columns.map((c) => c.field)).toEqual([
      'name',
      'uscc',
      'buyerType',
      'province',
      'city',
      'grade',
      'notes',
    ]);
    // The merged title fills its whole range, as the import reads it, and the preview is told
    // the range so that it shows the title once.
    expect(sheet.preview[0]!.cells.slice(0, 7)).toEqual(Array(7).fill('2026 年大客户名单（内部）'));
    expect(sheet.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 6 }]);

    const dry = await run(inspection.fileId, sheet, 'dryRun');
    expect(dry.summary).toMatchObject({
      total: 2,
      create: 2,
      update: 0,
      reject: 0,
      committed: false,
    });
    expect(await count()).toBe(0);

    const commit = await run(inspection.fileId, sheet, 'commit');
    expect(commit.summary).toMatchObject({ create: 2, committed: true });
    const list = await app.value('accounts.list', { sort: [{ field: 'name', desc: false }] });
    const police = list.rows.find((r) => r.uscc === a)!;
    expect(police).toMatchObject({
      name: '杭州市公安局',
      buyerType: 'government',
      grade: 'A',
      provinceCode: '330000',
      cityCode: '330100',
    });
    expect(list.rows.find((r) => r.uscc === b)).toMatchObject({ buyerType: 'direct', grade: 'B' });
    const history = await app.value('accounts.history', { id: police.id });
    expect(history.rows[0]).toMatchObject({ action: 'import.accounts', entity: 'import' });

    const again = await run(inspection.fileId, sheet, 'commit');
    expect(again.summary).toMatchObject({ total: 2, create: 0, update: 0, unchanged: 2 });
    expect((await app.value('audit.verify', {})).ok).toBe(true);
  }, 60_000);

  it('reports each rejected row with its reason; all-or-nothing writes nothing, valid-only writes the rest', async () => {
    app = await signedInApp();
    const good = newUscc();
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const file = await workbook([
      ['客户名称', '信用代码', '客户类型', '负责人'],
      ['好客户有限公司', good, '直销', null],
      ['坏代码有限公司', bad, '直销', null],
      ['类型不明有限公司', newUscc(), '大集团', null],
      ['重复行有限公司', good, '直销', null],
      ['没人管有限公司', newUscc(), '直销', '张三丰'],
    ]);
    const inspection = await inspect(file);
    const sheet = inspection.sheets[0]!;
    const dry = await run(inspection.fileId, sheet, 'dryRun');
    expect(dry.summary).toMatchObject({ total: 5, create: 1, reject: 4 });
    const reasons = Object.fromEntries(
      dry.report.rows.map((r) => [r.row, r.reasons.map((x) => x.code)]),
    );
    expect(reasons).toEqual({
      2: [],
      3: ['uscc.check'],
      4: ['enum.unknown'],
      5: ['duplicate_in_file'],
      6: ['owner.not_found'],
    });

    const blocked = await run(inspection.fileId, sheet, 'commit');
    expect(blocked.summary).toMatchObject({ committed: false, reject: 4, create: 1 });
    expect(await count()).toBe(0);

    const partial = await run(inspection.fileId, sheet, 'commit', 'validOnly');
    expect(partial.summary).toMatchObject({ committed: true, create: 1, reject: 4 });
    expect(await count()).toBe(1);

    const { jobId } = await app.value('imports.rejects', { runId: partial.summary.runId });
    expect((await app.deps.jobs.wait(jobId)).state).toBe('done');
    const delivery = await app.value('exports.deliver', { jobId });
    if (delivery.kind !== 'download') throw new Error('expected a download');
    const rejected = new ExcelJS.Workbook();
    await rejected.xlsx.readFile(app.files.get(delivery.url.slice('/api/files/'.length))!.path);
    const ws = rejected.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '客户名称',
      '信用代码',
      '客户类型',
      '负责人',
      '原行号',
      '原因',
    ]);
    expect(ws.rowCount).toBe(5);
    expect(ws.getRow(2).getCell(1).value).toBe('坏代码有限公司');
    expect(String(ws.getRow(2).getCell(6).value)).toContain('校验位');
  }, 60_000);

  it('updates only what the file changes, leaves empty cells alone and links parents named later in the file', async () => {
    app = await signedInApp();
    const [unit, head] = [newUscc(), newUscc()];
    await app.value('accounts.create', {
      account: { name: '嘉兴市分行', uscc: unit, buyerType: 'system', address: '南湖路 1 号' },
    });
    const file = await workbook([
      ['客户名称', '统一社会信用代码', '客户类型', '地址', '上级单位'],
      ['嘉兴市分行', unit, '系统客户', null, '某某银行总行'],
      ['某某银行总行', head, '系统客户', '北京', null],
    ]);
    const inspection = await inspect(file);
    const sheet = inspection.sheets[0]!;
    // The dry run is the commit rolled back: the parent named two rows later is found.
    const dry = await run(inspection.fileId, sheet, 'dryRun');
    expect(dry.summary).toMatchObject({ create: 1, update: 1, warned: 0 });
    expect((await app.value('accounts.list', {})).total).toBe(1);
    const commit = await run(inspection.fileId, sheet, 'commit');
    expect(commit.summary).toMatchObject({ create: 1, update: 1, warned: 0 });
    expect(commit.report.rows[0]!.changes).toEqual([
      { field: 'parent', before: null, after: '某某银行总行' },
    ]);
    const list = await app.value('accounts.list', {});
    const branch = list.rows.find((r) => r.uscc === unit)!;
    const bank = list.rows.find((r) => r.uscc === head)!;
    expect(branch).toMatchObject({ address: '南湖路 1 号', parentId: bank.id });
    expect(bank.subordinateCount).toBe(1);
  }, 60_000);

  it('cancelling a commit leaves the database exactly as it was', async () => {
    app = await signedInApp();
    const rows: unknown[][] = [['客户名称', '统一社会信用代码', '客户类型']];
    for (let i = 0; i < 20_000; i++) rows.push([`测试客户${i}有限公司`, newUscc(), '直销']);
    const inspection = await inspect(await workbook(rows));
    const sheet = inspection.sheets[0]!;
    const before = await count();
    const { jobId } = await app.value('imports.run', {
      fileId: inspection.fileId,
      sheet: sheet.name,
      headerRow: 1,
      columns: sheet.columns.map((c) => ({ index: c.index, field: c.field })),
      mode: 'commit',
    });
    await untilJobPast(app, jobId, 1000);
    await app.value('jobs.cancel', { id: jobId });
    expect((await app.deps.jobs.wait(jobId)).state).toBe('cancelled');
    expect(await count()).toBe(before);
    const runs = await app.deps.db.selectFrom('import_runs').selectAll().execute();
    expect(runs).toEqual([]);
  });
});

describe('CSV files and odd headers', () => {
  it('imports a GB18030/GBK CSV the way Excel on a Chinese Windows saves it, with full-width digits and a quoted comma', async () => {
    app = await signedInApp();
    const uscc = newUscc();
    const text = `单位名称,统一社会信用代码,客户类型,所属地区,地址\r\n"杭州市财政局",${uscc.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))},政府,浙江省杭州市西湖区,"文三路１号, 2 楼"\r\n`;
    const file = path.join(tempDir(), '客户.csv');
    fs.writeFileSync(file, gbk(text));
    const inspection = await inspect(file);
    expect(inspection).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    const sheet = inspection.sheets[0]!;
    const commit = await run(inspection.fileId, sheet, 'commit');
    expect(commit.summary).toMatchObject({ create: 1, reject: 0 });
    const [row] = (await app.value('accounts.list', {})).rows;
    expect(row).toMatchObject({
      name: '杭州市财政局',
      uscc,
      buyerType: 'government',
      districtCode: '330106',
      address: '文三路1号, 2 楼',
    });
  });

  it('takes headers named __proto__, constructor or prototype as plain text and pollutes nothing', async () => {
    app = await signedInApp();
    const file = await workbook([
      ['__proto__', 'constructor', '客户名称', 'prototype', '客户类型', 'hasOwnProperty'],
      ['{"polluted":1}', 'x', '安全测试有限公司', 'y', '直销', 'z'],
    ]);
    const inspection = await inspect(file);
    const sheet = inspection.sheets[0]!;
    expect(sheet.columns.map((c) => c.field)).toEqual([
      null,
      null,
      'name',
      null,
      'buyerType',
      null,
    ]);
    const commit = await run(inspection.fileId, sheet, 'commit');
    expect(commit.summary).toMatchObject({ create: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});

/** GBK bytes of text, via the one encoder Node has for it: iconv is not needed for a test table. */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out.push(ch.charCodeAt(0));
      continue;
    }
    // Find the two-byte GBK code whose decoding is the character (the GBK range is small enough).
    let found = false;
    for (let hi = 0x81; hi <= 0xfe && !found; hi++)
      for (let lo = 0x40; lo <= 0xfe && !found; lo++) {
        if (lo === 0x7f) continue;
        if (decoder.decode(new Uint8Array([hi, lo])) === ch) {
          out.push(hi, lo);
          found = true;
        }
      }
    if (!found) throw new Error(`no GBK code for ${ch}`);
  }
  return Buffer.from(out);
}

describe('files that cannot be imported', () => {
  it('says why, per kind of file', async () => {
    app = await signedInApp();
    const dir = tempDir();
    const cases: [string, Buffer, string][] = [
      [
        'old.xls',
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(600),
        ]),
        'ole_damaged',
      ],
      ['empty.xlsx', Buffer.alloc(0), 'empty_file'],
      ['binary.xlsx', Buffer.from([0, 1, 2, 3, 0, 0, 0]), 'unknown_format'],
    ];
    for (const [name, bytes, kind] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const staged = await stageFile(app, file);
      const { jobId } = await app.value('imports.inspect', { fileId: staged.fileId });
      const job = await app.deps.jobs.wait(jobId);
      expect(job.state).toBe('failed');
      expect(job.error?.kind).toBe(kind);
    }
  });
});

describe('importing contacts', () => {
  it('adds contacts to accounts found by USCC or name, updates by name, and rejects what cannot be placed', async () => {
    app = await signedInApp();
    const uscc = newUscc();
    const police = await app.value('accounts.create', {
      account: { name: '杭州市公安局', uscc, buyerType: 'government' },
    });
    await app.value('contacts.create', {
      accountId: police.id,
      name: '王建国',
      title: '科员',
    });
    const file = await workbook([
      ['所属单位', '统一社会信用代码', '联系人姓名', '职务', '手机', '邮箱', '层级'],
      [null, uscc, '王建国', '装备处处长', '138 0013 8000', null, '决策层'],
      ['杭州市公安局', null, '李红', '科员', '0571-87654321', 'LI@EXAMPLE.COM', null],
      ['不存在的单位', null, '张三', null, null, null, null],
      ['杭州市公安局', null, '赵六', null, '待定', 'not-an-email', null],
      ['杭州市公安局', null, '李红', '科长', null, null, null],
    ]);
    const staged = await stageFile(app, file);
    const { jobId } = await app.value('imports.inspect', {
      fileId: staged.fileId,
      target: 'contacts',
    });
    await app.deps.jobs.wait(jobId);
    const sheet = (await app.value('imports.inspection', { jobId })).sheets[0]!;
    expect(sheet.columns.map((c) => c.field)).toEqual([
      'account',
      'accountUscc',
      'contactName',
      'title',
      'phone',
      'email',
      'level',
    ]);
    const columns = sheet.columns.map((c) => ({ index: c.index, field: c.field }));
    const go = async (mode: 'dryRun' | 'commit') => {
      const r = await app.value('imports.run', {
        target: 'contacts',
        fileId: staged.fileId,
        sheet: sheet.name,
        headerRow: 1,
        columns,
        mode,
        policy: 'validOnly',
      });
      expect((await app.deps.jobs.wait(r.jobId)).error).toBeNull();
      const summary = await app.value('imports.summary', { jobId: r.jobId });
      return { summary, report: await app.value('imports.report', { runId: summary.runId }) };
    };
    const dry = await go('dryRun');
    expect(dry.summary).toMatchObject({ target: 'contacts', update: 1, create: 1, reject: 3 });
    expect(
      Object.fromEntries(dry.report.rows.map((r) => [r.row, r.reasons.map((x) => x.code)])),
    ).toEqual({
      2: [],
      3: [],
      4: ['account.not_found'],
      5: ['phone.format', 'email.format'],
      6: ['duplicate_contact_in_file'],
    });
    expect(dry.report.rows[0]!.changes).toEqual([
      { field: 'title', before: '科员', after: '装备处处长' },
      { field: 'level', before: null, after: 'decision' },
      { field: 'phone', before: null, after: '138 0013 8000' },
    ]);
    expect(await app.value('contacts.list', { accountId: police.id })).toHaveLength(1);

    await go('commit');
    const contacts = await app.value('contacts.list', { accountId: police.id });
    expect(contacts.map((c) => [c.name, c.title, c.email])).toEqual([
      ['王建国', '装备处处长', null],
      ['李红', '科员', 'li@example.com'],
    ]);
    const found = await app.value('accounts.list', { search: '李红' });
    expect(found.rows.map((r) => [r.id, r.contactCount])).toEqual([[police.id, 2]]);
  }, 60_000);
});

describe('exporting contacts', () => {
  it('leaves personal details out unless asked, fills them only where the user may read them, and logs the export', async () => {
    app = await signedInApp('manager');
    const me = await app.value('staff.create', { name: '李明', role: 'specialist' });
    const colleague = await app.value('staff.create', { name: '王芳', role: 'specialist' });
    await app.value('auth.pick', { staffId: me.id });
    const mine = await app.value('accounts.create', {
      account: { name: '我的客户有限公司', uscc: newUscc(), buyerType: 'direct', ownerId: me.id },
    });
    // A colleague's accounts: one this specialist co-owns (副销售), one they have nothing to do with.
    await app.value('auth.pick', { staffId: colleague.id });
    const other = await app.value('accounts.create', {
      account: {
        name: '别人的客户有限公司',
        uscc: newUscc(),
        buyerType: 'direct',
        ownerId: colleague.id,
      },
    });
    const shared = await app.value('accounts.create', {
      account: {
        name: '合作的客户有限公司',
        uscc: newUscc(),
        buyerType: 'direct',
        ownerId: colleague.id,
      },
    });
    await app.value('accounts.setTeam', { id: shared.id, coOwnerIds: [me.id] });
    for (const [accountId, name] of [
      [other.id, '乙'],
      [shared.id, '丙'],
    ] as const) {
      const c = await app.value('contacts.create', { accountId, name });
      await app.value('contacts.setPersonal', {
        contactId: c.id,
        personal: { birthday: '1981-06-01', hometown: '宁波' },
      });
    }
    await app.value('auth.pick', { staffId: me.id });
    const c = await app.value('contacts.create', { accountId: mine.id, name: '甲' });
    await app.value('contacts.setPersonal', {
      contactId: c.id,
      personal: { birthday: '1980-05-01', hometown: '绍兴' },
    });
    const exportContacts = async (includePersonal: boolean) => {
      const { jobId } = await app.value('exports.contacts', { format: 'xlsx', includePersonal });
      expect((await app.deps.jobs.wait(jobId)).error).toBeNull();
      const delivery = await app.value('exports.deliver', { jobId });
      if (delivery.kind !== 'download') throw new Error('expected a download');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(app.files.get(delivery.url.slice('/api/files/'.length))!.path);
      return wb;
    };
    const plain = await exportContacts(false);
    expect(plain.worksheets[0]!.getRow(1).values).not.toContain('生日');
    expect(plain.worksheets[0]!.rowCount).toBe(4);

    const personal = await exportContacts(true);
    const ws = personal.worksheets[0]!;
    const header = ws.getRow(1).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const rows = [2, 3, 4].map((r) => ws.getRow(r));
    const byName = Object.fromEntries(rows.map((r) => [r.getCell(col('姓名')).value, r]));
    expect(byName['甲']!.getCell(col('籍贯')).value).toBe('绍兴');
    // On the colleague's account's team: its contact's personal details go with it.
    expect(byName['丙']!.getCell(col('籍贯')).value).toBe('宁波');
    // Not on this account's team: its contact's personal details stay out.
    expect(byName['乙']!.getCell(col('籍贯')).value).toBeNull();

    const log = await app.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'contacts.export')
      .orderBy('id')
      .execute();
    expect(log.map((e) => JSON.parse(e.after_json!) as Record<string, unknown>)).toMatchObject([
      { includePersonal: false, contacts: 3, contactsWithPersonal: 0 },
      { includePersonal: true, contacts: 3, contactsWithPersonal: 2 },
    ]);
  });
});

describe('importing accounts: organisation nature', () => {
  it('suggests the nature of imported accounts from their USCC and industry, and never overwrites a confirmed one', async () => {
    app = await signedInApp();
    const [organ, firm] = [newUscc('11'), newUscc('91')];
    const confirmed = await app.value('accounts.create', {
      account: { name: '杭州市税务局', uscc: organ, buyerType: 'government' },
    });
    await app.value('accounts.confirmOrgNature', { id: confirmed.id, orgNature: 'institution' });
    const file = await workbook([
      ['客户名称', '统一社会信用代码', '客户类型', '行业'],
      ['杭州市税务局', organ, '政府采购', '税务'],
      ['中国石化浙江杭州石油分公司', firm, '直接用户', '石油石化'],
      ['杭州市西湖区人民法院', null, '政府采购', null],
    ]);
    const inspection = await inspect(file);
    await run(inspection.fileId, inspection.sheets[0]!, 'commit');
    const rows = (await app.value('accounts.list', {})).rows;
    const nature = (name: string) => {
      const r = rows.find((x) => x.name === name)!;
      return [r.orgNature, r.orgNatureState];
    };
    // A person's choice stands, whatever the file says about the organisation.
    expect(nature('杭州市税务局')).toEqual(['institution', 'confirmed']);
    expect(nature('中国石化浙江杭州石油分公司')).toEqual(['soe', 'suggested']);
    expect(nature('杭州市西湖区人民法院')).toEqual(['organ', 'suggested']);
  });
});
