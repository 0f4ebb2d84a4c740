/**
 * The SQL of the pipeline dashboards: the stage × owner × month counts and sums, the stage history
 * behind conversion, and the open opportunities' days in their stage. Specialists' reads are
 * limited to their teams' accounts (account-team.teamAccountCondition), as the opportunities grid
 * is, so a drill-down shows the rows a figure counted.
 */
import { type Kysely, sql } from 'kysely';
import { OPEN_STAGES, type OpenStage, type Stage } from '../../shared/sales-enums';
import { teamAccountCondition } from '../accounts/account-team';
import type { Database } from '../db/schema';

const monthSql = sql<string>`substr(o.expected_close_on, 1, 7)`;

/** Opportunities expected to close in [from, to], grouped by stage, owner and month. */
export async function pipelineGroups(
  db: Kysely<Database>,
  range: { from: string; to: string },
  teamOf: number | null,
): Promise<{ stage: Stage; owner_id: number | null; month: string; n: number; amount: number }[]> {
  let q = db
    .selectFrom('opportunities as o')
    .select([
      'o.stage',
      'o.owner_id',
      monthSql.as('month'),
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('o.amount_fen').as('amount'),
    ])
    .where('o.expected_close_on', '>=', range.from)
    .where('o.expected_close_on', '<=', range.to);
  if (teamOf !== null) q = q.where(teamAccountCondition(teamOf, 'o.account_id'));
  return q.groupBy(['o.stage', 'o.owner_id', monthSql]).execute();
}

export async function staffNames(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An open stage's place in the process, won after the last open one; lost and abandoned none. */
const rankSql = (column: string) =>
  sql<number>`(case ${sql.ref(column)} ${sql.join(
    [...OPEN_STAGES, 'won'].map((s, i) => sql`when ${s} then ${i}`),
    sql` `,
  )} else -1 end)`;

/**
 * Per open stage: how many opportunities (expected to close in the period) entered it, and how
 * many of those reached a later stage or won afterwards — from the stage history.
 */
export async function stageConversion(
  db: Kysely<Database>,
  range: { from: string; to: string },
  teamOf: number | null,
): Promise<{ stage: OpenStage; reached: number; advanced: number }[]> {
  let q = db
    .selectFrom('opportunity_stages as h')
    .innerJoin('opportunities as o', 'o.id', 'h.opportunity_id')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('opportunity_stages as s')
          .select(['s.opportunity_id', sql<number>`max(${rankSql('s.to_stage')})`.as('top')])
          .groupBy('s.opportunity_id')
          .as('m'),
      (join) => join.onRef('m.opportunity_id', '=', 'h.opportunity_id'),
    )
    .select([
      sql<OpenStage>`h.to_stage`.as('stage'),
      sql<number>`count(distinct h.opportunity_id)`.as('reached'),
      sql<number>`count(distinct case when m.top > ${rankSql('h.to_stage')} then h.opportunity_id end)`.as(
        'advanced',
      ),
    ])
    .where('h.to_stage', 'in', [...OPEN_STAGES])
    .where('o.expected_close_on', '>=', range.from)
    .where('o.expected_close_on', '<=', range.to);
  if (teamOf !== null) q = q.where(teamAccountCondition(teamOf, 'o.account_id'));
  return q.groupBy('h.to_stage').execute();
}

/**
 * Open opportunities by stage and the China day their stage last changed (the UTC timestamp's day,
 * plus one from 16:00 UTC, which is midnight in China): few groups, whatever the row count.
 */
export async function openStageDays(
  db: Kysely<Database>,
  teamOf: number | null,
): Promise<{ stage: OpenStage; utc_day: string; late: number; n: number }[]> {
  const day = sql<string>`substr(o.stage_changed_at, 1, 10)`;
  const late = sql<number>`(case when substr(o.stage_changed_at, 12, 2) >= '16' then 1 else 0 end)`;
  let q = db
    .selectFrom('opportunities as o')
    .select([
      sql<OpenStage>`o.stage`.as('stage'),
      day.as('utc_day'),
      late.as('late'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('o.stage', 'in', [...OPEN_STAGES]);
  if (teamOf !== null) q = q.where(teamAccountCondition(teamOf, 'o.account_id'));
  return q.groupBy(['o.stage', day, late]).execute();
}
