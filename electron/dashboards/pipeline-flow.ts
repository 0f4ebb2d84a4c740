/**
 * How the pipeline moves: stage conversion from the stage history (of the opportunities expected
 * to close in the period, how many that entered a stage went further) and ageing (every open
 * opportunity's days in its current stage, by stage). A read of the read worker.
 */
import type { Kysely } from 'kysely';
import type { PipelineFlow, PipelineInput } from '../../shared/schemas/dashboards';
import { addDays } from '../../shared/dates';
import { OPEN_STAGES } from '../../shared/sales-enums';
import type { Database } from '../db/schema';
import { teamOf, type ReadScope } from '../reads/scope';
import { percentOf } from './percent';
import { openStageDays, stageConversion } from './pipeline-repository';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Upper bounds of the ageing buckets (0–30, 31–60, 61–90; the last is open). */
const BUCKET_TOPS = [30, 60, 90];

export async function pipelineFlow(
  db: Kysely<Database>,
  input: PipelineInput,
  scope: ReadScope,
): Promise<PipelineFlow> {
  const team = teamOf(scope);
  const conversion = new Map((await stageConversion(db, input, team)).map((c) => [c.stage, c]));
  const ageing = new Map(
    OPEN_STAGES.map((s) => [
      s,
      { count: 0, totalDays: 0, maxDays: null as number | null, buckets: [0, 0, 0, 0] },
    ]),
  );
  for (const g of await openStageDays(db, team)) {
    const a = ageing.get(g.stage);
    if (!a) continue;
    const day = Number(g.late) ? addDays(g.utc_day, 1) : g.utc_day;
    // A change dated after today (a clock set back) counts as today's.
    const days = Math.max(0, daysBetween(day, scope.today));
    const n = Number(g.n);
    a.count += n;
    a.totalDays += days * n;
    a.maxDays = Math.max(a.maxDays ?? 0, days);
    const bucket = BUCKET_TOPS.findIndex((top) => days <= top);
    a.buckets[bucket === -1 ? 3 : bucket]! += n;
  }
  return {
    today: scope.today,
    conversion: OPEN_STAGES.map((stage) => {
      const c = conversion.get(stage);
      const reached = Number(c?.reached ?? 0);
      const advanced = Number(c?.advanced ?? 0);
      return { stage, reached, advanced, rate: percentOf(advanced, reached) };
    }),
    ageing: OPEN_STAGES.map((stage) => {
      const a = ageing.get(stage)!;
      return {
        stage,
        count: a.count,
        averageDays: a.count ? Math.round((a.totalDays * 10) / a.count) / 10 : null,
        maxDays: a.maxDays,
        buckets: [a.buckets[0]!, a.buckets[1]!, a.buckets[2]!, a.buckets[3]!],
      };
    }),
  };
}
