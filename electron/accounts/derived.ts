/**
 * The one writer of the accounts table's derived columns: how they follow from an account's own
 * fields and side rows, and every statement that stores them after a change.
 *
 * - name_norm (duplicate checks, an import's upsert by name) and name_sort (pinyin order) follow
 *   the name; account_aliases.alias_norm follows the alias.
 * - search_text (the quick search: name, USCC, aliases, contact names, pinyin initials),
 *   contact_count, fleet_total and subordinate_count follow the side rows.
 * - org_nature, while no person confirmed it, is the suggestion of shared/org-nature.ts.
 *
 * How the name keys and search text follow from the fields is accounts/search-columns.ts's (pure,
 * so that an import's reader thread can compute them ahead); storing them is this file's alone.
 *
 * Two ways in, one computation: the account workflows (kysely, inside their transaction) store
 * the name keys with the name (`nameColumns`) and call `refreshDerived` after any change to an
 * account or its side rows; the bulk paths (the import, the demo loader) use
 * `AccountDerivedStatements`, prepared once on the job's raw connection, whose `insert` computes
 * a new account's derived columns with the row, so a 100,000-row import pays no extra statement.
 *
 * The quick search's full-text index (`accounts_fts`, the search text as grams, see
 * shared/search-grams.ts) is kept in step in this file and nowhere else: every search_text
 * Keyfleet stores is written, with its index row, by `refreshDerived` (the workflows' only write
 * of it; a created account is inserted with an empty one, then refreshed) or by
 * `AccountDerivedStatements` (`insert`, `storeSearch`, `refreshContacts`); an account's deletion
 * drops its row through `dropFromSearch`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { AliasKind, Industry, OrgNature } from '../../shared/enums';
import { suggestOrgNature } from '../../shared/org-nature';
import { searchGrams } from '../../shared/search-grams';
import { normalizeOrgName } from '../../shared/text';
import { prepareInsert } from '../db/bulk';
import type { AccountRecord, Database } from '../db/schema';
import { nameSortKey } from './pinyin';
import { derivedSourceOf, writeDerived } from './repository';
import { deleteSearchIndex, writeSearchIndex } from './search';
import {
  type PreparedSearch,
  type SearchSource,
  searchColumns,
  searchColumnsOf,
} from './search-columns';

/** What the derived columns follow from, besides the account's own fields. */
export interface DerivedSource extends SearchSource {
  fleetTotal: number;
  subordinateCount: number;
}

type AccountNameColumns = Pick<AccountRecord, 'name_norm' | 'name_sort'>;
/** The columns a refresh rewrites: those that follow the side rows. */
type AccountRefreshed = Pick<
  AccountRecord,
  'search_text' | 'contact_count' | 'fleet_total' | 'subordinate_count'
>;
export type AccountDerived = AccountNameColumns & AccountRefreshed;

export function nameColumns(name: string): AccountNameColumns {
  return { name_norm: normalizeOrgName(name), name_sort: nameSortKey(name) };
}

/** account_aliases.alias_norm: what duplicate checks compare an alias by. */
export function aliasNorm(alias: string): string {
  return normalizeOrgName(alias);
}

/** Every derived column of an account, from its name, USCC and side rows. */
function derivedColumns(source: DerivedSource): AccountDerived {
  return {
    ...searchColumns(source),
    contact_count: source.contactNames.length,
    fleet_total: source.fleetTotal,
    subordinate_count: source.subordinateCount,
  };
}

/** The stored org_nature of an account nobody confirmed one for: Keyfleet's suggestion, or null. */
export function suggestedNature(org: {
  name: string;
  uscc: string | null;
  industry: Industry | null;
}): OrgNature | null {
  return suggestOrgNature(org)?.nature ?? null;
}

/** Rebuilds the quick-search text and counters of one account (workflows, inside their transaction). */
export async function refreshDerived(trx: Kysely<Database>, id: number): Promise<void> {
  const source = await derivedSourceOf(trx, id);
  if (!source) return;
  const { search_text, contact_count, fleet_total, subordinate_count } = derivedColumns(source);
  await writeDerived(trx, id, { search_text, contact_count, fleet_total, subordinate_count });
  await writeSearchIndex(trx, id, searchGrams(search_text));
}

/** Drops a deleted account from the quick search's index (in the deletion's transaction). */
export async function dropFromSearch(trx: Kysely<Database>, id: number): Promise<void> {
  await deleteSearchIndex(trx, id);
}

