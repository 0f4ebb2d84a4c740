/**
 * The audit log: every change that matters, written in the same transaction as the change, each
 * entry chained to the previous one so that editing the file behind the app's back is detectable
 * (verifyAuditChain). Entries from before the key existed are chained by plain SHA-256; from the
 * marker entry on (startKeyedChain), by HMAC-SHA256 under the key kept outside the file
 * (key.ts), so a rewrite that recomputes the later links without the key is caught too.
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { AuditEntry, AuditProblemKind, AuditVerify } from '../../shared/schemas/system';
import type { AuditHead } from './head';
import { AUDIT_MAC_FUNCTION, auditMac } from './key';
import type { Database } from '../db/schema';
import { businessClock, type Clock, isoNow } from '../../shared/clock';

const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  actorId: number | null;
  entity: string;
  entityId: number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted, so the same value always hashes the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

interface HashedFields {
  at: string;
  actor_id: number | null;
  entity: string;
  entity_id: number | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
}

function hashedFields(e: AuditEvent, at: string, prev: string): HashedFields {
  return {
    at,
    actor_id: e.actorId,
    entity: e.entity,
    entity_id: e.entityId,
    action: e.action,
    before_json: e.before === undefined ? null : canonicalJson(e.before),
    after_json: e.after === undefined ? null : canonicalJson(e.after),
    prev_hash: prev,
  };
}

function hashPayload(e: HashedFields): string {
  return JSON.stringify([
    e.prev_hash,
    e.at,
    e.actor_id,
    e.entity,
    e.entity_id,
    e.action,
    e.before_json,
    e.after_json,
  ]);
}

/** The plain SHA-256 link, used by entries written before the chain was keyed. */
export function entryHash(e: HashedFields): string {
  return createHash('sha256').update(hashPayload(e)).digest('hex');
}

/** The keyed link (HMAC-SHA256 under the data folder's audit key). */
function keyedEntryHash(key: Buffer, e: HashedFields): string {
  return auditMac(key, hashPayload(e));
}

/**
 * The entry that switches the chain to keyed links: it and every entry after it are HMACs. It
 * records the plain chain's head so the legacy part stays checkable on its own.
 */
export const KEYED_MARKER = { entity: 'audit', action: 'audit.keyed' } as const;

function isMarker(row: { entity: string; action: string }): boolean {
  return row.entity === KEYED_MARKER.entity && row.action === KEYED_MARKER.action;
}

const MISSING_KEY =
  'the audit chain is keyed but this connection has no audit key (audit.key beside the database)';

async function lastHash(trx: Kysely<Database>): Promise<string> {
  const row = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.hash ?? GENESIS_HASH;
}

async function chainIsKeyed(trx: Kysely<Database>): Promise<boolean> {
  const row = await trx
    .selectFrom('audit_log')
    .select('id')
    .where('entity', '=', KEYED_MARKER.entity)
    .where('action', '=', KEYED_MARKER.action)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The keyed link computed by the connection's bound key (the key never passes through here). */
async function sqlMac(trx: Kysely<Database>, e: HashedFields): Promise<string> {
  try {
    const { rows } = await sql<{
      h: string;
    }>`select ${sql.raw(AUDIT_MAC_FUNCTION)}(${hashPayload(e)}) as h`.execute(trx);
    return rows[0]!.h;
  } catch (error) {
    if (/no such function/.test((error as Error).message))
      throw new Error(MISSING_KEY, { cause: error });
    throw error;
  }
}

/** Appends entries; call inside the write transaction of the change they describe. */
export async function appendAudit(
  trx: Kysely<Database>,
  /** Where the entries' time is read: the clock of the service that makes the change. */
  clock: Clock,
  events: AuditEvent | AuditEvent[],
): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  let prev = await lastHash(trx);
  const keyed = await chainIsKeyed(trx);
  const at = isoNow(clock);
  const rows = [];
  for (const e of list) {
    const fields = hashedFields(e, at, prev);
    const hash = keyed ? await sqlMac(trx, fields) : entryHash(fields);
    prev = hash;
    rows.push({ ...fields, hash });
  }
  await trx.insertInto('audit_log').values(rows).execute();
}

/**
 * Switches the chain to keyed links, once: appends the marker entry (itself keyed). Called at
 * start on a connection bound to the key; a no-op when the chain is already keyed.
 */
export function startKeyedChain(sqlite: BetterSqlite3.Database): boolean {
  const hasLog = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'audit_log'")
    .get();
  if (!hasLog) return false;
  return sqlite
    .transaction(() => {
      const marker = sqlite
        .prepare('select id from audit_log where entity = ? and action = ? limit 1')
        .get(KEYED_MARKER.entity, KEYED_MARKER.action);
      if (marker) return false;
      const head = sqlite
        .prepare('select id, hash from audit_log order by id desc limit 1')
        .get() as { id: number; hash: string } | undefined;
      // Written as the data opens, before any app or job clock exists: the process's business time.
      bulkAuditAppender(sqlite, { keyed: true, clock: businessClock })({
        actorId: null,
        entity: KEYED_MARKER.entity,
        entityId: null,
        action: KEYED_MARKER.action,
        after: { legacyHead: head ?? null },
      });
      return true;
    })
    .immediate();
}

