/**
 * Deep pages of the largest grids on the dashboards' store (1,000,000 activities, 200,000
 * opportunities): `activities.list` (on the read worker) at the first, middle and last page and
 * `opportunities.list` at its last, through dispatch, against key-first page SQL written by hand
 * (from the nearer end) and a plain count on raw better-sqlite3 — the same 100 ids and total
 * checked. Each line names the longest main-thread block while Keyfleet answered; a last line holds
 * them to 50 ms.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { activityGridQuery } from '../electron/activities/service';
import type { Database } from '../electron/db/schema';
import type { Input, MethodName, Output } from '../shared/api';
import { measure, same } from './dashboards';
import type { BenchResult } from './harness';
import { loadAverage } from './job-start';

type Api = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;

/**
 * The SQL of one page of activities by day (newest first), as one would write it by hand: the
 * sorted keys first — from the nearer end of the list — then their rows.
 */
function keyFirstSql(rows: unknown, offset: number, limit: number, total: number) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the grid's rows query
  const q = rows as SelectQueryBuilder<any, any, unknown>;
  const id = sql.ref('x.id');
  const keys =
    offset > total / 2
      ? q
          .clearSelect()
          .clearOrderBy()
          .orderBy(sql.ref('x.occurred_on'), 'asc')
          .orderBy(id, 'desc')
          .select(id.as('k'))
          .offset(Math.max(0, total - offset - limit))
          .limit(Math.min(limit, total - offset))
      : q.clearSelect().select(id.as('k')).offset(offset).limit(limit);
  return q.where(id, 'in', keys).compile();
}

export async function benchGridPages(
  db: Kysely<Database>,
  raw: BetterSqlite3.Database,
  api: Api,
  scale: string,
  results: BenchResult[],
): Promise<void> {
  const blocks: number[] = [];
  const total = raw.prepare('select count(*) from activities').pluck();
  const sort = [{ field: 'occurredOn' as const, desc: true }];
  const whole = activityGridQuery(db, { filters: [], sort, teamOf: null }).rows;
  const activities = total.get() as number;
  for (const offset of [0, Math.floor(activities / 2), activities - 100]) {
    const compiled = keyFirstSql(whole, offset, 100, activities);
    const page = raw.prepare(compiled.sql);
    const rawPage = () => ({
      ids: (page.all(...compiled.parameters) as { id: number }[]).map((r) => r.id),
      total: total.get(),
    });
    const keyfleet = async () => {
      const r = await api('activities.list', { offset, limit: 100, sort, filters: [] });
      return { ids: r.rows.map((row) => row.id), total: r.total };
    };
    same(`activities.list at ${offset}`, await keyfleet(), rawPage());
    const line = await measure(keyfleet, rawPage);
    blocks.push(line.maxBlock);
    results.push({
      name: `activities.list page at offset ${offset} of ${activities} (by day, newest first) via dispatch + read worker vs key-first SQL (from the nearer end) and a count on raw better-sqlite3 (${scale}) — longest main-thread block ${line.maxBlock.toFixed(0)} ms`,
      value: line.keyfleet,
      unit: 'ms',
      baseline: line.raw,
      ratio: line.keyfleet / line.raw,
      // A read on the read worker, as the dashboards' (their ≤ 300 ms); a ratio on a 2 ms page
      // would measure the worker's message round trip.
      target: { max: 300 },
      loadAverage: loadAverage(),
      cpu: line.cpu,
    });
  }

  // The opportunities grid stays on the main thread: bounded by construction.
  const opportunities = raw.prepare('select count(*) from opportunities').pluck().get() as number;
  const offset = opportunities - 100;
  const rawIds = raw.prepare('select id from opportunities order by id limit 100 offset ?').pluck();
  const rawOpportunities = () => ({ ids: rawIds.all(offset), total: opportunities });
  const keyfleet = async () => {
    const r = await api('opportunities.list', { offset, limit: 100, sort: [], filters: [] });
    return { ids: r.rows.map((row) => row.id), total: r.total };
  };
  same('opportunities.list, last page', await keyfleet(), rawOpportunities());
  const line = await measure(keyfleet, rawOpportunities);
  blocks.push(line.maxBlock);
  results.push(
    {
      name: `opportunities.list last page (offset ${offset} of ${opportunities}, every column) via dispatch vs its ids and count on raw better-sqlite3 (${scale}) — longest main-thread block ${line.maxBlock.toFixed(0)} ms`,
      value: line.keyfleet,
      unit: 'ms',
      baseline: line.raw,
      ratio: line.keyfleet / line.raw,
      target: { max: 50 },
      loadAverage: loadAverage(),
      cpu: line.cpu,
    },
    {
      name: `deep grid pages (${scale}): the main thread's longest block over every round above`,
      value: Math.max(...blocks),
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: { max: 50 },
      loadAverage: loadAverage(),
    },
  );
}
