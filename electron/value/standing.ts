/**
 * Each account's value standing as the viewer sees it: the stored facts (account_facts), its ABC
 * class by the last 12 months' revenue among the viewer's accounts, its segment, KA
 * qualification and scorecard (rules.ts) — for the scorecard list, the account card's 交易 tab and
 * the drift warnings of 我的今天. Reads only.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Clock } from '../../shared/clock';
import { addDays, addMonths, chinaDate } from '../../shared/dates';
import type { Grade } from '../../shared/enums';
import type {
  AccountValue,
  AccountValueDetail,
  ScorecardResult,
  ValueSegment,
  ValueSettings,
} from '../../shared/schemas/value';
import type { Database } from '../db/schema';
import { rankedCte, scopeCondition } from './pareto';
import { kaOf, scoreOf, segmentOf } from './rules';
import { getValueSettings } from './settings';

interface StandingRecord {
  id: number;
  name: string;
  grade: Grade;
  owner_id: number | null;
  fleet_total: number;
  abc: 'A' | 'B' | 'C';
  rank: number;
  revenue_fen: number | null;
  units: number | null;
  purchases: number | null;
  purchase_years: number | null;
  max_batch_units: number | null;
  first_purchase_on: string | null;
  last_purchase_on: string | null;
  margin_floor_fen: number | null;
  margin_retail_fen: number | null;
  cancelled_contracts: number | null;
  last_contact_on: string | null;
  open_pipeline_fen: number | null;
  open_opportunities: number | null;
  lost_tenders: number | null;
  last_tender_lost: number | null;
  fleet_share_bp: number | null;
  recent_fen: number | null;
  previous_fen: number | null;
  ka_fen: number | null;
  invoiced_fen: number | null;
  received_fen: number | null;
  overdue_fen: number | null;
  overdue_days: number | null;
}

/** The periods the standing compares, ending today (China's day). */
export function standingPeriods(today: string, settings: ValueSettings) {
  return {
    from: addDays(addMonths(today, -12), 1),
    to: today,
    recentFrom: addDays(addMonths(today, -settings.segmentMonths), 1),
    previousFrom: addDays(addMonths(today, -2 * settings.segmentMonths), 1),
    kaFrom: addDays(addMonths(today, -settings.kaPeriodMonths), 1),
  };
}

async function standingRecords(
  db: Kysely<Database>,
  scope: number | null,
  settings: ValueSettings,
  today: string,
  only: RawBuilder<unknown>,
): Promise<StandingRecord[]> {
  const p = standingPeriods(today, settings);
  const spec = { from: p.from, to: p.to, basis: 'revenue' as const, cutoffs: settings.cutoffs };
  const { rows } = await sql<StandingRecord>`
    with ${rankedCte(spec, scope)}
    select a.id, a.name, a.grade, a.owner_id, a.fleet_total,
      coalesce(c.abc, 'C') as abc,
      -- Those that bought nothing in the 12 months tie after every buyer.
      coalesce(c.rank, (select count(*) from ranked) + 1) as rank,
      f.revenue_fen, f.units, f.purchases, f.purchase_years, f.max_batch_units,
      f.first_purchase_on, f.last_purchase_on, f.margin_floor_fen, f.margin_retail_fen,
      f.cancelled_contracts, f.last_contact_on, f.open_pipeline_fen, f.open_opportunities,
      f.lost_tenders, f.last_tender_lost, f.fleet_share_bp,
      s.recent_fen, s.previous_fen, k.ka_fen,
      r.invoiced_fen, r.received_fen, r.overdue_fen, r.overdue_days
    from accounts a
    left join ranked c on c.id = a.id
    left join account_facts f on f.account_id = a.id
    left join (
      select account_id,
        sum(case when signed_on >= ${p.recentFrom} then total_fen else 0 end) as recent_fen,
        sum(case when signed_on < ${p.recentFrom} then total_fen else 0 end) as previous_fen
      from contracts where status = 'final' and signed_on >= ${p.previousFrom} and signed_on <= ${today}
      group by account_id
    ) s on s.account_id = a.id
    left join (
      select account_id, sum(total_fen) as ka_fen from contracts
      where status = 'final' and signed_on >= ${p.kaFrom} and signed_on <= ${today}
      group by account_id
    ) k on k.account_id = a.id
    left join (
      -- Money in: a contract's receivable is overdue once its 应收款到期 deadline (kept by
      -- payments/receivable-deadline.ts) has passed.
      select c.account_id, sum(c.invoiced_fen) as invoiced_fen,
        sum(coalesce(p.received_fen, 0)) as received_fen,
        sum(case when d.due_on < ${today}
          then max(c.invoiced_fen - coalesce(p.received_fen, 0), 0) else 0 end) as overdue_fen,
        max(case when d.due_on < ${today}
          then cast(julianday(${today}) - julianday(d.due_on) as integer) end) as overdue_days
      from contracts c
      left join (
        select contract_id, sum(amount_fen) as received_fen from payments group by contract_id
      ) p on p.contract_id = c.id
      left join deadlines d on d.entity = 'contract' and d.entity_id = c.id
        and d.kind = 'receivable_due' and d.done_at is null
      where c.status = 'final'
      group by c.account_id
    ) r on r.account_id = a.id
    where ${scopeCondition(scope)} and ${only}
    order by 7, a.id`.execute(db);
  return rows;
}

