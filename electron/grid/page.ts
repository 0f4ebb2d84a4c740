/**
 * One page of a grid list and the count of all its matching rows, read side by side: every list
 * repository pages the same way (the sorted rows query cut by offset/limit, the filtered query
 * counted), so the pattern lives here once. The same `GridQuery` read whole is a grid's export
 * (electron/exports/grid-export.ts): the list and its export can never disagree on rows or order.
 */
import { type Compilable, type SelectQueryBuilder, sql } from 'kysely';

/** The sorted rows query of a list (a kysely select). */
interface Pageable<O> {
  offset(n: number): { limit(n: number): { execute(): Promise<O[]> } };
}

/** A list's query: all its rows in order, how many there are, and how a selected row reads. */
export interface GridQuery<O, R> {
  rows: Pageable<O> & Compilable<O>;
  count(): Promise<number>;
  toRow(row: O): R;
}

/** `filtered`: the list's query with its joins, filters and search, before it selects anything. */
export function gridQuery<O, R, DB, TB extends keyof DB>(
  rows: Pageable<O> & Compilable<O>,
  filtered: SelectQueryBuilder<DB, TB, object>,
  toRow: (row: O) => R,
): GridQuery<O, R> {
  return {
    rows,
    toRow,
    count: async () => {
      const found = await filtered
        // `count(*)`, as kysely's countAll() writes it.
        .select(sql<number>`count(*)`.as('n'))
        // The one column just selected; kysely cannot name it over a generic table set.
        .$castTo<{ n: number }>()
        .executeTakeFirstOrThrow();
      return Number(found.n);
    },
  };
}

/** One page of a list's query and its total. */
export async function gridPage<O, R>(
  query: GridQuery<O, R>,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: R[] }> {
  const [found, total] = await Promise.all([
    query.rows.offset(page.offset).limit(page.limit).execute(),
    query.count(),
  ]);
  return { total, rows: found.map((r) => query.toRow(r)) };
}

/** The row a list's query function selects (its `execute()` element), for the list's row mapper. */
export type SelectedRow<Q extends (...args: never[]) => { execute(): Promise<unknown[]> }> =
  Awaited<ReturnType<ReturnType<Q>['execute']>>[number];
