/**
 * The accounts' quick search, as a condition on `accounts as a`. It finds the rows whose search
 * text holds the term (accounts/derived.ts writes both the text and its index) along one of three
 * paths that find the same rows, chosen by how many match (the count comes first):
 *
 * - `index`: the full-text index (`accounts_fts`, shared/search-grams.ts) gives the matching ids,
 *   which are fetched and sorted — the way for a term few accounts hold;
 * - `walk`: the accounts are walked in name order along their index, each id tested against the
 *   index's answer — for thousands of matches, none of them sorted;
 * - `scan`: the accounts are read in name order and their text tested — when most match and the
 *   page is near the top (有限公司 matches six accounts in ten: 100 are found in ~170 rows).
 */
import { type Kysely, sql } from 'kysely';
import { gramsQuery } from '../../shared/search-grams';
import { searchKey } from '../../shared/text';
import type { Database } from '../db/schema';
import { containsPattern } from '../grid/query';
import type { AccountLookupInput, AccountRef } from '../../shared/schemas/accounts';
import type { ReadFunction } from '../reads/registry';

/** A path by name, or the ids the index has already given (`fewMatches`). */
export type SearchPath = 'index' | 'walk' | 'scan' | { ids: readonly number[] };

/** Rows a scan may read (each a table row and a LIKE) before walking the index is cheaper. */
const SCAN_ROWS = 2_000;
/** Matches the index path may fetch and sort before walking in name order is cheaper. */
const SORT_ROWS = 2_000;

/** The quick-search key of what the user typed, or '' for no search. */
export function quickSearchKey(search: string | undefined): string {
  return search ? searchKey(search) : '';
}

/** The condition on `a` that keeps the accounts whose search text holds `key` (not empty). */
export function searchCondition(key: string, path: SearchPath) {
  if (path === 'scan') return sql<boolean>`a.search_text like ${containsPattern(key)} escape '\\'`;
  if (typeof path === 'object')
    return sql<boolean>`a.id in (select value from json_each(${JSON.stringify(path.ids)}))`;
  const ids = sql`(select rowid from accounts_fts where accounts_fts match ${gramsQuery(key)})`;
  // `+a.id`: the ids only test rows (SQLite may not fetch by them), so the name order is walked.
  return path === 'walk' ? sql<boolean>`+a.id in ${ids}` : sql<boolean>`a.id in ${ids}`;
}

/**
 * How far the grid's quick search counts: to the next multiple of 10,000 past the page's end. An
 * exact count of a term most accounts hold reads every match (有限公司: 62,725 of 100,000 accounts,
 * 6 ms of a 9 ms search); "10,000+" tells the user as much, and the pager still goes on.
 */
export const COUNT_STEP = 10_000;

/** The most a search shown down to row `end` counts: more than `end`, a multiple of `step`. */
export function countBound(end: number, step = COUNT_STEP): number {
  return (Math.floor(end / step) + 1) * step;
}

/**
 * How many accounts the term finds, from the index alone (a search without other filters): all
 * of them, or one more than `bound` when more than that match.
 */
export async function countMatches(
  db: Kysely<Database>,
  key: string,
  bound = Number.MAX_SAFE_INTEGER - 1,
): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from (select rowid from accounts_fts
      where accounts_fts match ${gramsQuery(key)} limit ${bound + 1})`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/** Matches few enough to fetch their ids once for both the count and the page. */
export const FEW_ROWS = 500;

/**
 * The ids of the accounts the term finds when few do (`FEW_ROWS`), else null: such a term is
 * then looked up once for its count and its page. A rare part of a USCC reads the long doclists
 * of its common grams (02, 66): 0.3 ms at 100,000 accounts each time.
 */
export async function fewMatches(db: Kysely<Database>, key: string): Promise<number[] | null> {
  const r = await sql<{ id: number }>`select rowid as id from accounts_fts
      where accounts_fts match ${gramsQuery(key)} limit ${FEW_ROWS + 1}`.execute(db);
  return r.rows.length > FEW_ROWS ? null : r.rows.map((row) => row.id);
}

/**
 * The cheaper path to a page of `matches` rows (known from the count) ending at row `end`, read in
 * name order (`inNameOrder`; any other order sorts what the index finds): a scan reads about
 * end × accounts / matches rows before it has them.
 */
export async function pagePath(
  db: Kysely<Database>,
  matches: number,
  end: number,
  inNameOrder: boolean,
): Promise<SearchPath> {
  if (!inNameOrder || matches === 0) return 'index';
  const top = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  if ((end * Number(top?.id ?? 0)) / matches <= SCAN_ROWS) return 'scan';
  return matches <= SORT_ROWS ? 'index' : 'walk';
}

/**
 * The path for a short list in name order without a count (the account picker): the index when
 * fewer than a sort's worth of accounts match, else a scan or a walk in name order, which then
 * find their rows early.
 */
export async function lookupPath(
  db: Kysely<Database>,
  key: string,
  limit: number,
): Promise<SearchPath> {
  const cap = SORT_ROWS;
  const r = await sql<{ n: number }>`select count(*) as n from (select rowid from accounts_fts
      where accounts_fts match ${gramsQuery(key)} limit ${cap})`.execute(db);
  const matches = Number(r.rows[0]?.n ?? 0);
  // At least `cap` match (maybe many more): scanning or walking in name order finds them soon.
  return matches < cap ? 'index' : pagePath(db, matches, limit, true);
}

/** The account picker: the first `limit` accounts in name order whose search text holds `q`. */
export async function lookupAccounts(
  db: Kysely<Database>,
  q: string,
  limit: number,
  excludeId: number | null,
) {
  let query = db.selectFrom('accounts as a').select(['a.id', 'a.name', 'a.uscc']);
  const key = quickSearchKey(q);
  if (key) query = query.where(searchCondition(key, await lookupPath(db, key, limit)));
  if (excludeId !== null) query = query.where('a.id', '!=', excludeId);
  return query.orderBy('a.name_sort').orderBy('a.id').limit(limit).execute();
}

/** `accounts.lookup` as the read worker runs it (every account is pickable, whoever asks). */
export const accountLookupRead: ReadFunction<AccountLookupInput, AccountRef[]> = (
  db,
  { q, limit, excludeId },
) => lookupAccounts(db, q, limit, excludeId);

/** An account's row in the index (its grams, shared/search-grams.ts), replacing the old one. */
export async function writeSearchIndex(
  trx: Kysely<Database>,
  id: number,
  grams: string,
): Promise<void> {
  await sql`insert or replace into accounts_fts (rowid, grams) values (${id}, ${grams})`.execute(
    trx,
  );
}

export async function deleteSearchIndex(trx: Kysely<Database>, id: number): Promise<void> {
  await sql`delete from accounts_fts where rowid = ${id}`.execute(trx);
}
