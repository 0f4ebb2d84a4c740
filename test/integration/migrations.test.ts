import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../migrations';
import { connect, type Connection } from '../../electron/db/connection';
import {
  migrateDown,
  migrateUp,
  migrationNotes,
  migrationStatus,
} from '../../electron/db/migrator';
import { tempDir } from '../helpers/db';
import { noteFromColumns, renderSystemNote } from '../../shared/system-notes';
import { gramsQuery } from '../../shared/search-grams';
import { searchKey } from '../../shared/text';

const open: Connection[] = [];
function blank(): Connection {
  const conn = connect(path.join(tempDir(), 'db.sqlite'));
  open.push(conn);
  return conn;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});

/** The schema as SQLite records it, for comparing two databases. */
function schemaOf(conn: Connection): string[] {
  return (
    conn.sqlite
      .prepare(
        "select type || ' ' || name || ': ' || coalesce(sql, '') from sqlite_master where name not like 'sqlite_%' order by type, name",
      )
      .pluck()
      .all() as string[]
  ).filter((s) => !s.includes('keyfleet_migrations') || s.startsWith('table'));
}

describe('migrations', () => {
  it('lists every migration file of the folder, in name order', () => {
    const dir = path.resolve(__dirname, '../../migrations');
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{14}_.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files.sort());
  });

  it('migrates an empty database to the latest version', async () => {
    const conn = blank();
    const ran = await migrateUp(conn.db, MIGRATIONS);
    expect(ran).toEqual(MIGRATIONS.map((m) => m.name));
    expect((await migrationStatus(conn.db, MIGRATIONS)).pending).toEqual([]);
    expect(conn.sqlite.pragma('foreign_key_check')).toEqual([]);
    // A new data folder had nothing for an upgrade note to report.
    expect(await migrationNotes(conn.db)).toEqual([]);
  });

  it('replays from every earlier version to the same schema as from empty', async () => {
    const reference = blank();
    await migrateUp(reference.db, MIGRATIONS);
    const expected = schemaOf(reference);
    for (const m of MIGRATIONS) {
      const conn = blank();
      await migrateUp(conn.db, MIGRATIONS, m.name);
      expect((await migrationStatus(conn.db, MIGRATIONS)).applied.at(-1)).toBe(m.name);
      await migrateUp(conn.db, MIGRATIONS);
      expect(schemaOf(conn)).toEqual(expected);
    }
  });

  it('reverts every migration and applies them again', async () => {
    const conn = blank();
    await migrateUp(conn.db, MIGRATIONS);
    const expected = schemaOf(conn);
    await migrateDown(conn.db, MIGRATIONS, null);
    expect((await migrationStatus(conn.db, MIGRATIONS)).applied).toEqual([]);
    await migrateUp(conn.db, MIGRATIONS);
    expect(schemaOf(conn)).toEqual(expected);
  });

  it('rolls a half-applied migration back entirely', async () => {
    const broken: Migration = {
      name: '29991231000000_half_applied',
      async up(db) {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        await sql`insert into no_such_table values (1)`.execute(db);
      },
      async down() {},
    };
    const conn = blank();
    await expect(migrateUp(conn.db, [...MIGRATIONS, broken])).rejects.toThrow(
      /29991231000000_half_applied failed/,
    );
    const tables = conn.sqlite
      .prepare("select name from sqlite_master where name = 'half_done'")
      .all();
    expect(tables).toEqual([]);
    expect((await migrationStatus(conn.db, [...MIGRATIONS, broken])).pending).toEqual([
      broken.name,
    ]);
  });

  it('20261202120000_stage_note_codes turns the sentences the app wrote into codes, and back', async () => {
    const conn = blank();
    await migrateUp(conn.db, MIGRATIONS, '20261123090000_claims_filings');
    const run = (q: string, ...params: unknown[]) => conn.sqlite.prepare(q).run(...params);
    const at = '2026-11-20T02:00:00.000Z';
    run(`insert into staff (id, name, role, created_at) values (1, '王芳', 'specialist', ?)`, at);
    run(
      `insert into accounts (id, name, name_norm, name_sort, buyer_type, grade, lifecycle, search_text, created_at, updated_at)
       values (1, '杭州市公安局', '杭州市公安局', 'hangzhou', 'government', 'A', 'target', '', ?, ?)`,
      at,
      at,
    );
    run(
      `insert into opportunities (id, account_id, title, title_sort, buyer_type, stage, stage_changed_at, search_text, created_at, updated_at)
       values (1, 1, '执法车', 'zhifache', 'government', 'in_use', ?, '', ?, ?)`,
      at,
      at,
      at,
    );
    const stage = (cause: string, note: string | null) =>
      run(
        `insert into opportunity_stages (opportunity_id, at, actor_id, from_stage, to_stage, cause, note)
         values (1, ?, 1, 'interest', 'comparison', ?, ?)`,
        at,
        cause,
        note,
      );
    stage('tender', 'HZCG-2026-001: bid');
    stage('tender', 'ZJ: 2026 (1): won');
    stage('tender', 'HZCG-2026-002: lost');
    stage('contract', 'HT2026-0007: final');
    // A person's words, even where they look like the app's: kept as typed.
    stage('manual', 'HZCG-2026-003: lost');
    stage('tender', '开标后客户改变主意');
    stage('contract', 'HT2026-0007: finalised by phone');
    stage('manual', null);
    const deadline = (entity: string, kind: string, id: number, title: string) =>
      run(
        `insert into deadlines (kind, entity, entity_id, title, due_on) values (?, ?, ?, ?, '2026-12-01')`,
        kind,
        entity,
        id,
        title,
      );
    deadline('follow_up', 'follow_up', 1, 'HT2026-0007 杭州市公安局（交车后7天）');
    deadline('follow_up', 'follow_up', 2, 'HT2026-0007 西湖分局（交车后30天）');
    deadline('follow_up', 'follow_up', 3, 'HT2026-0008 没有后缀');
    deadline('tender', 'opening', 1, 'HZCG-2026-001 执法车（交车后7天）');
    const before = {
      stages: conn.sqlite.prepare('select * from opportunity_stages order by id').all(),
      deadlines: conn.sqlite.prepare('select * from deadlines order by id').all(),
    };

    await migrateUp(conn.db, MIGRATIONS, '20261202120000_stage_note_codes');
    const stages = conn.sqlite
      .prepare('select cause, note, note_code, note_params from opportunity_stages order by id')
      .all();
    expect(stages).toEqual([
      {
        cause: 'tender',
        note: null,
        note_code: 'tender.bid',
        note_params: '{"projectNo":"HZCG-2026-001"}',
      },
      {
        cause: 'tender',
        note: null,
        note_code: 'tender.won',
        note_params: '{"projectNo":"ZJ: 2026 (1)"}',
      },
      {
        cause: 'tender',
        note: null,
        note_code: 'tender.lost',
        note_params: '{"projectNo":"HZCG-2026-002"}',
      },
      {
        cause: 'contract',
        note: null,
        note_code: 'contract.final',
        note_params: '{"number":"HT2026-0007"}',
      },
      { cause: 'manual', note: 'HZCG-2026-003: lost', note_code: null, note_params: null },
      { cause: 'tender', note: '开标后客户改变主意', note_code: null, note_params: null },
      {
        cause: 'contract',
        note: 'HT2026-0007: finalised by phone',
        note_code: null,
        note_params: null,
      },
      { cause: 'manual', note: null, note_code: null, note_params: null },
    ]);
    const deadlines = conn.sqlite
      .prepare('select entity, title, note_code, note_params from deadlines order by id')
      .all();
    expect(deadlines).toEqual([
      {
        entity: 'follow_up',
        title: 'HT2026-0007 杭州市公安局',
        note_code: 'follow_up.after_delivery',
        note_params: '{"days":7}',
      },
      {
        entity: 'follow_up',
        title: 'HT2026-0007 西湖分局',
        note_code: 'follow_up.after_delivery',
        note_params: '{"days":30}',
      },
      { entity: 'follow_up', title: 'HT2026-0008 没有后缀', note_code: null, note_params: null },
      {
        entity: 'tender',
        title: 'HZCG-2026-001 执法车（交车后7天）',
        note_code: null,
        note_params: null,
      },
    ]);
    // Read through today's code, each migrated row says the same thing as before in either language.
    const notes = stages.map((r) => {
      const row = r as { note_code: string | null; note_params: string | null };
      return noteFromColumns(row.note_code, row.note_params);
    });
    expect(notes.slice(0, 4).map((n) => renderSystemNote(n!, 'zh'))).toEqual([
      'HZCG-2026-001：已投标',
      'ZJ: 2026 (1)：中标',
      'HZCG-2026-002：未中标',
      'HT2026-0007：合同已生效',
    ]);
    expect(notes.slice(0, 4).map((n) => renderSystemNote(n!, 'en'))).toEqual([
      'HZCG-2026-001: bid entered',
      'ZJ: 2026 (1): won',
      'HZCG-2026-002: lost',
      'HT2026-0007: contract final',
    ]);

    // Down restores what the previous version wrote.
    await migrateDown(conn.db, MIGRATIONS, '20261123090000_claims_filings');
    expect(conn.sqlite.prepare('select * from opportunity_stages order by id').all()).toEqual(
      before.stages,
    );
    expect(conn.sqlite.prepare('select * from deadlines order by id').all()).toEqual(
      before.deadlines,
    );
  });

  it('refuses a file written by a newer version', async () => {
    const conn = blank();
    await migrateUp(conn.db, MIGRATIONS);
    await expect(migrationStatus(conn.db, MIGRATIONS.slice(0, 1))).rejects.toThrow(
      /newer Keyfleet/,
    );
  });
});

