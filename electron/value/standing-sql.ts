/**
 * Every account's standing as SQL, so the scorecard filters, orders and pages 100,000 accounts in
 * the database and builds only a page of them (standing.ts): the CTE `scored(id, owner_id, abc,
 * rank, segment, ka, tenths)` over the viewer's accounts.
 *
 * The rules are rules.ts's (segmentOf, kaOf, scoreOf), written here over the same facts; the class
 * and rank are pareto.ts's `ranked`. `tenths` is the score × 10 as an integer: each line's raw
 * points are SQL, and what they count in the score is looked up in a table that rules.ts's own
 * `lineTenths` fills, so the weighting and its rounding are not written twice. The page itself is
 * then built by the rules in TypeScript; test/integration/value-standing.test.ts checks that this
 * SQL and rules.ts agree on every account of a hand-made store.
 */
import { type RawBuilder, sql } from 'kysely';
import { addDays, addMonths } from '../../shared/dates';
import type { ScoreLine, ValueSettings } from '../../shared/schemas/value';
import { rankedCte, scopeCondition } from './pareto';
import { FEN_PER_WAN, lineTenths, SCORE_POINTS as P } from './rules';

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

/** 0, step, 2·step … up to cap, and cap: the points a capped, stepped rule can give. */
function steps(from: number, step: number, cap: number): number[] {
  const values = [0];
  for (let v = from; v < cap; v += step) if (v > 0) values.push(v);
  values.push(cap);
  return values;
}

/** A line's weighted tenths for its raw points (`raw`, one of `values`), by rules.ts's weighting. */
function weighted(
  part: ScoreLine['part'],
  raw: RawBuilder<unknown>,
  values: number[],
  settings: ValueSettings,
): RawBuilder<number> {
  const arms = values.map(
    (v) => sql`when ${sql.lit(v)} then ${sql.lit(lineTenths(part, v, settings))}`,
  );
  return sql<number>`(case ${raw} ${sql.join(arms, sql` `)} end)`;
}

/**
 * `with …` CTEs ending in `scored`: the standing of every account of the scope. `scope`: a
 * specialist's id (their teams' accounts, ranked among them) or null (every account).
 */
