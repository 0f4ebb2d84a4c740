/**
 * The SQL of the pipeline dashboards: the stage × owner × month counts and sums, the stage history
 * behind conversion, and the open opportunities' days in their stage. Specialists' reads are
 * limited to their teams' accounts (account-team.teamAccountsIn, the opportunities grid's rule),
 * so a drill-down shows the rows a figure counted.
 */
import { type Kysely, sql } from 'kysely';
import { OPEN_STAGES, type OpenStage, type Stage } from '../../shared/sales-enums';
import { addDays } from '../../shared/dates';
import { teamAccountsIn } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { stagePathBit } from '../opportunities/stage-path';

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

/**
 * Per open stage: how many opportunities (expected to close in the period) entered it, and how
 * many of those reached a later stage or won afterwards — from each opportunity's stage path (a
 * bit per stage entered, opportunities/stage-path.ts), in one pass over the index of close date and
 * path. An opportunity went past stage i when its path holds a later bit: path ≥ 2^(i+1).
 */
export async function stageConversion(
  db: Kysely<Database>,
  range: { from: string; to: string },
  teamOf: number | null,
): Promise<{ stage: OpenStage; reached: number; advanced: number }[]> {
  let q = db
    .selectFrom('opportunities as o')
    .select(
      OPEN_STAGES.flatMap((stage, i) => {
        const bit = stagePathBit(stage);
        return [
          sql<number>`coalesce(sum((o.stage_path & ${bit}) != 0), 0)`.as(`r${i}`),
          sql<number>`coalesce(sum((o.stage_path & ${bit}) != 0 and o.stage_path >= ${bit * 2}), 0)`.as(
            `a${i}`,
          ),
        ];
      }),
    )
    .where('o.expected_close_on', '>=', range.from)
    .where('o.expected_close_on', '<=', range.to);
  if (teamOf !== null) q = q.where(teamAccountsIn(teamOf, 'o.account_id'));
  const counts: Record<string, unknown> = await q.executeTakeFirstOrThrow();
  return OPEN_STAGES.map((stage, i) => ({
    stage,
    reached: Number(counts[`r${i}`]),
    advanced: Number(counts[`a${i}`]),
  }));
}

/** China's day of a UTC ISO time, as whole days since 1970-01-01 (China is UTC+8 all year). */
const chinaDayOf = (column: string) =>
  sql<number>`((unixepoch(${sql.ref(column)}) + 28800) / 86400)`;

/**
 * Open opportunities by stage: how many, the China day their stages changed (the earliest, and the
 * sum of the days — a change dated after today counting as today's), and how many changed on or
 * after each of `since` (China days, as `YYYY-MM-DD`). One pass over the index of stage and
 * change time, no grouping by day.
 */
export async function openStageAges(
  db: Kysely<Database>,
  today: string,
  since: readonly string[],
  teamOf: number | null,
): Promise<{ stage: OpenStage; n: number; firstDay: number; daySum: number; since: number[] }[]> {
  const todayIndex = Date.parse(`${today}T00:00:00Z`) / 86_400_000;
  const day = chinaDayOf('o.stage_changed_at');
  let q = db
    .selectFrom('opportunities as o')
    .select([
      sql<OpenStage>`o.stage`.as('stage'),
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`min(${day})`.as('first_day'),
      sql<number>`sum(min(${todayIndex}, ${day}))`.as('day_sum'),
      // A China day begins at 16:00 UTC the day before.
      ...since.map((d, i) =>
        sql<number>`sum(o.stage_changed_at >= ${`${addDays(d, -1)}T16:00:00.000Z`})`.as(`s${i}`),
      ),
    ])
    .where('o.stage', 'in', [...OPEN_STAGES]);
  if (teamOf !== null) q = q.where(teamAccountsIn(teamOf, 'o.account_id'));
  const rows = await q.groupBy('o.stage').execute();
  return rows.map((r) => ({
    stage: r.stage,
    n: Number(r.n),
    firstDay: Number(r.first_day),
    daySum: Number(r.day_sum),
    since: since.map((_, i) => Number((r as Record<string, unknown>)[`s${i}`])),
  }));
}
