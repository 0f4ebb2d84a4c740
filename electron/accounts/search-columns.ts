/**
 * How an account's name keys and quick-search text follow from its own fields: pure, so that an
 * import's reader thread can compute them ahead of the thread that writes (`accountRowPreparer`,
 * imports/account-row.ts).
 * accounts/derived.ts is still the one writer of these columns: it stores what this computes,
 * and takes a precomputed value only for the very fields it was computed from.
 */
import { normalizeOrgName, searchKey } from '../../shared/text';
import type { AccountRecord } from '../db/schema';
import { nameKeys } from './pinyin';

/** What the name keys and the quick-search text follow from. */
export interface SearchSource {
  name: string;
  uscc: string | null;
  address: string | null;
  aliases: readonly string[];
  contactNames: readonly string[];
}

export type SearchColumns = Pick<AccountRecord, 'name_norm' | 'name_sort' | 'search_text'>;

/** Search columns computed ahead, with the fields they were computed from. */
export interface PreparedSearch {
  source: SearchSource;
  columns: SearchColumns;
}

/** The quick-search text: one line each (the address last, as its migration appended it). */
function buildSearchText(source: SearchSource, initials: readonly string[]): string {
  return [
    source.name,
    source.uscc ?? '',
    ...source.aliases,
    ...source.contactNames,
    ...initials,
    source.address ?? '',
  ]
    .map(searchKey)
    .filter(Boolean)
    .join('\n');
}

/** The name keys and quick-search text of an account (one pinyin pass a name). */
export function searchColumns(source: SearchSource): SearchColumns {
  const keys = nameKeys(source.name);
  return {
    name_norm: normalizeOrgName(source.name),
    name_sort: keys.sort,
    search_text: buildSearchText(source, [
      keys.initials,
      ...source.aliases.map((a) => nameKeys(a).initials),
    ]),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** `prepared`'s columns when they were computed from exactly `source`; else computed now. */
export function searchColumnsOf(
  source: SearchSource,
  prepared: PreparedSearch | null | undefined,
): SearchColumns {
  const p = prepared?.source;
  const same =
    p !== undefined &&
    p.name === source.name &&
    p.uscc === source.uscc &&
    p.address === source.address &&
    sameList(p.aliases, source.aliases) &&
    sameList(p.contactNames, source.contactNames);
  return same ? prepared!.columns : searchColumns(source);
}
