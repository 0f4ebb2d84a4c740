/**
 * "Reviewed this week" (seed 003: each rep checks each account card at least weekly): one row per
 * review of a card — who, when (UTC instant) and the China week it counts for (its Monday), so
 * "this week's reviews" and "an owner's cards not reviewed this week" are index lookups. Deleting
 * the account deletes its reviews; the audit log keeps that they happened.
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('week_start', 'text', (c) => c.notNull())
    .execute();
  // The card's "last reviewed" and "this week by …".
  await db.schema
    .createIndex('account_reviews_account')
    .on('account_reviews')
    .columns(['account_id', 'reviewed_at'])
    .execute();
  // One review per person, card and week: the weekly list asks "has this person reviewed it".
  await db.schema
    .createIndex('account_reviews_staff_week')
    .on('account_reviews')
    .columns(['staff_id', 'week_start', 'account_id'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_reviews').execute();
}
