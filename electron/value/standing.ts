/**
 * Each account's value standing as the viewer sees it: the stored facts (account_facts), its ABC
 * class by the last 12 months' revenue among the viewer's accounts, its segment, KA
 * qualification and scorecard (rules.ts) — for the scorecard list, the account card's 交易 tab and
 * the drift warnings of 我的今天.
 *
 * Each is a read of the read worker (`(db, input, scope) => result`, electron/reads/), off the
 * thread that answers the UI, and bounded at 100,000 accounts: the database filters, orders and
 * pages the accounts by their standing in SQL (standing-sql.ts), and only the chosen rows — a
 * page, one account, twenty drifting ones — are read in full and explained by rules.ts.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Grade } from '../../shared/enums';
import type {
  AccountValue,
  AccountValueDetail,
  ScorecardResult,
  ValueSegment,
  ValueSettings,
} from '../../shared/schemas/value';
import type { Database } from '../db/schema';
import { type ReadScope, teamOf } from '../reads/scope';
import { rankedCte } from './pareto';
import { kaOf, scoreOf, segmentOf } from './rules';
import { getValueSettings } from './settings';
import { scoredCte, standingPeriods } from './standing-sql';

export interface StandingRecord {
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

interface Placed {
  id: number;
  abc: 'A' | 'B' | 'C';
  rank: number;
}

/** The full records of the accounts `accountIds` (some), without class and rank. */
export function recordsQuery(
  accountIds: readonly number[],
  settings: ValueSettings,
  today: string,
): RawBuilder<Omit<StandingRecord, 'abc' | 'rank'>> {
  const p = standingPeriods(today, settings);
  const ids = sql.join(accountIds);
  return sql<Omit<StandingRecord, 'abc' | 'rank'>>`
    select a.id, a.name, a.grade, a.owner_id, a.fleet_total,
      f.revenue_fen, f.units, f.purchases, f.purchase_years, f.max_batch_units,
      f.first_purchase_on, f.last_purchase_on, f.margin_floor_fen, f.margin_retail_fen,
      f.cancelled_contracts, f.last_contact_on, f.open_pipeline_fen, f.open_opportunities,
      f.lost_tenders, f.last_tender_lost, f.fleet_share_bp,
      s.recent_fen, s.previous_fen, k.ka_fen,
      r.invoiced_fen, r.received_fen, r.overdue_fen, r.overdue_days
    from accounts a
    left join account_facts f on f.account_id = a.id
    left join (
      select account_id,
        sum(case when signed_on >= ${p.recentFrom} then total_fen else 0 end) as recent_fen,
        sum(case when signed_on < ${p.recentFrom} then total_fen else 0 end) as previous_fen
      from contracts where status = 'final' and signed_on >= ${p.previousFrom} and signed_on <= ${today}
        and account_id in (${ids})
      group by account_id
    ) s on s.account_id = a.id
    left join (
      select account_id, sum(total_fen) as ka_fen from contracts
      where status = 'final' and signed_on >= ${p.kaFrom} and signed_on <= ${today}
        and account_id in (${ids})
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
      where c.status = 'final' and c.account_id in (${ids})
      group by c.account_id
    ) r on r.account_id = a.id
    where a.id in (${ids})`;
}

