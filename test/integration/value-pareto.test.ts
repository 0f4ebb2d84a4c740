/**
 * The Pareto/ABC table in SQL (electron/value/pareto.ts) on hand-made data with known answers —
 * ties, zero revenue, one account, the period and the basis — agreeing with the ABC rule of
 * shared/analysis/abc.ts row for row; specialists see their teams' accounts, managers all; the
 * accounts grid's valueClass filter selects exactly a class's accounts.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { abcTable } from '../../shared/analysis/abc';
import { paretoTable } from '../../electron/value/pareto';
import { contractRow } from '../helpers/contract-rows';
import { addStaff, signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';

let app: TestApp;
afterEach(async () => app?.close());

let serial = 0;
/** A final contract written straight to the table: the analysis reads only these columns. */
const sale = (accountId: number, signedOn: string, totalFen: number, quantity = 1) =>
  contractRow(app.deps.db, accountId, signedOn, totalFen, { quantity });

async function accounts(n: number, ownerId: number | null = null) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      (
        await app.value('accounts.create', {
          account: account({ name: `客户${serial++}号单位`, ownerId }),
        })
      ).id,
    );
  return ids;
}

const year = { from: '2026-01-01', to: '2026-12-31', basis: 'revenue' as const };
const all = { offset: 0, limit: 500 };

async function sqlTable(cutoffs = { a: 80, b: 95 }, scope: number | null = null) {
  return paretoTable(app.deps.db, { ...year, cutoffs, ...all }, scope);
}

/** The same table by the TypeScript rule, from the values the SQL saw. */
function tsTable(values: [number, number][], cutoffs = { a: 80, b: 95 }) {
  return abcTable(
    values.map(([id, value]) => ({ id, value })),
    cutoffs,
  );
}

