/** Imports leave what people wrote alone, read regions as people write them, and say so. */
import { afterEach, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../shared/uscc';
import { signedInApp, type TestApp } from '../helpers/app';
import { newUscc } from '../helpers/fixtures';
import { inspect, runImport, workbook } from '../helpers/imports';

let app: TestApp;
afterEach(async () => app?.close());

/** A USCC registered in the given region (characters 3–8); `serial` is 9 characters. */
const usccIn = (region: string, serial: string) => {
  const first17 = `91${region}${serial}`;
  return first17 + usccCheckChar(first17);
};

async function importRows(rows: unknown[][], target: 'accounts' | 'contacts' = 'accounts') {
  const inspection = await inspect(app, await workbook(rows), target);
  const sheet = inspection.sheets[0]!;
  const dry = await runImport(app, inspection.fileId, sheet, 'dryRun', {
    target,
    policy: 'validOnly',
  });
  const commit = await runImport(app, inspection.fileId, sheet, 'commit', {
    target,
    policy: 'validOnly',
  });
  return { dry, commit };
}

describe("an import and a person's notes", () => {
  it("fills an empty account note, keeps a person's note and says so in the dry run", async () => {
    app = await signedInApp();
    const [mine, empty, same] = [newUscc(), newUscc(), newUscc()];
    const written = await app.value('accounts.create', {
      account: {
        name: '杭州备注测试有限公司',
        uscc: mine,
        buyerType: 'direct',
        notes: '王处长说年底有预算，\n先别报价',
      },
    });
    const blank = await app.value('accounts.create', {
      account: { name: '杭州空备注测试有限公司', uscc: empty, buyerType: 'direct' },
    });
    await app.value('accounts.create', {
      account: {
        name: '杭州同备注测试有限公司',
        uscc: same,
        buyerType: 'direct',
        notes: '重点\n每周回访',
      },
    });
    const { dry, commit } = await importRows([
      ['客户名称', '统一社会信用代码', '客户类型', '备注'],
      ['杭州备注测试有限公司', mine, '直销', '老客户'],
      ['杭州空备注测试有限公司', empty, '直销', '老客户'],
      // The same note, flattened into one line as a cell has it: no change, nothing to say.
      ['杭州同备注测试有限公司', same, '直销', '重点 每周回访'],
    ]);
    const [kept, filled, unchanged] = dry.report.rows;
    expect(kept).toMatchObject({ row: 2, outcome: 'unchanged', changes: [] });
    expect(kept!.notices).toEqual([
      { code: 'note.kept', field: 'notes', value: '老客户', detail: null },
    ]);
    expect(filled).toMatchObject({
      row: 3,
      outcome: 'update',
      changes: [{ field: 'notes', before: null, after: '老客户' }],
      notices: [],
    });
    expect(unchanged).toMatchObject({ outcome: 'unchanged', changes: [], notices: [] });
    expect(commit.summary).toMatchObject({ update: 1, unchanged: 2, reject: 0 });
    expect((await app.value('accounts.get', { id: written.id })).notes).toBe(
      '王处长说年底有预算，\n先别报价',
    );
    expect((await app.value('accounts.get', { id: blank.id })).notes).toBe('老客户');
  });

  it("keeps a contact's note and takes a phone number spaced or prefixed differently as unchanged", async () => {
    app = await signedInApp();
    const uscc = newUscc();
    const police = await app.value('accounts.create', {
      account: { name: '杭州市公安局', uscc, buyerType: 'government' },
    });
    await app.value('contacts.create', {
      accountId: police.id,
      name: '王建国',
      phone: '13800138000',
      notes: '喜欢下午来访',
    });
    await app.value('contacts.create', {
      accountId: police.id,
      name: '李红',
      phone: '0571-87654321',
    });
    const { dry } = await importRows(
      [
        ['统一社会信用代码', '联系人姓名', '手机', '备注'],
        [uscc, '王建国', '+86 138 0013 8000', '新备注'],
        [uscc, '李红', '0571 8765 4321', '第一次见面'],
        [uscc, '王建国', '138-0013-8001', null],
      ],
      'contacts',
    );
    const byRow = Object.fromEntries(dry.report.rows.map((r) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ outcome: 'unchanged', changes: [] });
    expect(byRow[2]!.notices).toEqual([
      { code: 'note.kept', field: 'contactNotes', value: '新备注', detail: null },
    ]);
    expect(byRow[3]).toMatchObject({
      outcome: 'update',
      changes: [{ field: 'contactNotes', before: null, after: '第一次见面' }],
    });
    // A different number is a change.
    expect(byRow[4]).toMatchObject({
      outcome: 'update',
      changes: [{ field: 'phone', before: '13800138000', after: '138-0013-8001' }],
    });
    const contacts = await app.value('contacts.list', { accountId: police.id });
    expect(contacts.map((c) => [c.name, c.phone, c.notes])).toEqual([
      ['王建国', '138-0013-8001', '喜欢下午来访'],
      ['李红', '0571-87654321', '第一次见面'],
    ]);
  });
});

describe('regions in an import', () => {
  it('finds county-level cities alone, takes the USCC region where the text is missing or unknown, and says so', async () => {
    app = await signedInApp();
    const yixing = usccIn('320282', 'MA1Y00001');
    const yiwu = usccIn('330782', 'MA1Y00002');
    const kunshan = usccIn('320583', 'MA1Y00003');
    const beijing = usccIn('110105', 'MA1Y00004');
    const { dry, commit } = await importRows([
      ['客户名称', '统一社会信用代码', '客户类型', '地区'],
      ['宜兴测试有限公司', newUscc(), '直销', '宜兴市'],
      ['义乌测试有限公司', yiwu, '直销', null],
      ['昆山测试有限公司', kunshan, '直销', '火星'],
      ['朝阳测试有限公司', beijing, '直销', '朝阳区'],
      ['鼓楼测试有限公司', newUscc(), '直销', '鼓楼区'],
      ['无地区测试有限公司', yixing, '直销', null],
    ]);
    const byRow = Object.fromEntries(dry.report.rows.map((r) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ outcome: 'create', notices: [], warnings: [] });
    expect(byRow[3]!.notices).toEqual([
      { code: 'region.from_uscc', field: 'region', value: null, detail: '330782' },
    ]);
    expect(byRow[4]).toMatchObject({ outcome: 'create' });
    expect(byRow[4]!.warnings).toEqual([
      { code: 'region.from_uscc', field: 'region', value: '火星', detail: '320583' },
    ]);
    expect(byRow[5]!.notices).toEqual([
      { code: 'region.chosen_by_uscc', field: 'region', value: '朝阳区', detail: '110105' },
    ]);
    expect(byRow[6]).toMatchObject({ outcome: 'reject' });
    expect(byRow[6]!.reasons).toEqual([
      {
        code: 'region.ambiguous',
        field: 'region',
        value: '鼓楼区',
        detail: '320106,320302,350102,410204',
      },
    ]);
    expect(commit.summary).toMatchObject({ create: 5, reject: 1 });
    const list = await app.value('accounts.list', { limit: 20 });
    const region = Object.fromEntries(
      list.rows.map((r) => [r.name, [r.provinceCode, r.cityCode, r.districtCode].join('/')]),
    );
    expect(region).toEqual({
      宜兴测试有限公司: '320000/320200/320282',
      义乌测试有限公司: '330000/330700/330782',
      昆山测试有限公司: '320000/320500/320583',
      朝阳测试有限公司: '110000/110100/110105',
      无地区测试有限公司: '320000/320200/320282',
    });
  });

  it("leaves an existing account's region alone when the file has none", async () => {
    app = await signedInApp();
    const uscc = usccIn('320282', 'MA1Y00009');
    const existing = await app.value('accounts.create', {
      account: { name: '已有地区测试有限公司', uscc, buyerType: 'direct', provinceCode: '330000' },
    });
    const { dry } = await importRows([
      ['客户名称', '统一社会信用代码', '客户类型'],
      ['已有地区测试有限公司', uscc, '直销'],
    ]);
    expect(dry.report.rows[0]).toMatchObject({ outcome: 'unchanged', notices: [] });
    expect((await app.value('accounts.get', { id: existing.id })).provinceCode).toBe('330000');
  });
});

describe('the same name in an import', () => {
  it('is not “similar”: a row that cannot be told apart by USCC is refused, naming the account', async () => {
    app = await signedInApp();
    const [a, b] = [newUscc(), newUscc()];
    await app.value('accounts.create', {
      account: { name: '同名测试有限公司', uscc: a, buyerType: 'direct' },
    });
    // A similar name (another legal form) without a USCC.
    await app.value('accounts.create', {
      account: { name: '同名测试公司', buyerType: 'direct' },
      acknowledgeDuplicates: true,
    });
    const { dry } = await importRows([
      ['客户名称', '统一社会信用代码', '客户类型'],
      ['同名测试有限公司', null, '直销'],
      ['同名测试（有限公司）', b, '直销'],
    ]);
    expect(dry.report.rows.map((r) => [r.row, r.outcome, r.reasons.map((x) => x.code)])).toEqual([
      [2, 'reject', ['same_name_exists']],
      [3, 'reject', ['same_name_exists']],
    ]);
    expect(dry.report.rows.map((r) => r.reasons[0]!.detail)).toEqual([
      '同名测试有限公司',
      '同名测试有限公司',
    ]);
  });
});
