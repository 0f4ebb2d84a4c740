import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { MigrationNote } from './index';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

/**
 * The account follows its deals, for the deals made before it did: an account with a final
 * contract moves to 成交 (won), one that received a delivery (as buyer or as a system contract's
 * unit) to 保有 (retained) — never backwards, and not where a person set the lifecycle after the
 * deal. Each move is written to the account's history (audit log, chained as of this day) with
 * its cause. Fleet lines are not back-filled: the vehicles may already be on lines people typed.
 */

const RANK: Record<string, number> = { prospect: 0, target: 1, won: 2, retained: 3 };
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The first instant of the China day after `isoDate`. */
function afterDay(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000 - CHINA_OFFSET_MS).toISOString();
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

interface Cause {
  kind: 'contract.final' | 'delivery';
  contractId: number;
  contractNo: string;
  vins?: string[];
  deliveredOn?: string;
}

interface Candidate {
  to: 'won' | 'retained';
  after: string;
  cause: Cause;
}

export async function up(db: Kysely<any>): Promise<MigrationNote> {
  const finals = (await db
    .selectFrom('contracts')
    .select(['id', 'number', 'account_id', 'finalized_at'])
    .where('status', '=', 'final')
    .where('finalized_at', 'is not', null)
    .execute()) as { id: number; number: string; account_id: number; finalized_at: string }[];
  const deliveries = (await db
    .selectFrom('deliveries as d')
    .innerJoin('contracts as c', 'c.id', 'd.contract_id')
    .leftJoin('contract_allocations as x', 'x.id', 'd.allocation_id')
    .select(['d.vin', 'd.delivered_on', 'c.id', 'c.number', 'c.account_id', 'x.unit_id'])
    .execute()) as {
    vin: string;
    delivered_on: string;
    id: number;
    number: string;
    account_id: number;
    unit_id: number | null;
  }[];

  // Per account, its latest final contract and its latest delivery day: the last deal events.
  const won = new Map<number, Candidate>();
  for (const f of finals) {
    const seen = won.get(f.account_id);
    if (!seen || f.finalized_at > seen.after)
      won.set(f.account_id, {
        to: 'won',
        after: f.finalized_at,
        cause: { kind: 'contract.final', contractId: f.id, contractNo: f.number },
      });
  }
  const retained = new Map<number, Candidate>();
  for (const d of deliveries)
    for (const accountId of new Set([d.account_id, d.unit_id ?? d.account_id])) {
      const seen = retained.get(accountId);
      const after = afterDay(d.delivered_on);
      if (seen && seen.after === after && seen.cause.contractId === d.id) {
        seen.cause.vins!.push(d.vin);
        continue;
      }
      if (!seen || after > seen.after)
        retained.set(accountId, {
          to: 'retained',
          after,
          cause: {
            kind: 'delivery',
            contractId: d.id,
            contractNo: d.number,
            vins: [d.vin],
            deliveredOn: d.delivered_on,
          },
        });
    }

  const last = (await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()) as { hash: string } | undefined;
  let prev = last?.hash ?? '0'.repeat(64);
  const at = new Date().toISOString();
  const counts = { won: 0, retained: 0, keptByPerson: 0 };

  for (const accountId of new Set([...won.keys(), ...retained.keys()])) {
    const account = (await db
      .selectFrom('accounts')
      .select('lifecycle')
      .where('id', '=', accountId)
      .executeTakeFirst()) as { lifecycle: string } | undefined;
    if (!account) continue;
    const edits = (await db
      .selectFrom('audit_log')
      .select(['at', 'before_json', 'after_json'])
      .where('entity', '=', 'account')
      .where('entity_id', '=', accountId)
      .where('action', '=', 'account.update')
      .execute()) as { at: string; before_json: string | null; after_json: string | null }[];
    const lifecycleOf = (json: string | null): unknown =>
      json === null ? undefined : (JSON.parse(json) as Record<string, unknown>).lifecycle;
    const personAfter = (instant: string) =>
      edits.some(
        (e) =>
          e.at > instant &&
          lifecycleOf(e.after_json) !== undefined &&
          lifecycleOf(e.after_json) !== lifecycleOf(e.before_json),
      );
    let kept = false;
    let chosen: Candidate | null = null;
    for (const c of [retained.get(accountId), won.get(accountId)]) {
      if (!c || (RANK[account.lifecycle] ?? 0) >= RANK[c.to]!) continue;
      if (personAfter(c.after)) {
        kept = true;
        continue;
      }
      chosen = c;
      break;
    }
    if (!chosen) {
      if (kept) counts.keptByPerson++;
      continue;
    }
    await db
      .updateTable('accounts')
      .set({ lifecycle: chosen.to, updated_at: at })
      .where('id', '=', accountId)
      .execute();
    const fields = {
      at,
      actor_id: null,
      entity: 'account',
      entity_id: accountId,
      action: 'account.lifecycle',
      before_json: canonicalJson({ lifecycle: account.lifecycle }),
      after_json: canonicalJson({ lifecycle: chosen.to, cause: chosen.cause }),
      prev_hash: prev,
    };
    const hash = createHash('sha256')
      .update(
        JSON.stringify([
          fields.prev_hash,
          fields.at,
          fields.actor_id,
          fields.entity,
          fields.entity_id,
          fields.action,
          fields.before_json,
          fields.after_json,
        ]),
      )
      .digest('hex');
    await db
      .insertInto('audit_log')
      .values({ ...fields, hash })
      .execute();
    prev = hash;
    counts[chosen.to]++;
  }
  return { code: 'lifecycle_from_deals', params: counts };
}

/** The moves stay: they are the accounts' history now, and the audit log is append-only. */
export async function down(): Promise<void> {}
