import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

/**
 * Import reports say what a row left alone and where a value came from (a person's note kept, a
 * region taken from the USCC): a JSON array of reason codes and parameters per row, null when
 * there are none (most rows).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_rows').addColumn('notices', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('import_rows').dropColumn('notices').execute();
}
