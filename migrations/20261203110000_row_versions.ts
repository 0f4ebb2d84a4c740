import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

/**
 * Row versions for the records people edit in forms (issue 12, working at the same time): every
 * update carries the version the user saw and a stale one is refused, naming who changed the row
 * and when — so tables without `updated_by` get it too. Plain ADD COLUMNs, portable as they are.
 */
const VERSIONED = [
  'accounts',
  'contacts',
  'opportunities',
  'tenders',
  'contracts',
  'claims',
  'filings',
  'activities',
] as const;

/** Tables that recorded when but not who. */
const WITHOUT_UPDATED_BY = ['contacts', 'filings', 'activities'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of VERSIONED)
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  for (const table of WITHOUT_UPDATED_BY)
    await db.schema
      .alterTable(table)
      .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of WITHOUT_UPDATED_BY)
    await db.schema.alterTable(table).dropColumn('updated_by').execute();
  for (const table of VERSIONED) await db.schema.alterTable(table).dropColumn('version').execute();
}
