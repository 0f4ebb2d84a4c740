/**
 * How the pipeline moves: stage conversion from the stage history (of the opportunities expected
 * to close in the period, how many that entered a stage went further) and ageing (every open
 * opportunity's days in its current stage, by stage, counted in SQL). A read of the read worker.
 */
import type { Kysely } from 'kysely';
import type { PipelineFlow, PipelineInput } from '../../shared/schemas/dashboards';
import { addDays } from '../../shared/dates';
import { OPEN_STAGES } from '../../shared/sales-enums';
import type { Database } from '../db/schema';
import { teamOf, type ReadScope } from '../reads/scope';
import { percentOf } from './percent';
import { openStageAges, stageConversion } from './pipeline-repository';

/** Upper bounds of the ageing buckets (0–30, 31–60, 61–90; the last is open). */
const BUCKET_TOPS = [30, 60, 90];

export async function pipelineFlow(
  db: Kysely<Database>,
  input: PipelineInput,
  scope: ReadScope,
): Promise<PipelineFlow> {
  const team = teamOf(scope);
  const conversion = new Map((await stageConversion(db, input, team)).map((c) => [c.stage, c]));
  // Within a bucket's top: changed on or after the day that many days ago.
  const since = BUCKET_TOPS.map((top) => addDays(scope.today, -top));
  const ages = new Map(
    (await openStageAges(db, scope.today, since, team)).map((a) => [a.stage, a]),
  );
  const todayIndex = Date.parse(`${scope.today}T00:00:00Z`) / 86_400_000;
  return {
    today: scope.today,
    conversion: OPEN_STAGES.map((stage) => {
      const c = conversion.get(stage);
      const reached = Number(c?.reached ?? 0);
      const advanced = Number(c?.advanced ?? 0);
      return { stage, reached, advanced, rate: percentOf(advanced, reached) };
    }),
    ageing: OPEN_STAGES.map((stage) => {
      const a = ages.get(stage);
      if (!a) return { stage, count: 0, averageDays: null, maxDays: null, buckets: [0, 0, 0, 0] };
      const [within30 = 0, within60 = 0, within90 = 0] = a.since;
      return {
        stage,
        count: a.n,
        averageDays: Math.round(((todayIndex * a.n - a.daySum) * 10) / a.n) / 10,
        // A change dated after today (a clock set back) counts as today's.
        maxDays: Math.max(0, todayIndex - a.firstDay),
        buckets: [within30, within60 - within30, within90 - within60, a.n - within90],
      };
    }),
  };
}