export function scoredCte(
  today: string,
  settings: ValueSettings,
  scope: number | null,
): RawBuilder<unknown> {
  const p = standingPeriods(today, settings);
  const spec = { from: p.from, to: p.to, basis: 'revenue' as const, cutoffs: settings.cutoffs };
  const since = addDays(today, -settings.dormantDays);
  const sumsFrom = p.previousFrom < p.kaFrom ? p.previousFrom : p.kaFrom;
  const inScope =
    scope === null
      ? sql``
      : sql`and c.account_id in (select a.id from accounts a where ${scopeCondition(scope)})`;
  const abc = sql`coalesce(r.abc, 'C')`;
  const recent = sql`coalesce(s.recent_fen, 0)`;
  const previous = sql`coalesce(s.previous_fen, 0)`;
  const overdue = sql`coalesce(s.overdue_fen, 0)`;
  // The latest of the last purchase and the last contact (null when neither).
  const lastTouch = sql`max(coalesce(f.last_purchase_on, f.last_contact_on),
    coalesce(f.last_contact_on, f.last_purchase_on))`;
  const w = (part: ScoreLine['part'], points: number) =>
    sql.lit(lineTenths(part, points, settings));
  const tenths = sql.join(
    [
      sql`(case ${abc} when 'A' then ${w('value', P.class.A)} when 'B' then ${w('value', P.class.B)}
        else case when coalesce(f.revenue_fen, 0) > 0 then ${w('value', P.cBuyer)}
          else ${w('value', P.class.C)} end end)`,
      weighted(
        'potential',
        sql`min(${sql.lit(P.fleetCap)}, a.fleet_total)`,
        steps(1, 1, P.fleetCap),
        settings,
      ),
      sql`(case when ${recent} > ${previous} then ${w('potential', P.growth)}
        else ${w('potential', 0)} end)`,
      weighted(
        'potential',
        sql`min(${sql.lit(P.pipelineCap)},
          coalesce(f.open_pipeline_fen, 0) / ${sql.lit(P.pipelineStepFen)} * ${sql.lit(P.pipelineStep)})`,
        steps(P.pipelineStep, P.pipelineStep, P.pipelineCap),
        settings,
      ),
      weighted(
        'risk',
        sql`min(${sql.lit(P.countCap)}, coalesce(f.lost_tenders, 0) * ${sql.lit(P.perLostTender)})`,
        steps(P.perLostTender, P.perLostTender, P.countCap),
        settings,
      ),
      weighted(
        'risk',
        sql`min(${sql.lit(P.countCap)}, coalesce(f.cancelled_contracts, 0) * ${sql.lit(P.perCancelled)})`,
        steps(P.perCancelled, P.perCancelled, P.countCap),
        settings,
      ),
      weighted(
        'risk',
        sql`case when ${overdue} > 0 then min(${sql.lit(P.overdueCap)}, ${sql.lit(P.overdueBase)}
          + ${overdue} / ${sql.lit(P.overdueStepFen)} * ${sql.lit(P.overdueStep)}) else 0 end`,
        steps(P.overdueBase, P.overdueStep, P.overdueCap),
        settings,
      ),
    ],
    sql` + `,
  );
  return sql`
    ${rankedCte(spec, scope)},
    buyers as (select count(*) as n from ranked),
    -- Per account, in one grouping: the periods' revenue and what is overdue, the latter from
    -- the open 应收款到期 deadlines that have passed (few), not from every contract.
    sums as (
      select account_id, sum(recent_fen) as recent_fen, sum(previous_fen) as previous_fen,
        sum(ka_fen) as ka_fen, sum(overdue_fen) as overdue_fen
      from (
        select c.account_id,
          case when c.signed_on >= ${p.recentFrom} then c.total_fen else 0 end as recent_fen,
          case when c.signed_on >= ${p.previousFrom} and c.signed_on < ${p.recentFrom}
            then c.total_fen else 0 end as previous_fen,
          case when c.signed_on >= ${p.kaFrom} then c.total_fen else 0 end as ka_fen,
          0 as overdue_fen
        from contracts c
        where c.status = 'final' and c.signed_on >= ${sumsFrom} and c.signed_on <= ${today} ${inScope}
        union all
        select c.account_id, 0, 0, 0, max(c.invoiced_fen - coalesce((select sum(p.amount_fen)
          from payments p where p.contract_id = c.id), 0), 0)
        from deadlines d join contracts c on c.id = d.entity_id
        where d.kind = 'receivable_due' and d.done_at is null and d.due_on < ${today}
          and d.entity = 'contract' and c.status = 'final' ${inScope}
      )
      group by account_id
    ),
    scored as materialized (
      select a.id, a.owner_id, ${abc} as abc,
        -- Those that bought nothing in the 12 months tie after every buyer.
        coalesce(r.rank, (select n from buyers) + 1) as rank,
        case
          when coalesce(${lastTouch}, '') < ${since} then 'frozen'
          when ${previous} > 0 and ${recent} < ${previous} then 'drifting'
          when f.last_tender_lost = 1 then 'drifting'
          when ${abc} <> 'C' then 'value'
          else 'potential'
        end as segment,
        (coalesce(f.max_batch_units, 0) >= ${settings.kaMinBatchUnits}
          or coalesce(s.ka_fen, 0) >= ${settings.kaMinRevenueWan * FEN_PER_WAN}) as ka,
        ${tenths} as tenths
      from accounts a
      left join account_facts f on f.account_id = a.id
      left join ranked r on r.id = a.id
      left join sums s on s.account_id = a.id
      where ${scopeCondition(scope)}
    )`;
}
