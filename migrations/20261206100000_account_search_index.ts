/**
 * The accounts' quick search gets a full-text index (issue 16): `accounts_fts`, an FTS5 table
 * without content of its own (rowid = account id) holding each account's search text as
 * two-character grams (shared/search-grams.ts), kept by electron/accounts/derived.ts. A LIKE over
 * every search text took 270–400 ms at 100,000 accounts; the index answers the same rows in
 * milliseconds. The search text now also holds the address (the search box always said it
 * searched addresses): it is appended here as derived.ts appends it, then every row is indexed.
 */
import { type Kysely, sql } from 'kysely';
import { searchGrams } from '../shared/search-grams';
import { searchKey } from '../shared/text';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

export async function up(db: Kysely<any>): Promise<void> {
  // `ascii`: every non-ASCII character belongs to a token; prefix index for one-character terms.
  await sql`create virtual table accounts_fts using fts5(grams, content='', contentless_delete=1,
    tokenize='ascii', prefix='1')`.execute(db);
  const rows = (
    await sql<{ id: number; search_text: string; address: string | null }>`
    select id, search_text, address from accounts`.execute(db)
  ).rows;
  for (const row of rows) {
    const address = row.address ? searchKey(row.address) : '';
    const text = address ? `${row.search_text}\n${address}` : row.search_text;
    if (address)
      await sql`update accounts set search_text = ${text} where id = ${row.id}`.execute(db);
    await sql`insert into accounts_fts (rowid, grams) values (${row.id}, ${searchGrams(text)})`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table accounts_fts`.execute(db);
  // The search texts go back to what they held before: without the address line, which up (and
  // the app since) appended last.
  const rows = (
    await sql<{ id: number; search_text: string; address: string }>`
    select id, search_text, address from accounts where address is not null`.execute(db)
  ).rows;
  for (const row of rows) {
    const line = searchKey(row.address);
    if (!line || !row.search_text.endsWith(`\n${line}`)) continue;
    const text = row.search_text.slice(0, -(line.length + 1));
    await sql`update accounts set search_text = ${text} where id = ${row.id}`.execute(db);
  }
}
