/**
 * The SQL of the pipeline dashboards: the stage × owner × month counts and sums, the stage history
 * behind conversion, and the open opportunities' days in their stage. Specialists' reads are
 * limited to their teams' accounts (account-team.teamAccountsIn, the opportunities grid's rule),
 * so a drill-down shows the rows a figure counted.
 */
import { type Kysely, sql } from 'kysely';
import { OPEN_STAGES, type OpenStage, type Stage } from '../../shared/sales-enums';
import { teamAccountsIn } from '../accounts/account-team';
import type { Database } from '../db/schema';

/**
 * Opportunities expected to close in [from, to], grouped by close day, stage and owner: the order
 * of the covering index opportunities_pipeline, so the database groups as it reads, without
 * sorting (the month is folded from the day by the caller: a GROUP BY on substr() sorted 100,000
 * rows first).
 */
export async function pipelineGroups(
  db: Kysely<Database>,
  range: { from: string; to: string },
  teamOf: number | null,
): Promise<{ day: string; stage: Stage; owner_id: number | null; n: number; amount: number }[]> {
  let q = db
    .selectFrom('opportunities as o')
    .select([
      sql<string>`o.expected_close_on`.as('day'),
      'o.stage',
      'o.owner_id',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>('o.amount_fen').as('amount'),
    ])
    .where('o.expected_close_on', '>=', range.from)
    .where('o.expected_close_on', '<=', range.to);
  if (teamOf !== null) q = q.where(teamAccountsIn(teamOf, 'o.account_id'));
  return q.groupBy(['o.expected_close_on', 'o.stage', 'o.owner_id']).execute();
}

export async function staffNames(
  db: Kysely<Database>,
  ids: number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The open stages and won, in process order: how far an opportunity's path went. */
const PATH_STAGES = [...OPEN_STAGES, 'won'] as const;

/** An open stage's or won's place in the process; lost and abandoned have none (null). */
const rankSql = sql<number | null>`(case h.to_stage ${sql.join(
  PATH_STAGES.map((s, i) => sql`when ${s} then ${i}`),
  sql` `,
)} else null end)`;

/**
 * Per open stage: how many opportunities (expected to close in the period) entered it, and how
 * many of those reached a later stage or won afterwards — from the stage history. One pass over
 * the history in opportunity order (grouped as read, no sort): each opportunity's path becomes a
 * flag per stage it entered and its furthest stage; the counts are sums over those.
 */
export async function stageConversion(
  db: Kysely<Database>,
  range: { from: string; to: string },
  teamOf: number | null,
): Promise<{ stage: OpenStage; reached: number; advanced: number }[]> {
  let paths = db
    .selectFrom('opportunity_stages as h')
    .crossJoin('opportunities as o')
    .whereRef('o.id', '=', 'h.opportunity_id')
    .select([
      ...OPEN_STAGES.map((stage, i) =>
        sql<number>`max(case when h.to_stage = ${stage} then 1 else 0 end)`.as(`e${i}`),
      ),
      sql<number>`max(${rankSql})`.as('top'),
    ])
    .where('o.expected_close_on', '>=', range.from)
    .where('o.expected_close_on', '<=', range.to)
    .groupBy('h.opportunity_id');
  if (teamOf !== null) paths = paths.where(teamAccountsIn(teamOf, 'o.account_id'));
  const row = await db
    .selectFrom(paths.as('p'))
    .select(
      OPEN_STAGES.flatMap((_, i) => [
        sql<number>`coalesce(sum(${sql.ref(`p.e${i}`)}), 0)`.as(`r${i}`),
        sql<number>`coalesce(sum(case when ${sql.ref(`p.e${i}`)} = 1 and p.top > ${i} then 1 else 0 end), 0)`.as(
          `a${i}`,
        ),
      ]),
    )
    .executeTakeFirstOrThrow();
  const counts: Record<string, unknown> = row;
  return OPEN_STAGES.map((stage, i) => ({
    stage,
    reached: Number(counts[`r${i}`]),
    advanced: Number(counts[`a${i}`]),
  }));
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
  if (teamOf !== null) q = q.where(teamAccountsIn(teamOf, 'o.account_id'));
  return q.groupBy(['o.stage', day, late]).execute();
}
