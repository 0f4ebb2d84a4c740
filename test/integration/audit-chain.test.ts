/**
 * The audit chain keyed with a secret outside the database: an edited entry, a cut tail (against a
 * recorded head) and a rewrite that recomputes every later hash without the key are all caught,
 * from a copy of the file plus the key; a database from before the key still verifies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { businessClock } from '../../shared/clock';
import { appendAudit, entryHash, KEYED_MARKER, verifyAuditChain } from '../../electron/audit/audit';
import { auditHead } from '../../electron/audit/head';
import { AUDIT_KEY_FILE, readAuditKey } from '../../electron/audit/key';
import { DB_FILE_NAME } from '../../electron/app/create-app';
import { backupDir } from '../../electron/backups/records';
import { connect, type Connection } from '../../electron/db/connection';
import { migrateUp } from '../../electron/db/migrator';
import { openDatabase } from '../../electron/db/open';
import type { AuditLogTable } from '../../electron/db/schema';
import { MIGRATIONS } from '../../migrations';
import { signedInApp, type TestApp } from '../helpers/app';
import { tempDir } from '../helpers/db';
import { account } from '../helpers/fixtures';
import type { Selectable } from 'kysely';

type Row = Selectable<AuditLogTable>;

let app: TestApp | null = null;
const conns: Connection[] = [];
afterEach(async () => {
  await app?.close();
  app = null;
  for (const c of conns.splice(0)) await c.close();
});

/** An app with a few audited changes: accounts created and updated. */
async function appWithHistory(): Promise<TestApp> {
  const a = await signedInApp();
  for (const grade of ['A', 'B', 'C'] as const)
    await a.value('accounts.create', { account: account({ name: `测试单位${grade}`, grade }) });
  return a;
}

/** A copy of the app's database file, as someone holding only the file would have it. */
function copyOfFile(a: TestApp): Connection {
  const dir = tempDir('keyfleet-audit-copy-');
  const file = path.join(dir, DB_FILE_NAME);
  a.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  fs.copyFileSync(a.dbFile, file);
  const conn = connect(file);
  // Whoever edits the file first removes the database's own append-only guards.
  conn.sqlite.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete');
  conns.push(conn);
  return conn;
}

const rows = (c: Connection) =>
  c.sqlite.prepare('select * from audit_log order by id').all() as Row[];