/** Whole years from the first purchase to today, the first year counting as one. */
function yearsSince(first: string, today: string): number {
  const days = (Date.parse(today) - Date.parse(first)) / 86_400_000;
  return Math.max(1, days / 365.25);
}

function toValue(r: StandingRecord, settings: ValueSettings, today: string): AccountValue {
  const n = (v: number | null) => Number(v ?? 0);
  const purchases = n(r.purchases);
  const facts = {
    revenueFen: n(r.revenue_fen),
    units: n(r.units),
    purchases,
    purchaseYears: n(r.purchase_years),
    repeatBuyer: n(r.purchase_years) >= 2,
    maxBatchUnits: n(r.max_batch_units),
    firstPurchaseOn: r.first_purchase_on,
    lastPurchaseOn: r.last_purchase_on,
    purchasesPerYear:
      r.first_purchase_on === null
        ? null
        : Math.round((purchases / yearsSince(r.first_purchase_on, today)) * 100) / 100,
    marginFloorFen: r.margin_floor_fen,
    marginRetailFen: r.margin_retail_fen,
    cancelledContracts: n(r.cancelled_contracts),
    lastContactOn: r.last_contact_on,
    openPipelineFen: n(r.open_pipeline_fen),
    openOpportunities: n(r.open_opportunities),
    lostTenders: n(r.lost_tenders),
    lastTenderLost: n(r.last_tender_lost) === 1,
    fleetTotal: r.fleet_total,
    fleetShare: r.fleet_share_bp === null ? null : r.fleet_share_bp / 10_000,
    invoicedFen: n(r.invoiced_fen),
    receivedFen: n(r.received_fen),
    receivableFen: n(r.invoiced_fen) - n(r.received_fen),
    overdueFen: n(r.overdue_fen),
    overdueDays: r.overdue_days === null ? null : Number(r.overdue_days),
  };
  const input = {
    facts,
    abc: r.abc,
    rank: Number(r.rank),
    recentFen: n(r.recent_fen),
    previousFen: n(r.previous_fen),
    kaRevenueFen: n(r.ka_fen),
  };
  const { segment, reason } = segmentOf(input, settings, today);
  const ka = kaOf(input, settings);
  const { score, lines } = scoreOf(input, settings);
  return {
    id: r.id,
    name: r.name,
    grade: r.grade,
    ownerId: r.owner_id,
    facts,
    abc: r.abc,
    rank: Number(r.rank),
    segment,
    segmentReason: reason,
    ka: ka !== null,
    kaReason: ka,
    score,
    scoreLines: lines,
  };
}

/** The 交易 tab: one account's standing among the viewer's accounts, and its contracts. */
export async function accountValue(
  db: Kysely<Database>,
  clock: Clock,
  scope: number | null,
  accountId: number,
): Promise<AccountValueDetail | null> {
  const settings = await getValueSettings(db);
  const today = chinaDate(clock.now());
  const [record] = await standingRecords(db, scope, settings, today, sql`a.id = ${accountId}`);
  if (!record) return null;
  const contracts = await db
    .selectFrom('contracts')
    .select(['id', 'number', 'status', 'signed_on', 'quantity', 'total_fen'])
    .where('account_id', '=', accountId)
    .orderBy('signed_on', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const p = standingPeriods(today, settings);
  return {
    ...toValue(record, settings, today),
    from: p.from,
    to: p.to,
    contracts: contracts.map((c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      signedOn: c.signed_on,
      quantity: c.quantity,
      totalFen: c.total_fen,
    })),
  };
}

/** The scorecard: the viewer's accounts by score (highest first), optionally one segment or KAs only. */
export async function scorecard(
  db: Kysely<Database>,
  clock: Clock,
  scope: number | null,
  input: { segment?: ValueSegment | undefined; kaOnly: boolean; offset: number; limit: number },
): Promise<ScorecardResult> {
  const settings = await getValueSettings(db);
  const today = chinaDate(clock.now());
  const all = (await standingRecords(db, scope, settings, today, sql`1 = 1`)).map((r) =>
    toValue(r, settings, today),
  );
  const segments: Record<ValueSegment, number> = { value: 0, potential: 0, drifting: 0, frozen: 0 };
  for (const v of all) segments[v.segment] += 1;
  const chosen = all
    .filter(
      (v) =>
        (input.segment === undefined || v.segment === input.segment) && (!input.kaOnly || v.ka),
    )
    .sort((x, y) => y.score - x.score || x.rank - y.rank);
  const p = standingPeriods(today, settings);
  return {
    from: p.from,
    to: p.to,
    total: chosen.length,
    segments,
    rows: chosen.slice(input.offset, input.offset + input.limit),
  };
}

/** 我的今天's drift warnings: the owner's accounts that are drifting (迁移), most valuable first. */
export async function driftWarnings(
  db: Kysely<Database>,
  clock: Clock,
  ownerId: number,
  limit = 20,
): Promise<AccountValue[]> {
  const settings = await getValueSettings(db);
  const today = chinaDate(clock.now());
  const rows = await standingRecords(db, ownerId, settings, today, sql`a.owner_id = ${ownerId}`);
  return rows
    .map((r) => toValue(r, settings, today))
    .filter((v) => v.segment === 'drifting')
    .slice(0, limit);
}