/** The full records of the chosen accounts, in the order given, with their class and rank. */
async function standingRecords(
  db: Kysely<Database>,
  placed: readonly Placed[],
  settings: ValueSettings,
  today: string,
): Promise<StandingRecord[]> {
  if (placed.length === 0) return [];
  const query = recordsQuery(
    placed.map((x) => x.id),
    settings,
    today,
  );
  const { rows } = await query.execute(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return placed.flatMap((x) => {
    const r = byId.get(x.id);
    return r ? [{ ...r, abc: x.abc, rank: x.rank }] : [];
  });
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

/** One account's class and rank among the viewer's buyers (those that bought nothing tie after them all). */
export function placeQuery(
  accountId: number,
  settings: ValueSettings,
  today: string,
  scope: number | null,
): RawBuilder<{ abc: 'A' | 'B' | 'C' | null; rank: number | null; buyers: number }> {
  const p = standingPeriods(today, settings);
  const spec = { from: p.from, to: p.to, basis: 'revenue' as const, cutoffs: settings.cutoffs };
  return sql`
    with ${rankedCte(spec, scope)}
    select (select abc from ranked where id = ${accountId}) as abc,
      (select rank from ranked where id = ${accountId}) as rank,
      (select count(*) from ranked) as buyers`;
}

/** The 交易 tab: one account's standing among the viewer's accounts, and its contracts. */
export async function accountValueRead(
  db: Kysely<Database>,
  { id: accountId }: { id: number },
  scope: ReadScope,
): Promise<AccountValueDetail | null> {
  const settings = await getValueSettings(db);
  const { today } = scope;
  const p = standingPeriods(today, settings);
  const { rows } = await placeQuery(accountId, settings, today, teamOf(scope)).execute(db);
  const place = rows[0]!;
  const [record] = await standingRecords(
    db,
    [
      {
        id: accountId,
        abc: place.abc ?? 'C',
        rank: Number(place.rank ?? Number(place.buyers) + 1),
      },
    ],
    settings,
    today,
  );
  if (!record) return null;
  const contracts = await db
    .selectFrom('contracts')
    .select(['id', 'number', 'status', 'signed_on', 'quantity', 'total_fen'])
    .where('account_id', '=', accountId)
    .orderBy('signed_on', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
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

export interface ScorecardInput {
  segment?: ValueSegment | undefined;
  kaOnly: boolean;
  offset: number;
  limit: number;
}

export interface ScorecardRecord {
  id: number | null;
  abc: 'A' | 'B' | 'C' | null;
  rank: number | null;
  total: number | null;
  n_value: number | null;
  n_potential: number | null;
  n_drifting: number | null;
  n_frozen: number | null;
}

/** The segment counts and a page of the chosen accounts' ids, classes and ranks, by score. */
export function scorecardQuery(
  input: ScorecardInput,
  settings: ValueSettings,
  today: string,
  scope: number | null,
): RawBuilder<ScorecardRecord> {
  const chosen = sql.join(
    [
      input.segment === undefined ? sql`1` : sql`segment = ${input.segment}`,
      input.kaOnly ? sql`ka` : sql`1`,
    ],
    sql` and `,
  );
  // The counts come on every row, and on the one row of an empty page.
  return sql<ScorecardRecord>`
    with ${scoredCte(today, settings, scope)}
    select p.id, p.abc, p.rank, t.*
    from (
      select sum(case when ${chosen} then 1 else 0 end) as total,
        sum(segment = 'value') as n_value, sum(segment = 'potential') as n_potential,
        sum(segment = 'drifting') as n_drifting, sum(segment = 'frozen') as n_frozen
      from scored
    ) t
    left join (
      select id, abc, rank, tenths from scored where ${chosen}
      order by tenths desc, rank, id limit ${input.limit} offset ${input.offset}
    ) p
    order by p.tenths desc, p.rank, p.id`;
}

/**
 * The scorecard: the viewer's accounts by score (highest first, then by rank and id), optionally
 * one segment or KAs only. The database counts the segments and orders and pages the accounts;
 * the page's rows are then read in full and explained.
 */
export async function scorecardRead(
  db: Kysely<Database>,
  input: ScorecardInput,
  scope: ReadScope,
): Promise<ScorecardResult> {
  const settings = await getValueSettings(db);
  const { today } = scope;
  const { rows } = await scorecardQuery(input, settings, today, teamOf(scope)).execute(db);
  const head = rows[0];
  const n = (v: number | null | undefined) => Number(v ?? 0);
  const placed = rows.flatMap((r) =>
    r.id === null || r.abc === null ? [] : [{ id: r.id, abc: r.abc, rank: n(r.rank) }],
  );
  const records = await standingRecords(db, placed, settings, today);
  const p = standingPeriods(today, settings);
  return {
    from: p.from,
    to: p.to,
    total: n(head?.total),
    segments: {
      value: n(head?.n_value),
      potential: n(head?.n_potential),
      drifting: n(head?.n_drifting),
      frozen: n(head?.n_frozen),
    },
    rows: records.map((r) => toValue(r, settings, today)),
  };
}

/**
 * 我的今天's drift warnings: the accounts the viewer owns that are drifting (迁移), most valuable
 * (best ranked among the accounts they own or co-own) first.
 */
export async function driftRead(
  db: Kysely<Database>,
  { limit }: { limit: number },
  scope: ReadScope,
): Promise<{ rows: AccountValue[] }> {
  const settings = await getValueSettings(db);
  const { today } = scope;
  const owner = scope.viewer.id;
  const { rows } = await sql<Placed>`
    with ${scoredCte(today, settings, owner)}
    select id, abc, rank from scored where owner_id = ${owner} and segment = 'drifting'
    order by rank, id limit ${limit}`.execute(db);
  const records = await standingRecords(db, rows, settings, today);
  return { rows: records.map((r) => toValue(r, settings, today)) };
}
