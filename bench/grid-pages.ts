/**
 * Deep pages of the largest grids on the dashboards' store (1,000,000 activities, 200,000
 * opportunities): `activities.list` (on the read worker) at the first, middle and last page and
 * `opportunities.list` at its last, through dispatch, against the same key-first page SQL and a
 * plain count on raw better-sqlite3 — the same 100 ids and total checked. Each line names the
 * longest main-thread block while Keyfleet answered; a last line holds them to 50 ms.
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

/** The SQL of one page as grid/page.ts reads it: the sorted keys first, then their rows. */
function keyFirstSql(rows: unknown, key: string, offset: number, limit: number) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any grid's rows query
  const q = rows as SelectQueryBuilder<any, any, unknown>;
  const keys = q.clearSelect().select(sql.ref(key).as('k')).offset(offset).limit(limit);
  return q.where(sql.ref(key), 'in', keys).compile();
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
    const compiled = keyFirstSql(whole, 'x.id', offset, 100);
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
      name: `activities.list page at offset ${offset} of ${activities} (by day, newest first) via dispatch + read worker vs the same key-first SQL and a count on raw better-sqlite3 (${scale}) — longest main-thread block ${line.maxBlock.toFixed(0)} ms`,
      value: line.keyfleet,
      unit: 'ms',
      baseline: line.raw,
      ratio: line.keyfleet / line.raw,
      target: { ratio: 1.5 },
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
