/**
 * Tender lists and the price list through the Excel import: project number as the natural key,
 * lots from rows, amendments and awards from a re-import, the price list for managers only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../shared/dates';
import { signedInApp, type TestApp, addStaff } from '../helpers/app';
import { inspect, runImport, workbook } from '../helpers/imports';

let app: TestApp;
afterEach(async () => app?.close());

const HEADER = [
  '项目编号',
  '项目名称',
  '采购人',
  '采购方式',
  '预算金额（万元）',
  '公告日期',
  '开标时间',
  '包号',
  '数量',
  '中标供应商',
  '中标品牌',
  '中标金额（万元）',
  '定标日期',
];

async function importTenders(
  rows: unknown[][],
  mode: 'dryRun' | 'commit' = 'commit',
  policy: 'allOrNothing' | 'validOnly' = 'allOrNothing',
) {
  const file = await workbook(
    [['2026年政府采购项目跟踪表'], HEADER, ...rows],
    (ws) => ws.mergeCells('A1:M1'),
    '项目',
  );
  const inspection = await inspect(app, file, 'tenders');
  const sheet = inspection.sheets[0]!;
  expect(sheet.headerRow).toBe(2);
  expect(sheet.columns.map((c) => c.field)).toEqual([
    'projectNo',
    'tenderName',
    'purchaser',
    'method',
    'budget',
    'announcedOn',
    'openingAt',
    'lotNo',
    'quantity',
    'winnerName',
    'winnerBrand',
    'winningAmount',
    'awardedOn',
  ]);
  return runImport(app, inspection.fileId, sheet, mode, { target: 'tenders', policy });
}

describe('importing tenders', () => {
  it('creates tenders with their lots and purchasers, amends dates and records awards on re-import', async () => {
    app = await signedInApp();
    const known = await app.value('accounts.create', {
      account: { name: '杭州市公安局', buyerType: 'government' },
    });
    const announced = addDays(chinaDate(), -30);
    const opening = addDays(chinaDate(), -10);
    const rows = [
      [
        'HZ-2026-01',
        '警用车辆采购',
        '杭州市公安局',
        '公开招标',
        300,
        announced,
        `${opening} 09:30`,
        '1',
        10,
      ],
      [
        'HZ-2026-01',
        '警用车辆采购',
        '杭州市公安局',
        '公开招标',
        300,
        announced,
        `${opening} 09:30`,
        '2',
        4,
      ],
      [
        'NB-2026-07',
        '公务用车采购',
        '宁波市财政局',
        '询价',
        80,
        announced,
        `${addDays(chinaDate(), 5)} 14:00`,
        null,
        3,
      ],
      [null, '没有编号的项目', '宁波市财政局', '询价'],
    ];
    const dry = await importTenders(rows, 'dryRun', 'validOnly');
    expect(dry.summary).toMatchObject({ create: 3, reject: 1, committed: false });
    expect((await app.value('tenders.list', {})).total).toBe(0);

    const first = await importTenders(rows, 'commit', 'validOnly');
    expect(first.summary).toMatchObject({ create: 3, reject: 1, committed: true });
    const list = await app.value('tenders.list', { sort: [{ field: 'projectNo', desc: false }] });
    expect(
      list.rows.map((t) => [t.projectNo, t.purchaserName, t.lotCount, t.quantity, t.budgetFen]),
    ).toEqual([
      ['HZ-2026-01', '杭州市公安局', 2, 14, 300_000_000],
      ['NB-2026-07', '宁波市财政局', 1, 3, 80_000_000],
    ]);
    expect(list.rows[0]!.purchaserId).toBe(known.id);
    // The unknown purchaser became a government account, and the report says so.
    expect(first.report.rows.find((r) => r.row === 5)!.warnings.map((w) => w.code)).toEqual([
      'purchaser.created',
    ]);
    const hz = await app.value('tenders.get', { id: list.rows[0]!.id });
    expect(hz.openingAt).toBe(new Date(`${opening}T09:30:00+08:00`).toISOString());

    // Re-import: the opening moved (an amendment), lot 1 was won by a competitor, lot 2 by us.
    const moved = addDays(opening, 1);
    const again = await importTenders([
      [
        'HZ-2026-01',
        '警用车辆采购',
        '杭州市公安局',
        '公开招标',
        300,
        announced,
        `${moved} 09:30`,
        '1',
        10,
        '杭州某丰田4S店',
        '丰田',
        180,
        addDays(moved, 3),
      ],
      [
        'HZ-2026-01',
        '警用车辆采购',
        '杭州市公安局',
        '公开招标',
        300,
        announced,
        `${moved} 09:30`,
        '2',
        4,
        '我方',
        null,
        null,
        addDays(moved, 3),
      ],
      [
        'NB-2026-07',
        '公务用车采购',
        '宁波市财政局',
        '询价',
        80,
        announced,
        `${addDays(chinaDate(), 5)} 14:00`,
        null,
        3,
      ],
    ]);
    expect(again.summary).toMatchObject({ update: 2, unchanged: 1, reject: 0 });
    const after = await app.value('tenders.get', { id: hz.id });
    expect(after.amendments).toHaveLength(1);
    expect(after.amendments[0]!.changes.openingAt).toEqual([
      hz.openingAt,
      new Date(`${moved}T09:30:00+08:00`).toISOString(),
    ]);
    expect(after.status).toBe('awarded');
    expect(after.lots.map((l) => [l.lotNo, l.result, l.winnerName, l.winningAmountFen])).toEqual([
      ['1', 'lost', '杭州某丰田4S店', 180_000_000],
      ['2', 'won', '我方', null],
    ]);
    const prices = await app.value('tenders.lotResults', {
      filters: [{ field: 'winnerBrand', op: 'contains', value: '丰田' }],
    });
    expect(prices.rows[0]).toMatchObject({ projectNo: 'HZ-2026-01', winningUnitFen: 18_000_000 });
  });

  it('refuses an award before the opening and keeps nothing under all-or-nothing', async () => {
    app = await signedInApp();
    const opening = addDays(chinaDate(), 3);
    const r = await importTenders([
      [
        'GZ-1',
        '执法车',
        '广州市交通运输局',
        '公开招标',
        100,
        addDays(chinaDate(), -10),
        `${opening} 09:30`,
        '1',
        2,
        '某经销商',
        '本田',
        50,
        chinaDate(),
      ],
    ]);
    expect(r.summary).toMatchObject({ reject: 1, committed: false });
    expect(r.report.rows[0]!.reasons.map((x) => x.code)).toContain('tender.award_before_opening');
    expect((await app.value('tenders.list', {})).total).toBe(0);
    expect((await app.value('accounts.list', {})).total).toBe(0);
  });
});

describe('importing the price list', () => {
  it('adds and reprices models, refuses a floor above retail, and is for managers only', async () => {
    app = await signedInApp('manager');
    const file = await workbook(
      [
        ['车型', '配置', '厂商指导价（万元）', '政策底价（万元）'],
        ['迈腾', '330TSI 公务版', 19.99, 18.19],
        ['速腾', '300TSI', '14.99万', '13.49'],
        ['探岳', '330TSI', 21.99, 23],
      ],
      undefined,
      '价格表',
    );
    const inspection = await inspect(app, file, 'prices');
    const sheet = inspection.sheets[0]!;
    const r = await runImport(app, inspection.fileId, sheet, 'commit', {
      target: 'prices',
      policy: 'validOnly',
    });
    expect(r.summary).toMatchObject({ create: 2, reject: 1 });
    expect(r.report.rows.find((x) => x.outcome === 'reject')!.reasons[0]!.code).toBe(
      'price.floor_above_retail',
    );
    const list = await app.value('prices.list', {});
    expect(list.rows.map((p) => [p.model, p.retailFen, p.floorFen])).toEqual([
      ['迈腾', 19_990_000, 18_190_000],
      ['速腾', 14_990_000, 13_490_000],
    ]);

    const specialist = await addStaff(app, { name: '小李', role: 'specialist' });
    await app.value('auth.pick', { staffId: specialist.id });
    const refused = await app.call('imports.run', {
      target: 'prices',
      fileId: inspection.fileId,
      sheet: sheet.name,
      headerRow: 1,
      columns: sheet.columns.map((c) => ({ index: c.index, field: c.field })),
      mode: 'commit',
    });
    expect(refused.ok || refused.error.code).toBe('FORBIDDEN');
  });
});
