/**
 * KPI attainment over a week or a month: each person's daily activity targets times China's working
 * days in the period (shared/working-days.ts), beside the activities they recorded in it.
 * Specialists see their own row; managers and admins everyone active who sells.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import { addDays, chinaDate, endOfMonth, startOfWeek } from '../../shared/dates';
import { ACTIVITY_TYPE_VALUES } from '../../shared/sales-enums';
import type { KpiPeriod } from '../../shared/schemas/activities';
import type { Staff } from '../../shared/schemas/staff';
import { scheduleKnown, workingDaysBetween } from '../../shared/working-days';
import { getKpiTargets, targetsOf } from '../activities/service';
import type { Database } from '../db/schema';
import { isManager } from '../session/session';

/** The first and last day of the week (Monday to Sunday) or month that holds `day`. */
export function periodRange(period: KpiPeriod['period'], day: string): [string, string] {
  if (period === 'month') return [`${day.slice(0, 7)}-01`, endOfMonth(day)];
  const monday = startOfWeek(day);
  return [monday, addDays(monday, 6)];
}

export async function kpiAttainment(
  db: Kysely<Database>,
  clock: Clock,
  viewer: Pick<Staff, 'id' | 'name' | 'role'>,
  input: { period: KpiPeriod['period']; date?: string | undefined },
): Promise<KpiPeriod> {
  const [from, to] = periodRange(input.period, input.date ?? chinaDate(clock.now()));
  const workingDays = workingDaysBetween(from, to).length;
  const people = isManager(viewer)
    ? await db
        .selectFrom('staff')
        .select(['id', 'name'])
        .where('active', '=', 1)
        .where('role', '!=', 'admin')
        .orderBy('id')
        .execute()
    : [{ id: viewer.id, name: viewer.name }];
  const counts = await db
    .selectFrom('activities')
    .select(['staff_id', 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('occurred_on', '>=', from)
    .where('occurred_on', '<=', to)
    .where(
      'staff_id',
      'in',
      people.map((p) => p.id),
    )
    .groupBy(['staff_id', 'type'])
    .execute();
  const done = new Map(counts.map((c) => [`${c.staff_id}:${c.type}`, Number(c.n)]));
  const targets = await getKpiTargets(db);
  return {
    period: input.period,
    from,
    to,
    workingDays,
    scheduleKnown: scheduleKnown(Number(from.slice(0, 4))) && scheduleKnown(Number(to.slice(0, 4))),
    rows: people.map((p) => {
      const daily = targetsOf(targets, p.id);
      return {
        staffId: p.id,
        name: p.name,
        items: ACTIVITY_TYPE_VALUES.map((type) => ({
          type,
          target: (daily[type] ?? 0) * workingDays,
          done: done.get(`${p.id}:${type}`) ?? 0,
        })).filter((item) => item.target > 0 || item.done > 0),
      };
    }),
  };
}