describe('20261202100000_policy_org_nature', () => {
  it('suggests every existing account’s organisation nature, unconfirmed, and says so in its note', async () => {
    const conn = blank();
    await migrateUp(conn.db, MIGRATIONS, '20261123090000_claims_filings');
    const at = '2026-11-20T02:00:00.000Z';
    const account = (id: number, name: string, uscc: string | null, industry: string | null) =>
      conn.sqlite
        .prepare(
          `insert into accounts (id, name, name_norm, name_sort, uscc, buyer_type, industry, grade, lifecycle, search_text, created_at, updated_at)
           values (?, ?, ?, ?, ?, 'system', ?, 'A', 'target', '', ?, ?)`,
        )
        .run(id, name, name, name, uscc, industry, at, at);
    account(1, '四川省公安厅', '11510000MB1512345X', 'public_security');
    account(2, '杭州市第二中学', '12330100470000000X', 'education');
    account(3, '中国石油天然气股份有限公司浙江销售分公司', '91330000MA2XXXXXXX', 'oil');
    account(4, '杭州顺达汽车租赁有限公司', '91330100MA2YYYYYYY', 'rental');
    account(5, '绵阳市税务局', null, null);
    account(6, '某某协会', null, null);
    conn.sqlite
      .prepare(`insert into settings (key, value) values ('sales', ?)`)
      .run(
        JSON.stringify({ followUpDays: [7], reminderLeadHours: 48, dealerName: '杭州顺达大众' }),
      );

    await migrateUp(conn.db, MIGRATIONS, '20261202100000_policy_org_nature');
    expect(
      conn.sqlite
        .prepare('select id, org_nature, org_nature_confirmed from accounts order by id')
        .all(),
    ).toEqual([
      { id: 1, org_nature: 'organ', org_nature_confirmed: 0 },
      { id: 2, org_nature: 'institution', org_nature_confirmed: 0 },
      { id: 3, org_nature: 'soe', org_nature_confirmed: 0 },
      // An enterprise in an industry that does not tell state-owned from private: a person decides.
      { id: 4, org_nature: null, org_nature_confirmed: 0 },
      { id: 5, org_nature: 'organ', org_nature_confirmed: 0 },
      { id: 6, org_nature: null, org_nature_confirmed: 0 },
    ]);
    const notes = await migrationNotes(conn.db);
    expect(notes).toEqual([
      expect.objectContaining({
        migration: '20261202100000_policy_org_nature',
        code: 'org_nature_suggested',
        params: {
          organ: 2,
          institution: 1,
          soe: 1,
          private: 0,
          other: 0,
          unknown: 2,
          total: 6,
          dealerNameMoved: 1,
          templateUpdated: 1,
        },
      }),
    ]);
    const setting = (key: string) =>
      JSON.parse(
        conn.sqlite.prepare('select value from settings where key = ?').pluck().get(key) as string,
      ) as Record<string, unknown>;
    expect(setting('dealer')).toEqual({ name: '杭州顺达大众', code: '', brand: '' });
    expect(setting('sales')).not.toHaveProperty('dealerName');
    const columns = JSON.parse(
      conn.sqlite
        .prepare('select columns_json from report_templates where built_in = 1')
        .pluck()
        .get() as string,
    ) as { field: string }[];
    expect(columns.map((c) => c.field)).toEqual(
      expect.arrayContaining(['dealer', 'dealerCode', 'claimRef']),
    );
  });
});