describe('Pareto / ABC in SQL', () => {
  it('classes by cumulative share before each account, ties one class, zero revenue C — as abcTable does', async () => {
    app = await signedInApp('manager');
    const [a, b, c, d, e, f] = await accounts(6);
    // 50 + 20 + 20 (tie) + 10 = 100; e bought nothing; f only outside the period.
    await sale(a!, '2026-03-01', 30);
    await sale(a!, '2026-04-01', 20);
    await sale(b!, '2026-05-01', 20);
    await sale(c!, '2026-05-02', 20);
    await sale(d!, '2026-06-01', 10);
    await sale(f!, '2025-12-31', 999);
    const t = await sqlTable();
    expect(t.total).toBe(100);
    expect(t.accounts).toBe(6);
    expect(t.rows.map((r) => [r.id, r.value, r.rank, r.abc])).toEqual([
      [a, 50, 1, 'A'],
      // Before the tie 50 % < 80 %: both A, although the second brings the total to 90 %.
      [b, 20, 2, 'A'],
      [c, 20, 3, 'A'],
      [d, 10, 4, 'B'],
      [e, 0, 5, 'C'],
      [f, 0, 6, 'C'],
    ]);
    expect(t.rows.map((r) => r.cumulativeShare)).toEqual([0.5, 0.7, 0.9, 1, 1, 1]);
    expect(t.classes.A).toEqual({ accounts: 3, value: 90, accountShare: 0.5, valueShare: 0.9 });
    expect(t.classes.B).toEqual({ accounts: 1, value: 10, accountShare: 1 / 6, valueShare: 0.1 });
    expect(t.classes.C).toMatchObject({ accounts: 2, value: 0 });

    // The drill-down to C holds those that bought nothing too.
    const classC = await app.value('accounts.list', {
      valueClass: { ...year, cutoffs: { a: 80, b: 95 }, classes: ['C'] },
    });
    expect(classC.rows.map((r) => r.id).sort((x, y) => x - y)).toEqual([e, f]);
    const ab = await app.value('accounts.list', {
      valueClass: { ...year, cutoffs: { a: 80, b: 95 }, classes: ['A', 'B'] },
    });
    expect(ab.total).toBe(4);
    const ts = tsTable(t.rows.map((r) => [r.id, r.value]));
    expect(t.rows.map((r) => ({ id: r.id, rank: r.rank, abc: r.abc, share: r.share }))).toEqual(
      ts.rows.map((r) => ({ id: r.id, rank: r.rank, abc: r.abc, share: r.share })),
    );
  });

  it('agrees with abcTable on other cut-offs and on larger generated data', async () => {
    app = await signedInApp('manager');
    const ids = await accounts(40);
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (const id of ids) {
      const n = next() % 4;
      for (let i = 0; i < n; i++) await sale(id, '2026-07-01', (next() % 5) * 1000);
    }
    for (const cutoffs of [
      { a: 80, b: 95 },
      { a: 50, b: 50 },
      { a: 70, b: 100 },
      { a: 1, b: 2 },
    ]) {
      const t = await sqlTable(cutoffs);
      const ts = tsTable(
        t.rows.map((r) => [r.id, r.value]),
        cutoffs,
      );
      expect(t.rows.map((r) => [r.id, r.rank, r.abc])).toEqual(
        ts.rows.map((r) => [r.id, r.rank, r.abc]),
      );
      expect(t.classes.A.accounts).toBe(ts.classes.A.accounts);
      expect(t.classes.B.accounts).toBe(ts.classes.B.accounts);
    }
  });

  it('one account holding everything is A; a period with no revenue classes all C', async () => {
    app = await signedInApp('manager');
    const [only] = await accounts(1);
    expect((await sqlTable()).rows).toMatchObject([{ id: only, abc: 'C', value: 0 }]);
    await sale(only!, '2026-02-02', 5);
    const t = await sqlTable();
    expect(t.rows).toMatchObject([{ id: only, abc: 'A', share: 1, cumulativeShare: 1 }]);
    expect(t.classes.A.accountShare).toBe(1);
  });

  it('pages the rows and still carries the class totals', async () => {
    app = await signedInApp('manager');
    const ids = await accounts(5);
    for (const [i, id] of ids.entries()) await sale(id, '2026-02-02', (i + 1) * 10);
    const page = await paretoTable(
      app.deps.db,
      { ...year, cutoffs: { a: 80, b: 95 }, offset: 3, limit: 10 },
      null,
    );
    expect(page.rows.map((r) => r.rank)).toEqual([4, 5]);
    expect(page.accounts).toBe(5);
    expect(page.total).toBe(150);
  });

  it('on units and on margin over the floor', async () => {
    app = await signedInApp('manager');
    const [a, b] = await accounts(2);
    const ca = await sale(a!, '2026-02-02', 100, 1);
    const cb = await sale(b!, '2026-02-02', 50, 5);
    await app.deps.db
      .insertInto('contract_lines')
      .values([
        {
          contract_id: ca,
          position: 1,
          model: 'X',
          quantity: 1,
          unit_price_fen: 100,
          retail_fen: 120,
          floor_fen: 40,
        },
        {
          contract_id: cb,
          position: 1,
          model: 'X',
          quantity: 5,
          unit_price_fen: 10,
          retail_fen: 12,
          floor_fen: 9,
        },
      ])
      .execute();
    const units = await paretoTable(
      app.deps.db,
      { ...year, basis: 'units', cutoffs: { a: 80, b: 95 }, ...all },
      null,
    );
    expect(units.rows.map((r) => [r.id, r.value])).toEqual([
      [b, 5],
      [a, 1],
    ]);
    const margin = await paretoTable(
      app.deps.db,
      { ...year, basis: 'margin', cutoffs: { a: 80, b: 95 }, ...all },
      null,
    );
    expect(margin.rows.map((r) => [r.id, r.value])).toEqual([
      [a, 60],
      [b, 5],
    ]);
  });

  it('a specialist sees their teams’ accounts; a manager all; the grid filter selects exactly a class', async () => {
    app = await signedInApp('manager');
    const li = await addStaff(app, { name: '李专员', role: 'specialist' });
    const [mine1, mine2] = await accounts(2, li.id);
    const [other] = await accounts(1);
    await sale(mine1!, '2026-02-02', 90);
    await sale(mine2!, '2026-02-02', 10);
    await sale(other!, '2026-02-02', 1000);

    const manager = await app.value('value.pareto', { ...year, ...all });
    expect(manager.rows.map((r) => r.id)).toEqual([other, mine1, mine2]);
    // 1000 of 1100 first (A); 90 starts at 90.9 % (B); 10 at 99.1 % (C).
    expect(manager.rows.map((r) => r.abc)).toEqual(['A', 'B', 'C']);
    const grid = await app.value('accounts.list', {
      valueClass: { ...year, cutoffs: { a: 80, b: 95 }, classes: ['B', 'C'] },
    });
    expect(grid.rows.map((r) => r.id).sort((x, y) => x - y)).toEqual([mine1, mine2]);

    await app.value('auth.pick', { staffId: li.id });
    const own = await app.value('value.pareto', { ...year, ...all });
    expect(own.rows.map((r) => [r.id, r.abc])).toEqual([
      [mine1, 'A'],
      [mine2, 'B'],
    ]);
    const ownGrid = await app.value('accounts.list', {
      valueClass: { ...year, cutoffs: { a: 80, b: 95 }, classes: ['A'] },
    });
    expect(ownGrid.rows.map((r) => r.id)).toEqual([mine1]);
  });

  it('exports the whole table — every account ranked, as the pages show it — and a specialist’s only their own', async () => {
    app = await signedInApp('manager');
    const li = await addStaff(app, { name: '李专员', role: 'specialist' });
    const [mine1, mine2] = await accounts(2, li.id);
    const [other, idle] = await accounts(2);
    await sale(mine1!, '2026-02-02', 90_000);
    await sale(mine2!, '2026-02-02', 10_000);
    await sale(other!, '2026-02-02', 1_000_000);

    const exported = async (lang: 'zh-CN' | 'en') => {
      const { jobId } = await app.value('exports.pareto', { ...year, format: 'xlsx', lang });
      expect((await app.deps.jobs.wait(jobId)).state).toBe('done');
      const delivery = await app.value('exports.deliver', { jobId });
      if (delivery.kind !== 'download') throw new Error('expected a download');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(app.files.get(delivery.url.slice('/api/files/'.length))!.path);
      const [sheet, about] = wb.worksheets;
      const rows: unknown[][] = [];
      sheet!.eachRow((row, n) => {
        if (n > 1) rows.push((row.values as unknown[]).slice(1));
      });
      const lines = new Map<string, string>();
      about!.eachRow((row) =>
        lines.set(String(row.getCell(1).value), String(row.getCell(2).value)),
      );
      return { header: (sheet!.getRow(1).values as unknown[]).slice(1), rows, lines };
    };

    const page = await app.value('value.pareto', { ...year, ...all });
    const team = await exported('zh-CN');
    expect(team.header).toEqual([
      '排名',
      '客户',
      '手工等级',
      '按成交额',
      '占比',
      '累计占比',
      '分类',
    ]);
    // Money in yuan, shares as fractions: the same rows, ranks and classes as the pages.
    expect(team.rows).toEqual(
      page.rows.map((r) => [
        r.rank,
        r.name,
        expect.stringMatching(/^[ABC] /),
        r.value / 100,
        r.share,
        r.cumulativeShare,
        r.abc,
      ]),
    );
    expect(team.rows.map((r) => r[1])).toContain(page.rows.find((r) => r.id === idle)!.name);
    expect(team.lines.get('各类客户数')).toBe('A 1（25.0%）、B 1（25.0%）、C 2（50.0%）');
    expect(team.lines.get('期间')).toBe('2026-01-01 至 2026-12-31');
    expect(team.lines.get('客户范围')).toBe('全部客户');

    await app.value('auth.pick', { staffId: li.id });
    const own = await exported('en');
    expect(own.header[3]).toBe('Revenue');
    expect(own.rows.map((r) => [r[0], r[6]])).toEqual([
      [1, 'A'],
      [2, 'B'],
    ]);
    expect(own.lines.get('Accounts')).toBe('the accounts of 李专员’s account teams');
  });
});
