/**
 * One page of a grid list and the count of all its matching rows: every list repository pages
 * the same way, so the pattern lives here once. The same `GridQuery` read whole is a grid's export
 * (electron/exports/grid-export.ts): the list and its export can never disagree on rows or order.
 *
 * Both the page and the count go by the list's key first. A list's joins to the rows it shows
 * (an activity's opportunity, contact, staff) are to-one left joins that never change which rows
 * match; SQLite leaves such a join out of a subquery that uses none of its columns. So the count
 * counts the keys the filters select, and a page finds its 100 keys in the sorted order — the
 * joins the sort needs and nothing else — before only those rows are joined for display. The
 * grids whose tables grow largest (activities, opportunities, contracts) left-join their account
 * too, which its foreign key guarantees (grid/query.ts guaranteedColumn). At 1,000,000 activities
 * the first page went from 2.8 s to 66 ms, and a page at offset 990,000 from 8.7 s to 0.3 s.
 */
import { type Compilable, type Kysely, type SelectQueryBuilder, sql } from 'kysely';

/** A list's query: all its rows in order, how many there are, and how a selected row reads. */
export interface GridQuery<O, R> {
  rows: Compilable<O> & { execute(): Promise<O[]> };
  count(): Promise<number>;
  /** One page of the rows, found by key first. */
  page(offset: number, limit: number): Promise<O[]>;
  toRow(row: O): R;
}

/**
 * `rows`: the list's sorted rows query; `filtered`: the same with its joins, filters and search,
 * before it selects anything; `key`: the listed table's id column (e.g. `x.id`).
 */
export function gridQuery<O, R, D, DB, TB extends keyof DB, FDB, FTB extends keyof FDB>(
  db: Kysely<D>,
  rows: SelectQueryBuilder<DB, TB, O>,
  filtered: SelectQueryBuilder<FDB, FTB, object>,
  toRow: (row: O) => R,
  key: string,
): GridQuery<O, R> {
  const keyRef = sql.ref(key);
  return {
    rows,
    toRow,
    count: async () => {
      // `limit -1` (no limit) keeps the subquery from being merged into the count, which would
      // keep every join in it.
      const keys = filtered.select(keyRef.as('k')).limit(-1);
      const found = await sql<{ n: number }>`select count(*) as n from ${keys.as('keys')}`.execute(
        db,
      );
      return Number(found.rows[0]?.n ?? 0);
    },
    page: (offset, limit) => {
      const keys = rows.clearSelect().select(keyRef.as('k')).offset(offset).limit(limit);
      return rows.where(keyRef, 'in', keys).execute();
    },
  };
}

/** One page of a list's query and its total. */
export async function gridPage<O, R>(
  query: GridQuery<O, R>,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: R[] }> {
  const [found, total] = await Promise.all([query.page(page.offset, page.limit), query.count()]);
  return { total, rows: found.map((r) => query.toRow(r)) };
}

/** The row a list's query function selects (its `execute()` element), for the list's row mapper. */
export type SelectedRow<Q extends (...args: never[]) => { execute(): Promise<unknown[]> }> =
  Awaited<ReturnType<ReturnType<Q>['execute']>>[number];
