/**
 * The opportunities board and the deadline calendar at scale (50,000 opportunities, 20,000
 * tenders and their deadlines), through the API against the same queries on raw better-sqlite3.
 */
import { nameSortKey } from '../electron/accounts/pinyin';
import type { App } from '../electron/app/create-app';
import { prepareInsert } from '../electron/db/bulk';
import { addDays, chinaDate } from '../shared/dates';
import { ACTIONABLE_KINDS, OPEN_STAGES, STAGE_VALUES } from '../shared/sales-enums';
import { Random } from '../electron/demo/random';
import { type BenchResult, compare } from './harness';

export const OPPORTUNITIES = Number(process.env.BENCH_OPPORTUNITIES ?? 50_000);
export const TENDERS = Number(process.env.BENCH_TENDERS ?? 20_000);

/** Bulk rows shaped as the services write them (columns, derived fields and deadlines). */
function seed(app: App): void {
  const { sqlite } = app.database;
  const r = new Random(4242);
  const accounts = sqlite.prepare('select id, name, buyer_type, owner_id from accounts').all() as {
    id: number;
    name: string;
    buyer_type: string;
    owner_id: number | null;
  }[];
  const today = chinaDate();
  const now = new Date().toISOString();
  const insertOpp = prepareInsert(sqlite, 'opportunities', [
    'account_id',
    'title',
    'title_sort',
    'buyer_type',
    'owner_id',
    'stage',
    'stage_changed_at',
    'budget_fen',
    'amount_fen',
    'quantity',
    'expected_close_on',
    'search_text',
    'created_at',
    'updated_at',
  ]);
  const insertTender = prepareInsert(sqlite, 'tenders', [
    'project_no',
    'project_key',
    'name',
    'method',
    'purchaser_id',
    'owner_id',
    'status',
    'budget_fen',
    'announced_on',
    'doc_sale_end_on',
    'bid_deadline_at',
    'opening_at',
    'publicity_end_on',
    'quantity',
    'lot_count',
    'search_text',
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
    'due_at',
    'done_at',
  ]);
  const stageWeights = STAGE_VALUES.map(
    (s) => [s, OPEN_STAGES.includes(s as never) ? 3 : 1] as const,
  );
  sqlite.exec('begin');
  const existing = sqlite.prepare('select count(*) from opportunities').pluck().get() as number;
  for (let i = existing; i < OPPORTUNITIES; i++) {
    const a = accounts[r.int(0, accounts.length - 1)]!;
    const title = `${a.name.slice(0, 12)}${r.pick(['公务用车更新', '执法车辆采购', '车队扩充', '通勤车辆'])}`;
    const stage = r.weighted(stageWeights);
    const quantity = r.int(2, 40);
    const amount = quantity * r.int(12, 30) * 1_000_000;
    const close = r.chance(0.9) ? addDays(today, r.int(-60, 300)) : null;
    const id = insertOpp.run([
      a.id,
      title,
      nameSortKey(title),
      a.buyer_type,
      a.owner_id,
      stage,
      now,
      amount,
      amount,
      quantity,
      close,
      title.toLowerCase(),
      now,
      now,
    ]);
    if (close && OPEN_STAGES.includes(stage as never))
      insertDeadline.run([
        'expected_close',
        'opportunity',
        id,
        a.id,
        a.owner_id,
        title,
        close,
        null,
        null,
      ]);
  }
  const existingTenders = sqlite.prepare('select count(*) from tenders').pluck().get() as number;
  for (let i = existingTenders; i < TENDERS; i++) {
    const a = accounts[r.int(0, accounts.length - 1)]!;
    const projectNo = `BENCH-${String(i).padStart(6, '0')}`;
    const name = `${a.name.slice(0, 12)}车辆采购项目`;
    const opening = r.int(-200, 200);
    const announced = addDays(today, opening - 25);
    const saleEnd = addDays(today, opening - 18);
    const openingAt = `${addDays(today, opening)}T01:30:00.000Z`;
    const awarded = opening < -10;
    const publicity = awarded ? addDays(today, opening + 3) : null;
    const id = insertTender.run([
      projectNo,
      projectNo,
      name,
      'open_tender',
      a.id,
      a.owner_id,
      awarded ? 'awarded' : 'announced',
      r.int(50, 500) * 1_000_000,
      announced,
      saleEnd,
      openingAt,
      openingAt,
      publicity,
      r.int(2, 30),
      1,
      `${projectNo}\n${name}`.toLowerCase(),
      now,
      now,
    ]);
    const title = `${projectNo} ${name}`;
    const done = awarded ? now : null;
    insertDeadline.run([
      'doc_sale_end',
      'tender',
      id,
      a.id,
      a.owner_id,
      title,
      saleEnd,
      null,
      done,
    ]);
    insertDeadline.run([
      'bid_deadline',
      'tender',
      id,
      a.id,
      a.owner_id,
      title,
      addDays(today, opening),
      openingAt,
      done,
    ]);
    insertDeadline.run([
      'opening',
      'tender',
      id,
      a.id,
      a.owner_id,
      title,
      addDays(today, opening),
      openingAt,
      done,
    ]);
    if (publicity)
      insertDeadline.run([
        'publicity_end',
        'tender',
        id,
        a.id,
        a.owner_id,
        title,
        publicity,
        null,
        null,
      ]);
  }
  sqlite.exec('commit');
  sqlite.pragma('optimize');
}

const OPP_COLUMNS = `o.id, o.title, o.account_id, a.name as account_name, o.buyer_type, o.stage, o.amount_fen,
  o.budget_fen, o.quantity, o.expected_close_on, o.owner_id, o.source, t.id as tender_id, t.project_no as tender_no,
  o.lost_reason, o.winner_name, o.stage_changed_at, o.created_at, o.updated_at, s.name as owner_name`;

