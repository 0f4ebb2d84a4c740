/**
 * The incentive after a filing is submitted: the manufacturer's verdict on the filing (approved,
 * partially approved or rejected with a reason code and note), the incentive amount approved, and
 * the payments of it received. The verdict sits on the filing (one at a time; a corrected verdict
 * replaces it and the audit log keeps each); payments are rows of their own. Codes only, no words.
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

const VERDICT_COLUMNS = [
  'oem_verdict',
  'oem_verdict_on',
  'oem_reason',
  'oem_note',
  'approved_fen',
  'verdict_at',
  'verdict_by',
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const filings = () => db.schema.alterTable('filings');
  await filings().addColumn('oem_verdict', 'text').execute();
  await filings().addColumn('oem_verdict_on', 'text').execute();
  await filings().addColumn('oem_reason', 'text').execute();
  await filings().addColumn('oem_note', 'text').execute();
  await filings().addColumn('approved_fen', 'integer').execute();
  await filings().addColumn('verdict_at', 'text').execute();
  // No foreign key: SQLite cannot drop a column that has one (down).
  await filings().addColumn('verdict_by', 'integer').execute();
  // The incentive totals take submitted filings by their submission time.
  await db.schema
    .createIndex('filings_submitted_at')
    .on('filings')
    .columns(['submitted_at'])
    .execute();

  await db.schema
    .createTable('filing_payments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('filing_id', 'integer', (c) => c.notNull().references('filings.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('over_reason', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('staff.id'))
    .execute();
  await db.schema
    .createIndex('filing_payments_filing')
    .on('filing_payments')
    .columns(['filing_id', 'received_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('filing_payments').execute();
  await db.schema.dropIndex('filings_submitted_at').execute();
  for (const column of [...VERDICT_COLUMNS].reverse())
    await db.schema.alterTable('filings').dropColumn(column).execute();
}