/** An account's own columns as a bulk path inserts it; the derived ones are computed by `insert`. */
type BulkAccount = Pick<
  AccountRecord,
  | 'name'
  | 'uscc'
  | 'buyer_type'
  | 'industry'
  | 'org_nature'
  | 'org_nature_confirmed'
  | 'province_code'
  | 'city_code'
  | 'district_code'
  | 'address'
  | 'parent_id'
  | 'grade'
  | 'value_type'
  | 'lifecycle'
  | 'source'
  | 'owner_id'
  | 'notes'
  | 'created_at'
  | 'updated_at'
  | 'created_by'
  | 'updated_by'
>;

/** FTS5's default: merge a level's segments once it holds this many. */
const FTS5_AUTOMERGE = 4;
/**
 * Index rows written at once past which FTS5's incremental merging is turned off until the
 * bulk path's last call: 100,000 accounts' rows went in 25% faster (2.0 → 1.5 s), and searches
 * were as fast afterwards (FTS5's crisis merges still bound the segments of each level).
 */
const UNMERGED_ROWS = 1000;

/**
 * The derived columns as the bulk paths write them: statements prepared once on a raw
 * connection, run per row inside the job's transaction.
 *
 * The full-text rows of inserted accounts are written together by `indexInserted`, not one per
 * insert: a run of FTS5 writes with nothing between them costs about half as much as the same
 * writes interleaved with the accounts' (2.9 s against 5.2 s for 100,000 imported accounts).
 * A bulk path calls it before its transaction ends; the rows it inserted are not found by the
 * quick search until it has.
 */
