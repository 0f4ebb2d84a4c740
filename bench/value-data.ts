/**
 * What the account-value benchmark needs beyond the dashboards' store (bench/dashboards-data.ts):
 * a recorded fleet (one to three lines per account, about 200,000 with years over two decades,
 * so hundreds of thousands of units fall due for replacement), money in on the final contracts
 * (invoiced, paid in full, in part or not at all, the 应收款到期 deadline of what is still open)
 * and every account's stored facts (electron/value/facts.ts, the one writer), so the scorecard,
 * the 交易 tab and the forecast read a store shaped like a working one. Written once, in one
 * transaction, into a store that has none of it.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { prepareInsert } from '../electron/db/bulk';
import type { Database } from '../electron/db/schema';
import { Random } from '../electron/demo/random';
import { refreshAllAccountFacts } from '../electron/value/facts';
import { addDays } from '../shared/dates';
import { PAYMENT_METHOD_VALUES } from '../shared/schemas/payments';

const MODELS: [string, string][] = [
  ['一汽-大众', '帕萨特'],
  ['一汽-大众', '迈腾'],
  ['丰田', '凯美瑞'],
  ['别克', 'GL8'],
  ['比亚迪', '汉'],
  ['红旗', 'H5'],
];

/** True when the store already has the value data (a reused benchmark folder). */
export function hasValueData(sqlite: BetterSqlite3.Database): boolean {
  return (sqlite.prepare('select count(*) from account_fleet').pluck().get() as number) > 0;
}

export async function generateValueData(
  sqlite: BetterSqlite3.Database,
  db: Kysely<Database>,
  today: string,
): Promise<void> {
  const r = new Random(1516);
  const now = `${today}T02:00:00.000Z`;
  const insertFleet = prepareInsert(sqlite, 'account_fleet', [
    'account_id',
    'brand',
    'model',
    'count',
    'year',
  ]);
  const insertPayment = prepareInsert(sqlite, 'payments', [
    'contract_id',
    'received_on',
    'amount_fen',
    'method',
    'created_at',
    'updated_at',
  ]);
  const insertDeadline = prepareInsert(sqlite, 'deadlines', [
    'kind',
    'entity',
    'entity_id',
    'account_id',
    'owner_id',
    'title',
    'due_on',
  ]);
  const thisYear = Number(today.slice(0, 4));
  const accounts = sqlite.prepare('select id from accounts order by id').pluck().all() as number[];
  const setFleet = sqlite.prepare('update accounts set fleet_total = ? where id = ?');
  const setInvoiced = sqlite.prepare('update contracts set invoiced_fen = ? where id = ?');
  const finals = sqlite
    .prepare(
      `select id, number, party_name, account_id, owner_id, signed_on, total_fen
         from contracts where status = 'final' order by id`,
    )
    .all() as {
    id: number;
    number: string;
    party_name: string;
    account_id: number;
    owner_id: number | null;
    signed_on: string;
    total_fen: number;
  }[];

  sqlite.transaction(() => {
    for (const id of accounts) {
      let total = 0;
      for (let i = r.int(1, 3); i > 0; i--) {
        const [brand, model] = r.pick(MODELS);
        const count = r.int(1, 20);
        total += count;
        insertFleet.run([id, brand, model, count, r.chance(0.1) ? null : thisYear - r.int(0, 20)]);
      }
      setFleet.run(total, id);
    }
    for (const c of finals) {
      // Most final contracts are billed in full; most of that is paid, some in part, some not yet.
      if (!r.chance(0.85)) continue;
      setInvoiced.run(c.total_fen, c.id);
      const paid = r.weighted([
        [c.total_fen, 75],
        [Math.floor(c.total_fen / 2), 10],
        [0, 15],
      ] as const);
      if (paid > 0)
        insertPayment.run([
          c.id,
          addDays(c.signed_on, r.int(10, 120)),
          paid,
          r.pick(PAYMENT_METHOD_VALUES),
          now,
          now,
        ]);
      if (paid < c.total_fen)
        insertDeadline.run([
          'receivable_due',
          'contract',
          c.id,
          c.account_id,
          c.owner_id,
          `${c.number} ${c.party_name}`,
          addDays(c.signed_on, 90),
        ]);
    }
  })();
  await refreshAllAccountFacts(db);
}
