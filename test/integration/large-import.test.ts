/**
 * An import large enough to defer the accounts' sort and filter indexes and to write the quick
 * search's index rows at the end (issue 16): the schema is the same afterwards, every created
 * account is found, and a dry run or an all-or-nothing refusal leaves no trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signedInApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account } from '../helpers/fixtures';
import { inspect, runImport } from '../helpers/imports';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** Past the point where the import defers the indexes (5,000 rows created). */
const ROWS = 5200;

function csv(rows: number, lastBuyerType = '政府采购'): string {
  const lines = ['单位名称,客户类型,省份,城市,详细地址'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `批量导入测试单位${String(i).padStart(5, '0')},${i === rows - 1 ? lastBuyerType : '企业'},浙江,杭州,西湖区文三路${i}号`,
    );
  const file = path.join(tempDir(), 'large.csv');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

function schema(a: TestApp) {
  return a.database.sqlite
    .prepare(
      "select name, sql from sqlite_master where tbl_name in ('accounts', 'accounts_fts') order by name",
    )
    .all();
}

const count = (a: TestApp, table: string) =>
  a.database.sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;

async function search(a: TestApp, term: string) {
  const r = await a.value('accounts.list', {
    search: term,
    limit: 5,
    sort: [{ field: 'name', desc: true }],
  });
  return { total: r.total, names: r.rows.map((row) => row.name) };
}

describe(`an import of ${ROWS} accounts`, () => {
  it('commits with the schema it found, every account searchable and sorted', async () => {
    app = await signedInApp('manager');
    await app.value('accounts.create', { account: account({ name: '杭州市公安局' }) });
    const before = schema(app);
    const file = csv(ROWS);

    const inspection = await inspect(app, file);
    const dry = await runImport(app, inspection.fileId, inspection.sheets[0]!, 'dryRun');
    expect(dry.summary).toMatchObject({ create: ROWS, committed: false });
    expect(schema(app)).toEqual(before);
    expect(count(app, 'accounts')).toBe(1);
    expect(count(app, 'accounts_fts')).toBe(1);

    const { summary } = await runImport(app, inspection.fileId, inspection.sheets[0]!, 'commit');
    expect(summary).toMatchObject({ create: ROWS, reject: 0, committed: true });
    expect(schema(app)).toEqual(before);
    expect(app.database.sqlite.prepare('pragma integrity_check').pluck().get()).toBe('ok');
    // One index row per account, and the last rows of the file are found like the first.
    expect(count(app, 'accounts_fts')).toBe(ROWS + 1);
    expect(await search(app, '批量导入测试单位05199')).toEqual({
      total: 1,
      names: ['批量导入测试单位05199'],
    });
    expect((await search(app, '文三路')).total).toBe(ROWS);
    expect((await search(app, '公安')).names).toEqual(['杭州市公安局']);
    // The rebuilt name index orders the page (descending: the file's last row first).
    expect((await search(app, '批量导入')).names[0]).toBe('批量导入测试单位05199');
  });

  it('refused whole for one bad row leaves the schema, the accounts and the index as they were', async () => {
    app = await signedInApp('manager');
    const before = schema(app);
    const inspection = await inspect(app, csv(ROWS, '不知道'));
    const { summary } = await runImport(app, inspection.fileId, inspection.sheets[0]!, 'commit', {
      policy: 'allOrNothing',
    });
    expect(summary).toMatchObject({ create: ROWS - 1, reject: 1, committed: false });
    expect(schema(app)).toEqual(before);
    expect(count(app, 'accounts')).toBe(0);
    expect(count(app, 'accounts_fts')).toBe(0);
  });
});
