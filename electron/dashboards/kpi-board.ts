/**
 * The KPI team table and its trend, built on kpi.period (electron/kpi/attainment.ts): each
 * person's daily targets summed over China's working days of the week or month beside the
 * activities done, with attainment %; then the same for each of the last N periods. Specialists
 * get their own row, managers the team's. A read of the read worker.
 */
import type { Kysely } from 'kysely';
import type { KpiBoard, KpiBoardInput, KpiBoardRow } from '../../shared/schemas/dashboards';
import type { KpiPeriod } from '../../shared/schemas/activities';
import { addDays, addMonths } from '../../shared/dates';
import type { Database } from '../db/schema';
import { kpiAttainment, periodRange } from '../kpi/attainment';
import type { ReadScope } from '../reads/scope';
import { percentOf } from './percent';

function tableRows(period: KpiPeriod): KpiBoardRow[] {
  return period.rows.map((r) => {
    const target = r.items.reduce((sum, i) => sum + i.target, 0);
    const done = r.items.reduce((sum, i) => sum + i.done, 0);
    return { ...r, target, done, attainment: percentOf(done, target) };
  });
}

export async function kpiBoard(
  db: Kysely<Database>,
  input: KpiBoardInput,
  scope: ReadScope,
): Promise<KpiBoard> {
  // "Today" comes with the scope: the clock kpiAttainment would ask is never needed.
  const today = { now: () => new Date(`${scope.today}T04:00:00Z`) };
  const [from] = periodRange(input.period, input.date ?? scope.today);
  const starts = Array.from({ length: input.trend }, (_, i) =>
    input.period === 'month' ? addMonths(from, -i) : addDays(from, -7 * i),
  ).reverse();
  const periods = [];
  for (const start of starts)
    periods.push(
      await kpiAttainment(db, today, scope.viewer, { period: input.period, date: start }),
    );
  const current = periods[periods.length - 1]!;
  return {
    period: current.period,
    from: current.from,
    to: current.to,
    workingDays: current.workingDays,
    scheduleKnown: current.scheduleKnown,
    rows: tableRows(current),
    trend: periods.map((p) => {
      const rows = tableRows(p);
      const target = rows.reduce((sum, r) => sum + r.target, 0);
      const done = rows.reduce((sum, r) => sum + r.done, 0);
      return {
        from: p.from,
        to: p.to,
        workingDays: p.workingDays,
        target,
        done,
        attainment: percentOf(done, target),
        people: rows.map((r) => ({ staffId: r.staffId, attainment: r.attainment })),
      };
    }),
  };
}
