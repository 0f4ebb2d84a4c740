/**
 * One page of the accounts grid and its count. The page is found by id first — the view's
 * filters, search and sort over the accounts alone, skipping `offset` of them — and only its
 * rows are joined to their facts, parent and owner: joining every skipped row made a page at
 * offset 50,000 take 200 ms. A quick search picks its path by the count (accounts/search.ts),
 * which stops at a bound.
 */
import { type Kysely, sql } from 'kysely';
import type { AccountColumn, AccountListQuery, AccountPage } from '../../shared/schemas/accounts';
import type { ListQuery } from '../../shared/list';
import type { Database } from '../db/schema';
import { applySort } from '../grid/query';
import { type AccountViewQuery, baseQuery, countView, sortedRowsQuery, toRow } from './repository';
import { SORT_COLUMNS, usesFacts } from './view-columns';
import {
  COUNT_STEP,
  countBound,
  FEW_ROWS,
  fewMatches,
  pagePath,
  quickSearchKey,
  type SearchPath,
} from './search';
import { teamOf } from '../reads/scope';
import type { ReadFunction } from '../reads/registry';

/** The ids of one page of the view, in its order (the joins its sort needs, nothing else). */
function pageIds(
  db: Kysely<Database>,
  query: AccountViewQuery & { offset: number; limit: number },
  path: SearchPath,
) {
  let q = baseQuery(db, query, path, usesFacts(query));
  const sorts = new Set(query.sort.map((s) => s.field));
  if (sorts.has('ownerId')) q = q.leftJoin('staff as o', 'o.id', 'a.owner_id') as typeof q;
  if (sorts.has('parentName') && !query.filters.some((f) => f.field === 'parentName'))
    q = q.leftJoin('accounts as p', 'p.id', 'a.parent_id') as typeof q;
  return applySort(q, SORT_COLUMNS, query.sort, sql.ref('a.id'))
    .select('a.id')
    .offset(query.offset)
    .limit(query.limit);
}

/** A page of accounts; a quick search's count is bounded (`countStep`, accounts/search.ts). */
export async function listAccounts(
  db: Kysely<Database>,
  query: ListQuery<AccountColumn> & Pick<AccountViewQuery, 'valueClass' | 'valueScope'>,
  countStep = COUNT_STEP,
): Promise<AccountPage> {
  const { total, capped, path } = await countAndPath(db, query, countStep);
  if (total === 0) return { total, rows: [] };
  const ids = pageIds(db, query, path);
  const rows = await sortedRowsQuery(db, {
    filters: [],
    sort: query.sort,
    valueScope: query.valueScope,
  })
    .where('a.id', 'in', ids)
    .execute();
  return capped ? { total, capped, rows: rows.map(toRow) } : { total, rows: rows.map(toRow) };
}

/** The view's count (a search's stops at a bound) and the path its page is found along. */
async function countAndPath(
  db: Kysely<Database>,
  query: ListQuery<AccountColumn> & Pick<AccountViewQuery, 'valueClass'>,
  countStep: number,
): Promise<{ total: number; capped: boolean; path: SearchPath }> {
  const key = quickSearchKey(query.search);
  if (!key) return { total: await countView(db, query), capped: false, path: 'index' };
  const end = query.offset + query.limit;
  // Name (or no) order: a quick search may walk or read the rows in that order.
  const first = query.sort[0]?.field;
  const inNameOrder = first === undefined || first === 'name';
  const bound = countBound(end, countStep);
  // A search alone for a term few accounts hold: its ids are both the count and the page's rows.
  const alone = query.filters.length === 0 && !query.valueClass;
  const ids = alone && bound > FEW_ROWS ? await fewMatches(db, key) : null;
  if (ids) {
    const path = await pagePath(db, ids.length, end, inNameOrder);
    return { total: ids.length, capped: false, path: path === 'index' ? { ids } : path };
  }
  const counted = await countView(db, query, bound);
  const total = Math.min(counted, bound);
  const path = total === 0 ? 'index' : await pagePath(db, total, end, inNameOrder);
  return { total, capped: counted > bound, path };
}

/** `accounts.list` as the read worker runs it: the viewer's value facts are their team's. */
export const accountListRead: ReadFunction<AccountListQuery, AccountPage> = (db, query, scope) =>
  listAccounts(db, { ...query, valueScope: teamOf(scope) });
