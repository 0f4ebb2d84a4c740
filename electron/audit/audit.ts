/**
 * The audit log: every change that matters, written in the same transaction as the change, each
 * entry chained to the previous one by SHA-256 so that editing the file behind the app's back is
 * detectable (verifyAuditChain).
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../shared/schemas/system';
import type { Database } from '../db/schema';
import { nowIso } from '../../shared/clock';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  actorId: number | null;
  entity: string;
  entityId: number | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
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

export function entryHash(e: HashedFields): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        e.prev_hash,
        e.at,
        e.actor_id,
        e.entity,
        e.entity_id,
        e.action,
        e.before_json,
        e.after_json,
      ]),
    )
    .digest('hex');
}

async function lastHash(trx: Kysely<Database>): Promise<string> {
  const row = await trx
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.hash ?? GENESIS_HASH;
}

/** Appends entries; call inside the write transaction of the change they describe. */
export async function appendAudit(
  trx: Kysely<Database>,
  events: AuditEvent | AuditEvent[],
): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  let prev = await lastHash(trx);
  const at = nowIso();
  const rows = list.map((e) => {
    const fields = hashedFields(e, at, prev);
    const hash = entryHash(fields);
    prev = hash;
    return { ...fields, hash };
  });
  await trx.insertInto('audit_log').values(rows).execute();
}

/** Recomputes the chain in id order; reports the first entry whose link or content was altered. */
export async function verifyAuditChain(
  db: Kysely<Database>,
): Promise<{ ok: boolean; checked: number; firstBrokenId: number | null }> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (batch.length === 0) return { ok: true, checked, firstBrokenId: null };
    for (const row of batch) {
      if (row.prev_hash !== prev || entryHash(row) !== row.hash)
        return { ok: false, checked, firstBrokenId: row.id };
      prev = row.hash;
      checked++;
      afterId = row.id;
    }
  }
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
 * for bulk jobs on a raw connection, inside their one transaction.
 */
export function bulkAuditAppender(sqlite: BetterSqlite3.Database): (e: AuditEvent) => void {
  const last = sqlite.prepare('select hash from audit_log order by id desc limit 1').get() as
    { hash: string } | undefined;
  let prev = last?.hash ?? GENESIS_HASH;
  const insert = sqlite.prepare(
    `insert into audit_log (at, actor_id, entity, entity_id, action, before_json, after_json, prev_hash, hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (e) => {
    const fields = hashedFields(e, nowIso(), prev);
    const hash = entryHash(fields);
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
