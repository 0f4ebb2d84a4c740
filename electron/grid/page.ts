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
 * the first page went from 2.8 s to 5 ms, and the last from 8.7 s to 8 ms.
 */
import {
  AliasNode,
  type Compilable,
  type Kysely,
  type OperationNode,
  RawNode,
  type SelectQueryBuilder,
  sql,
  TableNode,
} from 'kysely';

/** A list's query: all its rows in order, how many there are, and how a selected row reads. */
export interface GridQuery<O, R> {
  rows: Compilable<O> & { execute(): Promise<O[]> };
  count(): Promise<number>;
  /** One page of the rows, found by key first (`total`: the count, to page from the nearer end). */
  page(offset: number, limit: number, total: number): Promise<O[]>;
  toRow(row: O): R;
}

/**
 * The table a list reads when nothing narrows it — no filter, search or scope, only left joins —
 * or null. Such a list is counted on its table alone, which SQLite answers from its smallest
 * index (1,000,000 activities: 2 ms, against 60 ms for counting the keys).
 */
function wholeTable(filtered: SelectQueryBuilder<never, never, unknown>): string | null {
  const node = filtered.toOperationNode();
  if (node.where || node.joins?.some((j) => j.joinType !== 'LeftJoin')) return null;
  const from = node.from?.froms.length === 1 ? node.from.froms[0]! : undefined;
  const table = from && AliasNode.is(from) ? from.node : from;
  return table && TableNode.is(table) ? table.table.identifier.name : null;
}

/**
 * `rows` in exactly the opposite order, or null: every sort key's direction turned (the last key
 * is the list's unique key, so the order is total and its reverse exact; NULLs, first when
 * ascending and last when descending, follow).
 */
function reversed<Q extends SelectQueryBuilder<never, never, unknown>>(rows: Q): Q | null {
  const items = rows.toOperationNode().orderBy?.items ?? [];
  if (items.length === 0) return null;
  let reverse = rows.clearOrderBy() as Q;
  for (const item of items) {
    const direction = directionOf(item.direction);
    if (item.nulls || item.collation || direction === null) return null;
    const expression = sql`${{ toOperationNode: () => item.orderBy }}`;
    reverse = reverse.orderBy(expression, direction === 'desc' ? 'asc' : 'desc') as Q;
  }
  return reverse;
}

function directionOf(node: OperationNode | undefined): 'asc' | 'desc' | null {
  if (!node) return 'asc';
  if (!RawNode.is(node)) return null;
  const word = node.sqlFragments.join('').trim().toLowerCase();
  return word === 'asc' || word === 'desc' ? word : null;
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
      const table = wholeTable(filtered);
      // `limit -1` (no limit) keeps the subquery from being merged into the count, which would
      // keep every join in it.
      const counted = table
        ? sql.table(table)
        : filtered.select(keyRef.as('k')).limit(-1).as('keys');
      const found = await sql<{ n: number }>`select count(*) as n from ${counted}`.execute(db);
      return Number(found.rows[0]?.n ?? 0);
    },
    page: (offset, limit, total) => {
      // In the far half of a long list its keys are found from the other end: the last page of
      // 1,000,000 activities skips 0 keys instead of 999,900.
      const back = offset > total / 2 ? reversed(rows) : null;
      const keys = back
        ? back
            .clearSelect()
            .select(keyRef.as('k'))
            .offset(Math.max(0, total - offset - limit))
            .limit(Math.max(0, Math.min(limit, total - offset)))
        : rows.clearSelect().select(keyRef.as('k')).offset(offset).limit(limit);
      return rows.where(keyRef, 'in', keys).execute();
    },
  };
}

/** One page of a list's query and its total. */
export async function gridPage<O, R>(
  query: GridQuery<O, R>,
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: R[] }> {
  const total = await query.count();
  const found = await query.page(page.offset, page.limit, total);
  return { total, rows: found.map((r) => query.toRow(r)) };
}

/** The row a list's query function selects (its `execute()` element), for the list's row mapper. */
export type SelectedRow<Q extends (...args: never[]) => { execute(): Promise<unknown[]> }> =
  Awaited<ReturnType<ReturnType<Q>['execute']>>[number];
