/**
 * One page of a grid list and the count of all its matching rows, read side by side: every list
 * repository pages the same way (the sorted rows query cut by offset/limit, the filtered query
 * counted), so the pattern lives here once.
 */
import { type SelectQueryBuilder, sql } from 'kysely';

/** The sorted rows query of a list (a kysely select). */
interface Pageable<O> {
  offset(n: number): { limit(n: number): { execute(): Promise<O[]> } };
}

/** `filtered`: the list's query with its joins, filters and search, before it selects anything. */
export async function pageWithTotal<O, R, DB, TB extends keyof DB>(
  rows: Pageable<O>,
  filtered: SelectQueryBuilder<DB, TB, object>,
  page: { offset: number; limit: number },
  toRow: (row: O) => R,
): Promise<{ total: number; rows: R[] }> {
  const [found, count] = await Promise.all([
    rows.offset(page.offset).limit(page.limit).execute(),
    // `count(*)`, as kysely's countAll() writes it.
    filtered
      .select(sql<number>`count(*)`.as('n'))
      // The one column just selected; kysely cannot name it over a generic table set.
      .$castTo<{ n: number }>()
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows: found.map(toRow) };
}

/** The row a list's query function selects (its `execute()` element), for the list's row mapper. */
export type SelectedRow<Q extends (...args: never[]) => { execute(): Promise<unknown[]> }> =
  Awaited<ReturnType<ReturnType<Q>['execute']>>[number];
