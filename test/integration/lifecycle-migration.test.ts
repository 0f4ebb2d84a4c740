/**
 * Migration 20261202140000: accounts whose deals were made before the account followed them move
 * forward as if it had — never backwards, never over a person's later change — each with its
 * cause in the history, and the audit chain stays whole.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../electron/app/create-app';
import { entryHash, verifyAuditChain } from '../../electron/audit/audit';
import { readAuditKey } from '../../electron/audit/key';
import type { AuditLogTable } from '../../electron/db/schema';
import type { Selectable } from 'kysely';

type AuditLogRow = Selectable<AuditLogTable>;
import { connect, type Connection } from '../../electron/db/connection';
import { migrateUp, migrationNotes } from '../../electron/db/migrator';
import { MIGRATIONS } from '../../migrations';
import { addDays, chinaDate } from '../../shared/dates';
import { signedInApp, type TestApp } from '../helpers/app';
import { account } from '../helpers/fixtures';
import { finalContract, priceEntry, vins } from '../helpers/sales';
import { versionOf } from '../helpers/versions';

const NAME = '20261202140000_fleet_from_deliveries';
const past = (days: number) => addDays(chinaDate(), -days);

let app: TestApp | null = null;
let conn: Connection | null = null;
afterEach(async () => {
  await app?.close();
  await conn?.close();
  app = null;
  conn = null;
});

describe(`migration ${NAME}`, () => {
  it('moves accounts with earlier deals to won or retained, except where a person decided later', async () => {
    app = await signedInApp('manager');
    const price = await priceEntry(app);
    const ids: Record<string, number> = {};
    const inputs: Record<string, ReturnType<typeof account>> = {};
    for (const key of ['final', 'delivered', 'personLater', 'alreadyRetained']) {
      inputs[key] = account({ name: `测试单位${key}`, lifecycle: 'target' });
      ids[key] = (await app.value('accounts.create', { account: inputs[key] })).id;
    }
    const contracts: Record<string, Awaited<ReturnType<typeof finalContract>>> = {};
    for (const key of Object.keys(ids))
      contracts[key] = await finalContract(app, {
        accountId: ids[key]!,
        partyName: `测试单位${key}`,
        priceId: price.id,
        quantity: 1,
        signedOn: past(30),
      });
    for (const key of ['delivered', 'personLater'])
      await app.value('contracts.deliver', {
        contractId: contracts[key]!.id,
        lineId: contracts[key]!.lines[0]!.id,
        vin: vins(1)[0]!,
        deliveredOn: past(10),
      });
    // Today, after that delivery, a person puts this account back to 目标.
    const later = await app.value('accounts.get', { id: ids.personLater! });
    await app.value('accounts.update', {
      id: later.id,
      version: await versionOf(app, 'accounts', later.id),
      account: { ...inputs.personLater!, lifecycle: 'target' },
    });
    const dataDir = app.dataDir;
    await app.close();
    app = null;

    // The data as an earlier version left it: lifecycles that did not follow the deals, and this
    // migration not yet applied.
    conn = connect(path.join(dataDir, DB_FILE_NAME));
    const lifecycle = conn.sqlite.prepare('update accounts set lifecycle = ? where id = ?');
    for (const key of ['final', 'delivered', 'personLater']) lifecycle.run('target', ids[key]);
    lifecycle.run('retained', ids.alreadyRetained);
    conn.sqlite.prepare('delete from keyfleet_migrations where name = ?').run(NAME);

    const logged = conn.sqlite.prepare('select count(*) from audit_log').pluck().get() as number;
    await migrateUp(conn.db, MIGRATIONS);
    const now = (key: string) =>
      conn!.sqlite.prepare('select lifecycle from accounts where id = ?').pluck().get(ids[key]);
    expect(now('final')).toBe('won');
    expect(now('delivered')).toBe('retained');
    expect(now('personLater')).toBe('target');
    expect(now('alreadyRetained')).toBe('retained');
    expect((await migrationNotes(conn.db)).find((n) => n.migration === NAME)).toMatchObject({
      code: 'lifecycle_from_deals',
      params: { won: 1, retained: 1, keptByPerson: 1 },
    });
    const entry = conn.sqlite
      .prepare(
        "select actor_id, before_json, after_json from audit_log where action = 'account.lifecycle' and entity_id = ? order by id desc limit 1",
      )
      .get(ids.delivered) as { actor_id: number | null; before_json: string; after_json: string };
    expect(entry.actor_id).toBeNull();
    expect(JSON.parse(entry.before_json)).toEqual({ lifecycle: 'target' });
    expect(JSON.parse(entry.after_json)).toMatchObject({
      lifecycle: 'retained',
      cause: { kind: 'delivery', contractNo: contracts.delivered!.number, deliveredOn: past(10) },
    });
    // The migration's entries link onto the chain by plain SHA-256, as it did in upgrades before
    // the chain was keyed. Re-run here on a keyed chain, the check stops at its first entry.
    const log = conn.sqlite.prepare('select * from audit_log order by id').all() as AuditLogRow[];
    const first = logged;
    expect(log.slice(first).map((r) => r.action)).toEqual([
      'account.lifecycle',
      'account.lifecycle',
    ]);
    for (let i = first; i < log.length; i++) {
      expect(log[i]!.prev_hash).toBe(log[i - 1]!.hash);
      expect(entryHash(log[i]!)).toBe(log[i]!.hash);
    }
    expect(
      await verifyAuditChain(conn.db, { key: readAuditKey(dataDir), requireKeyed: true }),
    ).toMatchObject({
      ok: false,
      checked: first,
      problem: { kind: 'rewritten', entryId: log[first]!.id },
    });
  });
});