describe('the keyed audit chain', () => {
  it('keeps its key outside the database, owner-only, and starts the chain with a keyed marker', async () => {
    app = await appWithHistory();
    const keyFile = path.join(app.dataDir, AUDIT_KEY_FILE);
    const stat = fs.statSync(keyFile);
    expect(stat.size).toBe(32);
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600);
    const log = rows({ sqlite: app.database.sqlite } as Connection);
    expect(log[0]).toMatchObject({ entity: KEYED_MARKER.entity, action: KEYED_MARKER.action });
    // Keyed links are not the plain SHA-256 an outsider could recompute.
    for (const r of log) expect(entryHash(r)).not.toBe(r.hash);
    expect(await app.value('audit.verify', {})).toEqual({
      ok: true,
      checked: log.length,
      firstBrokenId: null,
      problem: null,
    });
  });

  it('names an entry edited in place', async () => {
    app = await appWithHistory();
    const copy = copyOfFile(app);
    const target = rows(copy).find((r) => r.after_json?.includes('"A"'))!;
    copy.sqlite
      .prepare(
        'update audit_log set after_json = replace(after_json, \'"A"\', \'"B"\') where id = ?',
      )
      .run(target.id);
    expect(await verifyAuditChain(copy.db, { key: readAuditKey(app.dataDir) })).toMatchObject({
      ok: false,
      firstBrokenId: target.id,
      problem: { kind: 'edited', entryId: target.id },
    });
  });

  it('notices entries cut off the end against a recorded head, given or from the latest backup', async () => {
    app = await appWithHistory();
    const head = auditHead(app.database.sqlite)!;
    const copy = copyOfFile(app);
    const log = rows(copy);
    const kept = log[log.length - 3]!;
    copy.sqlite.prepare('delete from audit_log where id > ?').run(kept.id);
    const key = readAuditKey(app.dataDir);
    // Without the head the shorter chain is whole: only a head kept elsewhere shows the cut.
    expect(await verifyAuditChain(copy.db, { key })).toMatchObject({ ok: true });
    expect(await verifyAuditChain(copy.db, { key, heads: [head] })).toMatchObject({
      ok: false,
      checked: log.length - 2,
      problem: { kind: 'cut', entryId: kept.id, headId: head.id },
    });

    // The same cut in the app's own file: audit.verify checks the given head, and by itself
    // the head recorded with the latest backup.
    const db = app.database.sqlite;
    db.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete');
    db.prepare('delete from audit_log where id > ?').run(kept.id);
    expect(await app.value('audit.verify', {})).toMatchObject({ ok: true });
    expect(await app.value('audit.verify', { head })).toMatchObject({
      problem: { kind: 'cut', entryId: kept.id, headId: head.id },
    });
    fs.mkdirSync(backupDir(app.dataDir), { recursive: true });
    fs.writeFileSync(
      path.join(backupDir(app.dataDir), 'keyfleet-20261202-120000.sqlite.json'),
      JSON.stringify({
        format: 1,
        kind: 'daily',
        takenAt: '2026-12-02T12:00:00.000Z',
        auditHead: head,
      }),
    );
    expect(await app.value('audit.verify', {})).toMatchObject({
      ok: false,
      problem: { kind: 'cut', entryId: kept.id, headId: head.id },
    });
  });

  it('notices a recorded head whose entry now holds something else', async () => {
    app = await appWithHistory();
    const head = auditHead(app.database.sqlite)!;
    const r = await app.call('audit.verify', { head: { id: head.id, hash: 'f'.repeat(64) } });
    expect(r.ok && r.value).toMatchObject({
      ok: false,
      problem: { kind: 'rewritten', entryId: head.id },
    });
  });

  it('catches a rewrite that recomputes every later hash without the key', async () => {
    app = await appWithHistory();
    const copy = copyOfFile(app);
    const log = rows(copy);
    const at = log.findIndex((r) => r.after_json?.includes('"A"'));
    const target = log[at]!;
    // The attacker changes one entry and re-links the rest with plain SHA-256, the only hash
    // they can compute: every link is consistent, but not keyed.
    let prev = log[at - 1]!.hash;
    const rewrite = copy.sqlite.prepare(
      'update audit_log set after_json = ?, prev_hash = ?, hash = ? where id = ?',
    );
    for (const row of log.slice(at)) {
      const after_json =
        row.id === target.id ? row.after_json!.replace('"A"', '"B"') : row.after_json;
      const hash = entryHash({ ...row, after_json, prev_hash: prev });
      rewrite.run(after_json, prev, hash, row.id);
      prev = hash;
    }
    expect(await verifyAuditChain(copy.db, { key: readAuditKey(app.dataDir) })).toMatchObject({
      ok: false,
      problem: { kind: 'rewritten', entryId: target.id },
    });
    // Dressing the whole chain up as one from before the key (marker removed, everything plain)
    // does not pass either: this data folder's chain is keyed.
    copy.sqlite.exec('delete from audit_log');
    prev = '0'.repeat(64);
    const insert = copy.sqlite.prepare(
      'insert into audit_log (id, at, actor_id, entity, entity_id, action, before_json, after_json, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const row of log.slice(1)) {
      const hash = entryHash({ ...row, prev_hash: prev });
      insert.run(
        row.id,
        row.at,
        row.actor_id,
        row.entity,
        row.entity_id,
        row.action,
        row.before_json,
        row.after_json,
        prev,
        hash,
      );
      prev = hash;
    }
    expect(await verifyAuditChain(copy.db, { key: readAuditKey(app.dataDir) })).toMatchObject({
      ok: false,
      problem: { kind: 'unkeyed' },
    });
  });

  it('still verifies a database from before the key, and keys it from the next start on', async () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    // An earlier version: no key file, plain SHA-256 links.
    const old = connect(file);
    await migrateUp(old.db, MIGRATIONS);
    for (const name of ['旧单位一', '旧单位二'])
      await old.db.transaction().execute((trx) =>
        appendAudit(trx, businessClock, {
          actorId: null,
          entity: 'account',
          entityId: 1,
          action: 'account.create',
          after: { name },
        }),
      );
    const legacy = rows(old);
    expect(legacy.every((r) => entryHash(r) === r.hash)).toBe(true);
    expect(await verifyAuditChain(old.db, { key: null })).toMatchObject({ ok: true, checked: 2 });
    await old.close();
    expect(readAuditKey(dir)).toBeNull();

    const opened = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
    conns.push(opened);
    const key = readAuditKey(dir);
    expect(key).not.toBeNull();
    await opened.db.transaction().execute((trx) =>
      appendAudit(trx, businessClock, {
        actorId: null,
        entity: 'account',
        entityId: 1,
        action: 'account.update',
        after: { name: '新' },
      }),
    );
    const now = rows(opened);
    expect(now.slice(0, 2)).toEqual(legacy);
    expect(now[2]).toMatchObject({ action: KEYED_MARKER.action, prev_hash: legacy[1]!.hash });
    expect(JSON.parse(now[2]!.after_json!)).toEqual({
      legacyHead: { id: legacy[1]!.id, hash: legacy[1]!.hash },
    });
    expect(entryHash(now[3]!)).not.toBe(now[3]!.hash);
    expect(await verifyAuditChain(opened.db, { key })).toMatchObject({ ok: true, checked: 4 });
    // A second start does not switch again.
    await opened.close();
    conns.pop();
    const again = await openDatabase({ file, backupDir: path.join(dir, 'backups') });
    conns.push(again);
    expect(rows(again)).toHaveLength(4);
    // Without the key the plain part still checks; the keyed part is reported as uncheckable.
    expect(await verifyAuditChain(again.db, { key: null })).toMatchObject({
      ok: false,
      checked: 2,
      problem: { kind: 'no_key', entryId: now[2]!.id },
    });
  });
});