export async function benchSales(app: App, results: BenchResult[]): Promise<void> {
  process.stderr.write(`seeding ${OPPORTUNITIES} opportunities and ${TENDERS} tenders…\n`);
  seed(app);
  const { sqlite } = app.database;
  const opps = sqlite.prepare('select count(*) from opportunities').pluck().get() as number;
  const deadlines = sqlite.prepare('select count(*) from deadlines').pluck().get() as number;
  const staffId = sqlite
    .prepare('select id from staff order by id limit 1')
    .pluck()
    .get() as number;
  await app.dispatch('auth.pick', { staffId });

  // 1. The board: totals per stage and the first 30 cards of each open stage.
  const sums = sqlite.prepare(
    'select o.stage, count(*) as n, coalesce(sum(o.amount_fen), 0) as amount from opportunities o group by o.stage',
  );
  // The cards as the board shows them: with their version and the competitor brands named on each.
  const cards = sqlite.prepare(
    `select ${OPP_COLUMNS}, o.version, (select json_group_array(brand) from (select distinct brand
        from opportunity_competitors where opportunity_id = o.id order by brand)) as competitor_brands
       from opportunities o inner join accounts a on a.id = o.account_id
       left join tenders t on t.id = o.tender_id left join staff s on s.id = o.owner_id
      where o.stage in (?) order by coalesce(o.expected_close_on, '9999-12-31') asc, o.amount_fen desc, o.id asc limit 30`,
  );
  const rawBoard = () => ({
    sums: sums.all(),
    cards: OPEN_STAGES.map((stage) => cards.all(stage)),
  });
  const apiBoard = async () => {
    const r = await app.dispatch('opportunities.board', {});
    if (!r.ok) throw new Error(r.error.message);
    return r.value as {
      columns: {
        stage: string;
        count: number;
        cards: { id: number; version: number; competitorBrands: string[] }[];
      }[];
    };
  };
  const board = await apiBoard();
  const raw = rawBoard();
  // Both sides must give the same cards (id, version, brands) and the same per-stage counts.
  const apiCards = board.columns
    .filter((c) => c.cards.length > 0)
    .map((c) => c.cards.map((x) => [x.id, x.version, x.competitorBrands]));
  const rawCards = raw.cards.map((rows) =>
    (rows as { id: number; version: number; competitor_brands: string }[]).map((x) => [
      x.id,
      x.version,
      JSON.parse(x.competitor_brands) as string[],
    ]),
  );
  const apiCounts = Object.fromEntries(board.columns.map((c) => [c.stage, c.count]));
  const rawCounts = Object.fromEntries(
    (raw.sums as { stage: string; n: number }[]).map((r) => [r.stage, r.n]),
  );
  if (
    JSON.stringify(apiCards) !== JSON.stringify(rawCards) ||
    Object.entries(rawCounts).some(([stage, n]) => apiCounts[stage] !== n)
  )
    throw new Error('the board and the raw statements disagree');
  const b = await compare(60, apiBoard, rawBoard);
  results.push({
    name: `opportunities.board (${opps} opportunities: sums per stage, 30 cards per open stage) via dispatch vs raw better-sqlite3`,
    value: b.candidate,
    unit: 'ms',
    baseline: b.baseline,
    ratio: b.candidate / b.baseline,
    target: { ratio: 1.5 },
  });

  // 2. The calendar: one month of every deadline, with the per-day counts of the month grid.
  const from = chinaDate().slice(0, 8) + '01';
  const to = addDays(addDays(from, 31).slice(0, 8) + '01', -1);
  const today = chinaDate();
  const actionable = ACTIONABLE_KINDS.map((k) => `'${k}'`).join(', ');
  const overdue = `(case when d.done_at is null and d.due_on < ? and d.kind in (${actionable}) then 1 else 0 end)`;
  const items = sqlite.prepare(
    `select f.contract_id as follow_up_contract_id, d.id, d.kind, d.due_on, d.due_at, d.title, d.account_id,
            a.name as account_name, d.entity, d.entity_id, d.owner_id, s.name as owner_name, d.done_at, ${overdue} as overdue
       from deadlines d left join accounts a on a.id = d.account_id left join staff s on s.id = d.owner_id
       left join follow_ups f on d.entity = 'follow_up' and f.id = d.entity_id
      where d.due_on >= ? and d.due_on <= ? order by d.due_on, d.due_at, d.id limit 2000`,
  );
  const perDay = sqlite.prepare(
    `select d.due_on, count(*) as n, sum(${overdue}) as overdue from deadlines d
      where d.due_on >= ? and d.due_on <= ? group by d.due_on order by d.due_on`,
  );
  const rawCalendar = () => ({
    items: items.all(today, from, to),
    perDay: perDay.all(today, from, to),
  });
  const apiCalendar = async () => {
    const r = await app.dispatch('calendar.list', { from, to });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as { items: { id: number }[]; total: number };
  };
  const month = await apiCalendar();
  const rawMonth = rawCalendar();
  if (
    JSON.stringify(month.items.map((i) => i.id)) !==
    JSON.stringify((rawMonth.items as { id: number }[]).map((i) => i.id))
  )
    throw new Error('the calendar and the raw statements disagree');
  const c = await compare(40, apiCalendar, rawCalendar);
  results.push({
    name: `calendar.list one month (${month.total} of ${deadlines} deadlines, first ${month.items.length} items + per-day counts) via dispatch vs raw better-sqlite3`,
    value: c.candidate,
    unit: 'ms',
    baseline: c.baseline,
    ratio: c.candidate / c.baseline,
    target: { ratio: 1.5 },
  });
}
