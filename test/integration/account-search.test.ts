/**
 * The accounts' quick search through its full-text index (issue 16): it answers exactly what a
 * LIKE over the search text answers — one- and two-character terms, Latin, digits, punctuation,
 * never across two lines — along each of its paths; the index follows every write (workflows,
 * imports, deletion); the migration indexes existing accounts, addresses included.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountDerivedStatements } from '../../electron/accounts/derived';
import { listAccounts } from '../../electron/accounts/list-page';
import { sortedRowsQuery } from '../../electron/accounts/repository';
import type { SearchPath } from '../../electron/accounts/search';
import { connect, type Connection } from '../../electron/db/connection';
import { migrateUp } from '../../electron/db/migrator';
import { MIGRATIONS } from '../../migrations';
import type { AccountListQuery } from '../../shared/schemas/accounts';
import { gramsQuery } from '../../shared/search-grams';
import { searchKey } from '../../shared/text';
import { signedInApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account, newUscc } from '../helpers/fixtures';
import { inspect, runImport } from '../helpers/imports';
import { versionOf } from '../helpers/versions';

let app: TestApp | null = null;
let conn: Connection | null = null;
afterEach(async () => {
  await app?.close();
  await conn?.close();
  app = null;
  conn = null;
});

/** The ids a LIKE over every search text finds, in name order: what the index must answer. */
function likeIds(a: TestApp, term: string): number[] {
  const pattern = `%${searchKey(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return a.database.sqlite
    .prepare("select id from accounts where search_text like ? escape '\\' order by name_sort, id")
    .pluck()
    .all(pattern) as number[];
}

async function listIds(a: TestApp, search: string): Promise<{ ids: number[]; total: number }> {
  const r = await a.value('accounts.list', {
    search,
    limit: 500,
    sort: [{ field: 'name', desc: false }],
  });
  return { ids: r.rows.map((row) => row.id), total: r.total };
}

async function pathIds(a: TestApp, search: string, path: SearchPath): Promise<number[]> {
  const rows = await sortedRowsQuery(
    a.deps.db,
    { filters: [], sort: [{ field: 'name', desc: false }], search },
    path,
  ).execute();
  return rows.map((r) => r.id);
}

describe('the quick search', () => {
  it('finds through the index exactly what a scan of the search texts finds, on both paths', async () => {
    app = await signedInApp('manager');
    const names = [
      ['杭州市公安局交通警察支队', '西湖区文三路 100 号', ['杭州交警']],
      ['宁波顺达汽车租赁有限公司', '宁波市鄞州区 (东部新城)', []],
      ['México Fleet S.A.', 'Ciudad de México', ['MX-Fleet']],
      ['公安县人民医院', null, ['公安医院']],
      ['国网浙江省电力有限公司', '杭州市上城区', ['国网浙江']],
      ['安', null, []],
      ['中国石油天然气股份有限公司浙江销售分公司', null, []],
    ] as const;
    for (const [name, address, aliases] of names)
      await app.value('accounts.create', {
        account: account({ name, address, aliases: aliases.map((alias) => ({ alias })) }),
      });
    const first = await app.value('accounts.list', { search: '宁波顺达', limit: 1 });
    await app.value('contacts.create', { accountId: first.rows[0]!.id, name: '王建国' });
    const terms = [
      '公安',
      '安',
      '公',
      '有限公司',
      '杭州',
      '交通警察',
      'x',
      'méxico',
      'MEXICO',
      's.a',
      ' ',
      '(',
      '(东部',
      'mx-f',
      '100 号',
      '王建国',
      'hzsgaj', // pinyin initials of 杭州市公安局…
      'jtjczd',
      '9133', // part of a USCC
      '公司公安', // the end of one line and the start of another: never a match
      '安9',
      '不存在',
      '%',
      '_',
    ];
    for (const term of terms) {
      const want = likeIds(app, term);
      const got = await listIds(app, term);
      expect({ term, ids: got.ids, total: got.total }).toEqual({
        term,
        ids: want,
        total: want.length,
      });
      expect({ term, scan: await pathIds(app, term, 'scan') }).toEqual({ term, scan: want });
      expect({ term, index: await pathIds(app, term, 'index') }).toEqual({ term, index: want });
      expect({ term, walk: await pathIds(app, term, 'walk') }).toEqual({ term, walk: want });
    }
    // The cross-line and missing terms are really empty; the common ones are not.
    expect(likeIds(app, '公司公安')).toEqual([]);
    expect(likeIds(app, '公安').length).toBeGreaterThanOrEqual(2);
    // The picker uses the same search.
    const picked = await app.value('accounts.lookup', { q: '公安', limit: 10, excludeId: null });
    expect(picked.map((p) => p.id)).toEqual(likeIds(app, '公安'));
  });

  it('follows every write: create, rename, address, alias, contact, import, deletion', async () => {
    app = await signedInApp('manager');
    const a = app;
    const found = async (term: string) => (await listIds(a, term)).ids;
    const indexRows = () =>
      Number(
        (a.database.sqlite.prepare('select count(*) as n from accounts_fts').get() as { n: number })
          .n,
      );

    const input = account({ name: '嘉兴市城市管理局', address: '南湖区中山路' });
    const created = await a.value('accounts.create', { account: input });
    expect(await found('城市管理')).toEqual([created.id]);
    expect(await found('中山路')).toEqual([created.id]);

    await a.value('accounts.update', {
      id: created.id,
      version: await versionOf(a, 'accounts', created.id),
      account: {
        ...input,
        name: '嘉兴市综合行政执法局',
        address: '秀洲区新城路',
        aliases: [{ alias: '嘉兴执法' }],
      },
    });
    expect(await found('城市管理')).toEqual([]);
    expect(await found('中山路')).toEqual([]);
    expect(await found('综合行政')).toEqual([created.id]);
    expect(await found('新城路')).toEqual([created.id]);
    expect(await found('嘉兴执法')).toEqual([created.id]);

    await a.value('contacts.create', { accountId: created.id, name: '诸葛明亮' });
    expect(await found('诸葛')).toEqual([created.id]);

    // An import creates one account and moves the other's address.
    const uscc = newUscc();
    const file = path.join(tempDir(), 'accounts.csv');
    (await import('node:fs')).writeFileSync(
      file,
      `单位名称,统一社会信用代码,客户类型,详细地址\n湖州市交通运输局,${uscc},政府采购,吴兴区仁皇山路\n嘉兴市综合行政执法局,,,秀洲区洪兴路\n`,
    );
    const inspection = await inspect(a, file);
    const { summary } = await runImport(a, inspection.fileId, inspection.sheets[0]!, 'commit', {
      policy: 'allOrNothing',
    });
    expect(summary).toMatchObject({ committed: true, create: 1 });
    const imported = (await found(uscc))[0]!;
    expect(await found('仁皇山')).toEqual([imported]);
    expect(await found('洪兴路')).toEqual([created.id]);
    expect(await found('新城路')).toEqual([]);

    expect(indexRows()).toBe(2);
    await a.value('accounts.delete', { id: imported });
    expect(await found('湖州')).toEqual([]);
    expect(indexRows()).toBe(1);
    // Nothing in the index that the accounts do not hold.
    const stray = await sql<{ n: number }>`select count(*) as n from accounts_fts
      where rowid not in (select id from accounts)`.execute(a.deps.db);
    expect(Number(stray.rows[0]!.n)).toBe(0);
  });
});

describe('its bulk writes', () => {
  it("of 1,000 rows or more go in without FTS5's merging, back on at the last or on rollback", async () => {
    app = await signedInApp('manager');
    const { sqlite } = app.database;
    const automerge = () =>
      sqlite.prepare("select v from accounts_fts_config where k = 'automerge'").pluck().get();
    const before = automerge();
    const now = new Date().toISOString();
    const insert = (derived: AccountDerivedStatements, name: string) =>
      derived.insert(
        {
          name,
          uscc: null,
          buyer_type: 'direct',
          industry: null,
          org_nature: null,
          org_nature_confirmed: 0,
          province_code: null,
          city_code: null,
          district_code: null,
          address: null,
          parent_id: null,
          grade: 'C',
          value_type: null,
          lifecycle: 'prospect',
          source: null,
          owner_id: null,
          notes: null,
          created_at: now,
          updated_at: now,
          created_by: null,
          updated_by: null,
        },
        { aliases: [], contactNames: [], fleetTotal: 0, subordinateCount: 0 },
      );
    // Rolled back: the setting goes back with the rows.
    const dry = new AccountDerivedStatements(sqlite);
    sqlite.exec('begin');
    for (let i = 0; i < 1000; i++) insert(dry, `湖州丝绸之路集团${i}`);
    dry.indexInserted(1000);
    expect(automerge()).toBe(0);
    sqlite.exec('rollback');
    expect(automerge()).toBe(before);
    // Committed: off from the first write of 1,000 rows; the last call turns merging back on.
    const bulk = new AccountDerivedStatements(sqlite);
    sqlite.exec('begin');
    for (let i = 0; i < 999; i++) insert(bulk, `嘉兴南湖游船公司${i}`);
    bulk.indexInserted(1000); // 999 waiting: nothing yet
    expect(automerge()).toBe(before);
    insert(bulk, '嘉兴南湖游船公司');
    bulk.indexInserted(1000);
    expect(automerge()).toBe(0);
    const last = insert(bulk, '舟山海运集团');
    bulk.indexInserted();
    expect(automerge()).toBe(4);
    sqlite.exec('commit');
    expect((await listIds(app, '南湖游船')).total).toBe(1000);
    expect((await listIds(app, '舟山海运')).ids).toEqual([last]);
    expect(await listIds(app, '丝绸之路')).toEqual({ ids: [], total: 0 });
  });
});

describe('its count', () => {
  it('stops past the page, says so, and goes on as the pages do', async () => {
    app = await signedInApp('manager');
    for (let i = 1; i <= 10; i++)
      await app.value('accounts.create', {
        account: account({ name: `顺达${i}号有限公司`, buyerType: i <= 8 ? 'direct' : 'system' }),
      });
    const all = likeIds(app, '有限公司');
    expect(all).toHaveLength(10);
    const db = app.deps.db;
    // A step of 4: the count stops at the next multiple of 4 past the page's end.
    const page = (offset: number, filters: AccountListQuery['filters'] = []) =>
      listAccounts(
        db,
        { search: '有限公司', filters, sort: [{ field: 'name', desc: false }], offset, limit: 3 },
        4,
      );
    // The index's count (a search alone) and the view's (a search and a filter) stop alike.
    const views: AccountListQuery['filters'][] = [
      [],
      [{ field: 'buyerType', op: 'in', values: ['direct', 'system'] }],
    ];
    for (const filters of views) {
      const shown = async (offset: number) => {
        const r = await page(offset, filters);
        return { ids: r.rows.map((row) => row.id), total: r.total, capped: r.capped ?? false };
      };
      expect(await shown(0)).toEqual({ ids: all.slice(0, 3), total: 4, capped: true });
      expect(await shown(3)).toEqual({ ids: all.slice(3, 6), total: 8, capped: true });
      expect(await shown(6)).toEqual({ ids: all.slice(6, 9), total: 10, capped: false });
      expect(await shown(9)).toEqual({ ids: all.slice(9), total: 10, capped: false });
    }
    // Exactly as many as the bound: the count is exact, not capped.
    const direct = await page(3, [{ field: 'buyerType', op: 'in', values: ['direct'] }]);
    expect({ total: direct.total, capped: direct.capped }).toEqual({ total: 8, capped: undefined });
    // The list without a search counts every account.
    const unsearched = await listAccounts(db, { filters: [], sort: [], offset: 0, limit: 3 }, 4);
    expect({ total: unsearched.total, capped: unsearched.capped }).toEqual({
      total: 10,
      capped: undefined,
    });
    // Through the API the step is 10,000: these ten are counted exactly.
    expect(await app.value('accounts.list', { search: '有限公司', limit: 3 })).toMatchObject({
      total: 10,
    });
  });
});

describe('its migration', () => {
  it('indexes existing accounts with their addresses', async () => {
    conn = connect(path.join(tempDir(), 'db.sqlite'));
    await migrateUp(conn.db, MIGRATIONS, '20261205110000_value_indexes');
    const at = '2026-11-20T02:00:00.000Z';
    const insert = conn.sqlite.prepare(
      `insert into accounts (id, name, name_norm, name_sort, buyer_type, grade, lifecycle, search_text, address, created_at, updated_at)
       values (?, ?, ?, ?, 'government', 'A', 'target', ?, ?, ?, ?)`,
    );
    insert.run(
      1,
      '杭州市公安局',
      '杭州市公安局',
      'hang',
      '杭州市公安局\nhzsgaj',
      '西湖区 Ａ座',
      at,
      at,
    );
    insert.run(2, '温州市财政局', '温州市财政局', 'wen', '温州市财政局\nwzsczj', null, at, at);
    await migrateUp(conn.db, MIGRATIONS, '20261206100000_account_search_index');
    const find = (term: string) =>
      conn!.sqlite
        .prepare('select rowid from accounts_fts where accounts_fts match ? order by rowid')
        .pluck()
        .all(gramsQuery(searchKey(term)));
    expect(find('公安')).toEqual([1]);
    expect(find('WZSC')).toEqual([2]);
    expect(find('a座')).toEqual([1]);
    const texts = conn.sqlite.prepare('select search_text from accounts order by id').pluck().all();
    // The address as the search key writes it (full-width letters made plain, lower-cased).
    expect(texts).toEqual([
      `杭州市公安局\nhzsgaj\n${searchKey('西湖区 Ａ座')}`,
      '温州市财政局\nwzsczj',
    ]);
  });
});
