/**
 * Account teams (seed 003's KA service team): besides its owner (主销售, accounts.owner_id) an
 * account may have co-owners (副销售), who see and work on its records like the owner. A row per
 * co-owner; the owner is never listed here. Deleting the account deletes its team.
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_team_members')
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'integer', (c) => c.references('staff.id'))
    .addPrimaryKeyConstraint('account_team_members_pk', ['account_id', 'staff_id'])
    .execute();
  // "Which accounts is this person on the team of": every team-filtered list asks it.
  await db.schema
    .createIndex('account_team_members_staff')
    .on('account_team_members')
    .columns(['staff_id', 'account_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_team_members').execute();
}
