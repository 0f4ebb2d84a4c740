/**
 * Replacement forecast: each fleet line with a known year is due for replacement `serviceLifeYears`
 * after it. Fleet lines know a year, not a month: a line falls due in January of its replacement
 * year, and a line already past it is due now (this month). Rows in the coming `months` months,
 * by month, biggest lines first; the viewer's accounts only. Reads only.
 */
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import type { ForecastResult } from '../../shared/schemas/value';
import type { Database } from '../db/schema';
import { getValueSettings } from './settings';

export async function replacementForecast(
  db: Kysely<Database>,
  clock: Clock,
  scope: number | null,
  months: number,
): Promise<ForecastResult> {
  const { serviceLifeYears } = await getValueSettings(db);
  const thisMonth = chinaDate(clock.now()).slice(0, 7);
  const [y, m] = thisMonth.split('-').map(Number) as [number, number];
  const endIndex = y * 12 + (m - 1) + months - 1;
  const lastYear = Math.floor(endIndex / 12);
  const lastMonth = `${lastYear}-${String((endIndex % 12) + 1).padStart(2, '0')}`;
  let q = db
    .selectFrom('account_fleet as l')
    .innerJoin('accounts as a', 'a.id', 'l.account_id')
    .leftJoin('account_facts as f', 'f.account_id', 'a.id')
    .select([
      'l.account_id',
      'a.name',
      'l.brand',
      'l.model',
      'l.year',
      'l.count',
      sql<number | null>`f.open_opportunities`.as('open_opportunities'),
    ])
    .where('l.year', 'is not', null)
    .where('l.count', '>', 0)
    .where(sql<boolean>`l.year + ${serviceLifeYears} <= ${lastYear}`);
  if (scope !== null)
    q = q.where(
      sql<boolean>`(a.owner_id = ${scope} or exists (select 1 from account_team_members m
        where m.account_id = a.id and m.staff_id = ${scope}))`,
    );
  const lines = await q
    .orderBy('l.year')
    .orderBy('l.count', 'desc')
    .orderBy('l.id')
    .limit(2000)
    .execute();
  const rows = lines
    .map((l) => {
      const due = `${l.year! + serviceLifeYears}-01`;
      return {
        month: due < thisMonth ? thisMonth : due,
        accountId: l.account_id,
        accountName: l.name,
        brand: l.brand,
        model: l.model,
        year: l.year!,
        count: l.count,
        openOpportunities: Number(l.open_opportunities ?? 0),
      };
    })
    .filter((r) => r.month <= lastMonth)
    .sort((a, b) => a.month.localeCompare(b.month) || b.count - a.count);
  return { serviceLifeYears, rows };
}
