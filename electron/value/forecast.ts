/**
 * Replacement forecast: each fleet line with a known year is due for replacement `serviceLifeYears`
 * after it. Fleet lines know a year, not a month: a line falls due in January of its replacement
 * year, and a line already past it is due now (this month). Over the coming `months` months: how
 * many lines and vehicles fall due each month and in all (counted in SQL, every line), and a page
 * of the lines by month, biggest first; the viewer's accounts only. A read of the read worker.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ForecastResult } from '../../shared/schemas/value';
import type { Database } from '../db/schema';
import { type ReadScope, teamOf } from '../reads/scope';
import { scopeCondition } from './pareto';
import { getValueSettings } from './settings';

export interface ForecastInput {
  months: number;
  offset: number;
  limit: number;
}

/** A month as a number (year × 12 + month − 1) and back, so SQL orders and groups on integers. */
const monthIndex = (yyyyMm: string) => {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};
export const monthOf = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

interface PageRecord {
  due: number;
  account_id: number;
  name: string;
  brand: string;
  model: string;
  year: number;
  count: number;
  open_opportunities: number | null;
}

/** The statements of the forecast: lines and vehicles by month, and a page of the lines. */
export function forecastQueries(
  input: ForecastInput,
  life: number,
  today: string,
  team: number | null,
): {
  months: RawBuilder<{ due: number; lines: number; units: number }>;
  page: RawBuilder<PageRecord>;
} {
  const now = monthIndex(today.slice(0, 7));
  const lastYear = Math.floor((now + input.months - 1) / 12);
  // The month a line falls due: January of its replacement year, or this month if that is past.
  const due = sql<number>`max((l.year + ${life}) * 12, ${now})`;
  const lines = sql`account_fleet l
    ${team === null ? sql`` : sql`join accounts a on a.id = l.account_id and ${scopeCondition(team)}`}
    where l.year is not null and l.year <= ${lastYear - life} and l.count > 0`;
  return {
    months: sql`select ${due} as due, count(*) as lines, sum(l.count) as units from ${lines}
      group by 1 order by 1`,
    page: sql`
      select p.due, l.account_id, a.name, l.brand, l.model, l.year, l.count, f.open_opportunities
      from (
        select l.id, ${due} as due from ${lines}
        order by 2, l.count desc, l.year, l.id limit ${input.limit} offset ${input.offset}
      ) p
      join account_fleet l on l.id = p.id
      join accounts a on a.id = l.account_id
      left join account_facts f on f.account_id = a.id
      order by p.due, l.count desc, l.year, l.id`,
  };
}

export async function replacementForecast(
  db: Kysely<Database>,
  input: ForecastInput,
  scope: ReadScope,
): Promise<ForecastResult> {
  const { serviceLifeYears: life } = await getValueSettings(db);
  const q = forecastQueries(input, life, scope.today, teamOf(scope));
  const { rows: months } = await q.months.execute(db);
  const { rows: page } = await q.page.execute(db);
  return {
    serviceLifeYears: life,
    months: months.map((m) => ({
      month: monthOf(Number(m.due)),
      lines: Number(m.lines),
      units: Number(m.units),
    })),
    lines: months.reduce((n, m) => n + Number(m.lines), 0),
    units: months.reduce((n, m) => n + Number(m.units), 0),
    rows: page.map((l) => ({
      month: monthOf(Number(l.due)),
      accountId: l.account_id,
      accountName: l.name,
      brand: l.brand,
      model: l.model,
      year: l.year,
      count: l.count,
      openOpportunities: Number(l.open_opportunities ?? 0),
    })),
  };
}