export class AccountDerivedStatements {
  private readonly insertAccount: BetterSqlite3.Statement;
  private readonly insertAliasRow: { run(values: unknown[]): number };
  private readonly ownFields: BetterSqlite3.Statement;
  private readonly aliasesOf: BetterSqlite3.Statement;
  private readonly contactNames: BetterSqlite3.Statement;
  private readonly setNames: BetterSqlite3.Statement;
  private readonly setContacts: BetterSqlite3.Statement;
  private readonly setSuggestedNature: BetterSqlite3.Statement;
  private readonly recount: BetterSqlite3.Statement;
  private readonly indexSearch: BetterSqlite3.Statement;
  private readonly indexRange: BetterSqlite3.Statement;
  /** Accounts inserted and not yet in the full-text index, as [first, last] id runs. */
  private readonly unindexed: [number, number][] = [];
  /** FTS5's incremental merging is off until the last call (`UNMERGED_ROWS`). */
  private unmerged = false;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    // Positional and written out: a 100,000-row import runs it per row (no object per row).
    this.insertAccount = sqlite.prepare(`
      insert into accounts (name, name_norm, name_sort, uscc, buyer_type, industry, org_nature,
        org_nature_confirmed, province_code, city_code, district_code, address, parent_id, grade,
        value_type, lifecycle, source, owner_id, notes, fleet_total, contact_count,
        subordinate_count, search_text, created_at, updated_at, created_by, updated_by)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertAliasRow = prepareInsert(sqlite, 'account_aliases', [
      'account_id',
      'alias',
      'alias_norm',
      'kind',
    ]);
    this.ownFields = sqlite.prepare('select name, uscc, address from accounts where id = ?');
    this.aliasesOf = sqlite
      .prepare('select alias from account_aliases where account_id = ? order by id')
      .pluck();
    this.contactNames = sqlite.prepare('select name from contacts where account_id = ?').pluck();
    this.setNames = sqlite.prepare(
      'update accounts set name_norm = ?, name_sort = ?, search_text = ? where id = ?',
    );
    this.setContacts = sqlite.prepare(
      'update accounts set contact_count = ?, search_text = ? where id = ?',
    );
    // A person's confirmed nature is never touched; a suggestion follows the facts it rests on.
    this.setSuggestedNature = sqlite.prepare(
      'update accounts set org_nature = ? where id = ? and org_nature_confirmed = 0',
    );
    this.indexSearch = sqlite.prepare(
      'insert or replace into accounts_fts (rowid, grams) values (?, ?)',
    );
    sqlite.function('search_grams', { deterministic: true }, (text: unknown) =>
      searchGrams(String(text ?? '')),
    );
    this.indexRange = sqlite.prepare(
      'insert into accounts_fts (rowid, grams) select id, search_grams(search_text) from accounts where id between ? and ?',
    );
    this.recount = sqlite.prepare(
      'update accounts set subordinate_count = (select count(*) from accounts c where c.parent_id = ?) where id = ?',
    );
  }

  /**
   * Inserts a new account with the derived columns of its own fields and side rows; its id.
   * `prepared`: search columns an import's reader thread computed, used if they are this row's.
   */
  insert(
    row: BulkAccount,
    side: Pick<DerivedSource, 'aliases' | 'contactNames' | 'fleetTotal' | 'subordinateCount'>,
    prepared?: PreparedSearch | null,
  ): number {
    const d = searchColumnsOf(
      {
        name: row.name,
        uscc: row.uscc,
        address: row.address,
        aliases: side.aliases,
        contactNames: side.contactNames,
      },
      prepared,
    );
    const id = Number(
      this.insertAccount.run(
        row.name,
        d.name_norm,
        d.name_sort,
        row.uscc,
        row.buyer_type,
        row.industry,
        row.org_nature,
        row.org_nature_confirmed,
        row.province_code,
        row.city_code,
        row.district_code,
        row.address,
        row.parent_id,
        row.grade,
        row.value_type,
        row.lifecycle,
        row.source,
        row.owner_id,
        row.notes,
        side.fleetTotal,
        side.contactNames.length,
        side.subordinateCount,
        d.search_text,
        row.created_at,
        row.updated_at,
        row.created_by,
        row.updated_by,
      ).lastInsertRowid,
    );
    const last = this.unindexed.at(-1);
    if (last && last[1] + 1 === id) last[1] = id;
    else this.unindexed.push([id, id]);
    return id;
  }

  /**
   * Writes the full-text rows of the accounts `insert` added since the last call — if there are
   * at least `minRows` (a bulk path with time to spare writes them early, in runs).
   */
  indexInserted(minRows = 0): void {
    const pending = this.unindexed.reduce((n, [first, last]) => n + last - first + 1, 0);
    if (pending > 0 && pending >= minRows) {
      if (pending >= UNMERGED_ROWS && !this.unmerged) {
        this.setAutomerge(0);
        this.unmerged = true;
      }
      for (const [first, last] of this.unindexed.splice(0)) this.indexRange.run(first, last);
    }
    if (minRows === 0 && this.unmerged) {
      this.setAutomerge(FTS5_AUTOMERGE);
      this.unmerged = false;
    }
  }

  private setAutomerge(value: number): void {
    // A literal: FTS5 wants an integer, and better-sqlite3 binds a number as a real.
    this.sqlite.exec(
      `insert into accounts_fts (accounts_fts, rank) values ('automerge', ${Math.trunc(value)})`,
    );
  }

  insertAlias(accountId: number, alias: string, kind: AliasKind): void {
    this.insertAliasRow.run([accountId, alias, aliasNorm(alias), kind]);
  }

  /** The search source of an account as stored now (its own fields, aliases and contacts). */
  private searchSource(id: number): SearchSource | null {
    const own = this.ownFields.get(id) as
      { name: string; uscc: string | null; address: string | null } | undefined;
    if (!own) return null;
    const aliases = this.aliasesOf.all(id) as string[];
    return { ...own, aliases, contactNames: this.contactNames.all(id) as string[] };
  }

  /**
   * After the name, USCC, address or aliases changed (and were stored): the name keys, the
   * quick-search text and its index row.
   */
  storeSearch(id: number): void {
    this.indexInserted(); // an earlier insert's row first, so this one replaces it
    const source = this.searchSource(id);
    if (!source) return;
    const d = searchColumns(source);
    this.setNames.run(d.name_norm, d.name_sort, d.search_text, id);
    this.indexSearch.run(id, searchGrams(d.search_text));
  }

  /** After contacts were added: the contact count and the quick-search text (it holds contact names). */
  refreshContacts(id: number): void {
    this.indexInserted();
    const source = this.searchSource(id);
    if (!source) return;
    const { search_text } = searchColumns(source);
    this.setContacts.run(source.contactNames.length, search_text, id);
    this.indexSearch.run(id, searchGrams(search_text));
  }

  /** Recounts the subordinate units of the given accounts after parents changed. */
  recountSubordinates(ids: Iterable<number>): void {
    for (const id of ids) this.recount.run(id, id);
  }

  /** After the name, USCC or industry changed: a suggested (unconfirmed) nature follows them. */
  resuggestNature(
    id: number,
    org: { name: string; uscc: string | null; industry: Industry | null },
  ): void {
    this.setSuggestedNature.run(suggestedNature(org), id);
  }
}