describe('20261206100000_account_search_index', () => {
  it('indexes every account with its address in the search text, and takes the address out again on the way down', async () => {
    const conn = blank();
    await migrateUp(conn.db, MIGRATIONS, '20261205110000_value_indexes');
    const at = '2026-12-01T02:00:00.000Z';
    const account = (id: number, name: string, address: string | null, searchText: string) =>
      conn.sqlite
        .prepare(
          `insert into accounts (id, name, name_norm, name_sort, buyer_type, grade, lifecycle, address, search_text, created_at, updated_at)
           values (?, ?, ?, ?, 'system', 'A', 'target', ?, ?, ?, ?)`,
        )
        .run(id, name, name, name, address, searchText, at, at);
    account(1, '杭州市公安局', '杭州市西湖区 ＭＬ路1号', '杭州市公安局\nhzsgaj');
    account(2, '某某协会', null, '某某协会\nmmxh');
    const before = conn.sqlite.prepare('select id, search_text from accounts order by id').all();

    await migrateUp(conn.db, MIGRATIONS, '20261206100000_account_search_index');
    const texts = conn.sqlite
      .prepare('select search_text from accounts order by id')
      .pluck()
      .all() as string[];
    expect(texts[0]).toMatch(/\n杭州市西湖区 ml路1号$/);
    expect(texts[1]).toBe('某某协会\nmmxh');
    const found = (term: string) =>
      conn.sqlite
        .prepare('select rowid from accounts_fts where accounts_fts match ? order by rowid')
        .pluck()
        .all(gramsQuery(searchKey(term)));
    expect(found('西湖区')).toEqual([1]);
    expect(found('协会')).toEqual([2]);

    await migrateDown(conn.db, MIGRATIONS, '20261205110000_value_indexes');
    expect(conn.sqlite.prepare('select id, search_text from accounts order by id').all()).toEqual(
      before,
    );
    expect(
      conn.sqlite
        .prepare("select count(*) from sqlite_master where name = 'accounts_fts'")
        .pluck()
        .get(),
    ).toBe(0);
  });
});