interface VerifyOptions {
  /** The data folder's audit key; null checks a copy without it (keyed entries are then unknown). */
  key: Buffer | null;
  /** Heads recorded outside the file (exports, reports, backup manifests): the chain must reach them. */
  heads?: readonly AuditHead[];
  /** A keyed chain is expected (true for the app's own file, which is keyed at every start). */
  requireKeyed?: boolean;
}

/**
 * Recomputes the chain in id order and reports the first problem: an entry changed in place
 * (edited), re-hashed without the key (rewritten), an entry missing before another (removed),
 * entries missing at the end compared with a recorded head (cut), a chain that should be keyed
 * but is not (unkeyed), or keyed entries that cannot be checked without the key (no_key).
 */
export async function verifyAuditChain(
  db: Kysely<Database>,
  options: VerifyOptions,
): Promise<AuditVerify> {
  const { key } = options;
  const heads = options.heads ?? [];
  const wanted = new Map<number, string | null>(heads.map((h) => [h.id, null]));
  let prev = GENESIS_HASH;
  let keyed = false;
  let checked = 0;
  let afterId = 0;
  const broken = (
    kind: AuditProblemKind,
    entryId: number | null,
    headId: number | null = null,
  ) => ({
    ok: false,
    checked,
    firstBrokenId: entryId,
    problem: { kind, entryId, headId },
  });
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (batch.length === 0) break;
    for (const row of batch) {
      if (row.prev_hash !== prev) return broken('removed', row.id);
      if (!keyed && isMarker(row)) keyed = true;
      if (keyed) {
        if (!key) return broken('no_key', row.id);
        if (keyedEntryHash(key, row) !== row.hash)
          return broken(entryHash(row) === row.hash ? 'rewritten' : 'edited', row.id);
      } else if (entryHash(row) !== row.hash) return broken('edited', row.id);
      if (wanted.has(row.id)) wanted.set(row.id, row.hash);
      prev = row.hash;
      checked++;
      afterId = row.id;
    }
  }
  for (const h of [...heads].sort((a, b) => a.id - b.id)) {
    const found = wanted.get(h.id);
    if (found === null || found === undefined) {
      if (h.id > afterId) return broken('cut', afterId === 0 ? null : afterId, h.id);
      return broken('removed', h.id, h.id);
    }
    if (found !== h.hash) return broken('rewritten', h.id, h.id);
  }
  if ((options.requireKeyed ?? key !== null) && !keyed && checked > 0)
    return broken('unkeyed', null);
  return { ok: true, checked, firstBrokenId: null, problem: null };
}

export async function listAudit(
  db: Kysely<Database>,
  where: { entity: string; entityId: number }[],
  offset: number,
  limit: number,
): Promise<{ rows: AuditEntry[]; total: number }> {
  if (where.length === 0) return { rows: [], total: 0 };
  const base = db
    .selectFrom('audit_log')
    .where((eb) =>
      eb.or(
        where.map((w) =>
          eb.and([
            eb('audit_log.entity', '=', w.entity),
            eb('audit_log.entity_id', '=', w.entityId),
          ]),
        ),
      ),
    );
  const [rows, count] = await Promise.all([
    base
      .leftJoin('staff', 'staff.id', 'audit_log.actor_id')
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.actor_id',
        'staff.name as actor_name',
        'audit_log.entity',
        'audit_log.entity_id',
        'audit_log.action',
        'audit_log.before_json',
        'audit_log.after_json',
      ])
      .orderBy('audit_log.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
      after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
    })),
  };
}

/**
 * Appends many entries through one prepared statement, keeping the chain's last hash in memory:
 * for bulk jobs on a raw connection, inside their one transaction. `keyed` is found from the chain
 * (its marker) unless given.
 */
export function bulkAuditAppender(
  sqlite: BetterSqlite3.Database,
  options: { keyed?: boolean; clock: Clock },
): (e: AuditEvent) => void {
  const last = sqlite.prepare('select hash from audit_log order by id desc limit 1').get() as
    { hash: string } | undefined;
  let prev = last?.hash ?? GENESIS_HASH;
  const { clock } = options;
  const keyed =
    options.keyed ??
    sqlite
      .prepare('select 1 from audit_log where entity = ? and action = ? limit 1')
      .get(KEYED_MARKER.entity, KEYED_MARKER.action) !== undefined;
  let mac: BetterSqlite3.Statement | null = null;
  if (keyed)
    try {
      mac = sqlite.prepare(`select ${AUDIT_MAC_FUNCTION}(?)`).pluck();
    } catch (error) {
      throw new Error(MISSING_KEY, { cause: error });
    }
  const insert = sqlite.prepare(
    `insert into audit_log (at, actor_id, entity, entity_id, action, before_json, after_json, prev_hash, hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (e) => {
    const fields = hashedFields(e, isoNow(clock), prev);
    const hash = mac ? (mac.get(hashPayload(fields)) as string) : entryHash(fields);
    insert.run(
      fields.at,
      fields.actor_id,
      fields.entity,
      fields.entity_id,
      fields.action,
      fields.before_json,
      fields.after_json,
      prev,
      hash,
    );
    prev = hash;
  };
}
