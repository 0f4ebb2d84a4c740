/**
 * The account follows its deals: a final contract moves its lifecycle to 成交 (won), a delivery to
 * 保有 (retained), never backwards and never over a lifecycle a person set after the deal; our
 * delivered vehicles add to the receiving organisation's fleet lines (our brand, the model, the
 * delivery year). Each change is audited on the account with its cause as codes and parameters.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { addDays, chinaDayStart } from '../../shared/dates';
import type { Lifecycle } from '../../shared/enums';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { getDealerSettings } from '../settings/dealer-settings';
import { refreshDerived } from './derived';
import { bump } from '../db/row-version';
import { refreshAccountFacts } from '../value/facts';

const RANK: Record<Lifecycle, number> = { prospect: 0, target: 1, won: 2, retained: 3 };

/** Why an account changed, as stored in its history (the UI words it). */
type DealCause =
  | { kind: 'contract.final'; contractId: number; contractNo: string }
  | {
      kind: 'delivery' | 'delivery.removed';
      contractId: number;
      contractNo: string;
      vins: string[];
      deliveredOn: string;
    };

/** When the deal happened: an instant (a contract made final) or a business day (a delivery). */
type DealTime = { at: string } | { on: string };

/** The first instant that counts as "after" the deal: the instant itself, or the next China day. */
function afterDeal(time: DealTime): string {
  return 'at' in time ? time.at : chinaDayStart(addDays(time.on, 1)).toISOString();
}

function lifecycleOf(json: string | null): unknown {
  if (json === null) return undefined;
  const v = JSON.parse(json) as unknown;
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>).lifecycle : undefined;
}

/** Whether a person changed the account's lifecycle after the deal (an edit or an import). */
async function personSetLifecycleAfter(
  trx: Kysely<Database>,
  accountId: number,
  time: DealTime,
): Promise<boolean> {
  const entries = await trx
    .selectFrom('audit_log')
    .select(['before_json', 'after_json'])
    .where('entity', '=', 'account')
    .where('entity_id', '=', accountId)
    .where('action', '=', 'account.update')
    .where('at', '>', afterDeal(time))
    .execute();
  return entries.some((e) => {
    const after = lifecycleOf(e.after_json);
    return after !== undefined && after !== lifecycleOf(e.before_json);
  });
}

async function touch(trx: Kysely<Database>, clock: Clock, actorId: number, accountId: number) {
  await trx
    .updateTable('accounts')
    .set(bump(actorId, isoNow(clock)))
    .where('id', '=', accountId)
    .execute();
}

/**
 * Moves the account's lifecycle forward to `to` because of a deal. Nothing happens when the
 * account is already there or further on, or when a person set its lifecycle after the deal.
 */
export async function followDeal(
  trx: Kysely<Database>,
  clock: Clock,
  actorId: number,
  accountId: number,
  to: 'won' | 'retained',
  time: DealTime,
  cause: DealCause,
): Promise<boolean> {
  const account = await trx
    .selectFrom('accounts')
    .select('lifecycle')
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account) return false;
  const current = account.lifecycle;
  if ((RANK[current] ?? 0) >= RANK[to]) return false;
  if (await personSetLifecycleAfter(trx, accountId, time)) return false;
  await trx.updateTable('accounts').set({ lifecycle: to }).where('id', '=', accountId).execute();
  await touch(trx, clock, actorId, accountId);
  await appendAudit(trx, clock, {
    actorId,
    entity: 'account',
    entityId: accountId,
    action: 'account.lifecycle',
    before: { lifecycle: current },
    after: { lifecycle: to, cause },
  });
  return true;
}

/** A delivered (or removed) vehicle as the fleet sees it. */
export interface FleetVehicle {
  /** The organisation that received it: the subordinate unit of a system contract, else the buyer. */
  accountId: number;
  model: string;
  vin: string;
  deliveredOn: string;
}

interface FleetLineChange {
  brand: string;
  model: string;
  year: number;
  before: number;
  after: number;
}

/**
 * Adds (`sign` 1) or takes back (`sign` -1, a delivery removed) vehicles on the receiving
 * accounts' fleet lines of our brand, model and delivery year, one history entry per account.
 * Without our brand set, the fleet is left alone and the history says why.
 */
export async function fleetFollowsDeliveries(
  trx: Kysely<Database>,
  clock: Clock,
  actorId: number,
  vehicles: FleetVehicle[],
  cause: (vins: string[]) => DealCause,
  sign: 1 | -1 = 1,
): Promise<void> {
  const { brand } = await getDealerSettings(trx);
  const byAccount = new Map<number, FleetVehicle[]>();
  for (const v of vehicles) byAccount.set(v.accountId, [...(byAccount.get(v.accountId) ?? []), v]);
  for (const [accountId, list] of byAccount) {
    const why = cause(list.map((v) => v.vin));
    if (!brand) {
      if (sign > 0)
        await appendAudit(trx, clock, {
          actorId,
          entity: 'account',
          entityId: accountId,
          action: 'account.fleet',
          after: { skipped: 'fleet.brand_unset', cause: why },
        });
      continue;
    }
    const groups = new Map<string, { model: string; year: number; n: number }>();
    for (const v of list) {
      const year = Number(v.deliveredOn.slice(0, 4));
      const key = `${v.model}\n${year}`;
      const g = groups.get(key) ?? { model: v.model, year, n: 0 };
      g.n += 1;
      groups.set(key, g);
    }
    const changes: FleetLineChange[] = [];
    for (const g of groups.values()) {
      const line = await trx
        .selectFrom('account_fleet')
        .select(['id', 'count'])
        .where('account_id', '=', accountId)
        .where('brand', '=', brand)
        .where('model', '=', g.model)
        .where('year', '=', g.year)
        .orderBy('id')
        .executeTakeFirst();
      if (sign > 0) {
        if (line)
          await trx
            .updateTable('account_fleet')
            .set({ count: line.count + g.n })
            .where('id', '=', line.id)
            .execute();
        else
          await trx
            .insertInto('account_fleet')
            .values({ account_id: accountId, brand, model: g.model, count: g.n, year: g.year })
            .execute();
        const before = line?.count ?? 0;
        changes.push({ brand, model: g.model, year: g.year, before, after: before + g.n });
      } else if (line && line.count > 0) {
        // A person may have edited the line since: take back what is there, never below zero.
        const after = Math.max(0, line.count - g.n);
        if (after === 0) await trx.deleteFrom('account_fleet').where('id', '=', line.id).execute();
        else
          await trx
            .updateTable('account_fleet')
            .set({ count: after })
            .where('id', '=', line.id)
            .execute();
        changes.push({ brand, model: g.model, year: g.year, before: line.count, after });
      }
    }
    if (changes.length === 0) continue;
    await refreshDerived(trx, accountId);
    await refreshAccountFacts(trx, [accountId]);
    await touch(trx, clock, actorId, accountId);
    await appendAudit(trx, clock, {
      actorId,
      entity: 'account',
      entityId: accountId,
      action: 'account.fleet',
      after: { lines: changes, cause: why },
    });
  }
}
