import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

/**
 * Staff records are edited by several people on a team server (the person, a manager, the admin):
 * a row version and who/when wrote it last, so a stale edit is refused with who changed it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('staff').addColumn('updated_by', 'integer').execute();
  await db.schema.alterTable('staff').addColumn('updated_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['updated_at', 'updated_by', 'version'])
    await db.schema.alterTable('staff').dropColumn(column).execute();
}
