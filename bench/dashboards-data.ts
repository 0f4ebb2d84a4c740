/**
 * The dashboards' benchmark store: 100,000 accounts, 200,000 opportunities (with two stage-history
 * rows each) and their 200,000 contracts, 1,000,000 activities, a manager and eleven specialists
 * with daily targets — written with prepared inserts in one transaction, spread as a store's work
 * is (open stages most, closes a year either side of today, activities over two years).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { prepareInsert } from '../electron/db/bulk';
import { Random } from '../electron/demo/random';
import { stagePathOf } from '../electron/opportunities/stage-path';
import { addDays } from '../shared/dates';
import { BUYER_TYPE_VALUES, SOURCE_VALUES } from '../shared/enums';
import { ACTIVITY_TYPE_VALUES, LOST_REASON_VALUES, type Stage } from '../shared/sales-enums';

export const SIZES = {
  accounts: Number(process.env.BENCH_DASH_ACCOUNTS ?? 100_000),
  opportunities: Number(process.env.BENCH_DASH_OPPORTUNITIES ?? 200_000),
  contracts: Number(process.env.BENCH_DASH_CONTRACTS ?? 200_000),
  activities: Number(process.env.BENCH_DASH_ACTIVITIES ?? 1_000_000),
};

export const MANAGER_NAME = '基准经理';

/** Stages with their share of the pipeline. */
const STAGE_MIX: [Stage, number][] = [
  ['interest', 20],
  ['brewing', 15],
  ['design', 12],
  ['comparison', 10],
  ['commitment', 8],
  ['in_use', 5],
  ['won', 12],
  ['lost', 13],
  ['abandoned', 5],
];
const OPEN_PATH: Stage[] = [
  'interest',
  'brewing',
  'design',
  'comparison',
  'commitment',
  'in_use',
  'won',
];

function weighted<T>(r: Random, mix: [T, number][]): T {
  const total = mix.reduce((n, [, w]) => n + w, 0);
  let x = r.int(0, total - 1);
  for (const [value, w] of mix) {
    if (x < w) return value;
    x -= w;
  }
  return mix[0]![0];
}

const pick = <T>(r: Random, list: readonly T[]): T => list[r.int(0, list.length - 1)]!;

export function generateDashboardData(
  sqlite: BetterSqlite3.Database,
  today: string,
): { managerId: number } {
  const r = new Random(1515);
  const now = `${today}T02:00:00.000Z`;
  const insertStaff = prepareInsert(sqlite, 'staff', ['name', 'role', 'active', 'created_at']);
  const insertTarget = prepareInsert(sqlite, 'kpi_targets', ['staff_id', 'type', 'daily']);
  const insertAccount = prepareInsert(sqlite, 'accounts', [
    'name',
    'name_norm',
    'name_sort',
    'buyer_type',
    'grade',
    'lifecycle',
    'owner_id',
    'search_text',
    'created_at',
    'updated_at',
  ]);
  const insertOpp = prepareInsert(sqlite, 'opportunities', [
    'account_id',
    'title',
    'title_sort',
    'buyer_type',
    'owner_id',
    'source',
    'stage',
    'stage_changed_at',
    'stage_path',
    'amount_fen',
    'quantity',
    'expected_close_on',
    'lost_reason',
    'search_text',
    'created_at',
    'updated_at',
  ]);
  const insertStage = prepareInsert(sqlite, 'opportunity_stages', [
    'opportunity_id',
    'at',
    'from_stage',
    'to_stage',
    'cause',
  ]);
  const insertContract = prepareInsert(sqlite, 'contracts', [
    'number',
    'number_key',
    'kind',
    'status',
    'account_id',
    'party_name',
    'opportunity_id',
    'owner_id',
    'signed_on',
    'quantity',
    'total_fen',
    'search_text',
    'created_at',
    'updated_at',
  ]);
  const insertActivity = prepareInsert(sqlite, 'activities', [
    'type',
    'account_id',
    'staff_id',
    'occurred_on',
    'created_at',
    'updated_at',
  ]);

  let managerId = 0;
  sqlite.transaction(() => {
    managerId = insertStaff.run([MANAGER_NAME, 'manager', 1, now]);
    const specialists = Array.from({ length: 11 }, (_, i) =>
      insertStaff.run([`基准专员${String(i + 1).padStart(2, '0')}`, 'specialist', 1, now]),
    );
    for (const [type, daily] of [
      ['visit', 2],
      ['call', 5],
      ['mailing', 3],
      ['cold_call', 1],
    ] as const)
      insertTarget.run([0, type, daily]);

    const owners: number[] = [];
    for (let i = 0; i < SIZES.accounts; i++) {
      const owner = pick(r, specialists);
      owners.push(owner);
      const name = `基准单位${String(i).padStart(6, '0')}`;
      insertAccount.run([
        name,
        name,
        `ji zhun dan wei ${i}`,
        pick(r, BUYER_TYPE_VALUES),
        pick(r, ['A', 'B', 'C']),
        'target',
        owner,
        name,
        now,
        now,
      ]);
    }

    const oppIds: number[] = [];
    for (let i = 0; i < SIZES.opportunities; i++) {
      const account = r.int(1, SIZES.accounts);
      const owner = r.chance(0.9) ? owners[account - 1]! : pick(r, specialists);
      const stage = weighted(r, STAGE_MIX);
      const changed = addDays(today, -r.int(0, 200));
      const title = `基准商机${i}`;
      // Two steps of history: where it came in, and where it is (lost and abandoned from an open stage).
      const top = OPEN_PATH.indexOf(stage);
      const first = top > 0 ? OPEN_PATH[r.int(0, top - 1)]! : pick(r, OPEN_PATH.slice(0, 4));
      const id = insertOpp.run([
        account,
        title,
        title,
        pick(r, BUYER_TYPE_VALUES),
        owner,
        r.chance(0.8) ? pick(r, SOURCE_VALUES) : null,
        stage,
        `${changed}T0${r.int(0, 9)}:00:00.000Z`,
        stagePathOf([first, stage]),
        r.int(10, 5000) * 10_000,
        r.int(1, 20),
        addDays(today, r.int(-365, 365)),
        stage === 'lost' ? pick(r, LOST_REASON_VALUES) : null,
        title,
        now,
        now,
      ]);
      oppIds.push(id);
      insertStage.run([id, now, null, first, 'manual']);
      if (first !== stage) insertStage.run([id, now, first, stage, 'manual']);
    }

    for (let i = 0; i < SIZES.contracts; i++) {
      const opp = oppIds[i % oppIds.length]!;
      const account = r.int(1, SIZES.accounts);
      const number = `JZ-HT-${String(i).padStart(7, '0')}`;
      const quantity = r.int(1, 30);
      insertContract.run([
        number,
        number,
        'standard',
        r.chance(0.9) ? 'final' : 'draft',
        account,
        `基准单位${account - 1}`,
        opp,
        owners[account - 1]!,
        addDays(today, -r.int(0, 730)),
        quantity,
        quantity * r.int(10, 40) * 1_000_000,
        number,
        now,
        now,
      ]);
    }

    for (let i = 0; i < SIZES.activities; i++) {
      const account = r.int(1, SIZES.accounts);
      insertActivity.run([
        pick(r, ACTIVITY_TYPE_VALUES),
        account,
        r.chance(0.85) ? owners[account - 1]! : pick(r, specialists),
        addDays(today, -r.int(0, 729)),
        now,
        now,
      ]);
    }
  })();
  return { managerId };
}
