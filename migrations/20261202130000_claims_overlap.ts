/**
 * Internal overlaps of claims: two of our own staff's claims on one organisation are no longer a
 * manufacturer's conflict (撞单, ranked between dealers) but an overlap a manager settles. The claims
 * service keeps `overlap_since` (when the second of them was filed); existing claims that were put
 * "in conflict" only by a colleague are reconciled, audited, by the claims sweep at start, through
 * the same rules as new ones (they cannot be re-derived here without today's conflict rules).
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('claims').addColumn('overlap_since', 'text').execute();
  await db.schema
    .createIndex('claims_overlap')
    .on('claims')
    .column('overlap_since')
    .where('overlap_since', 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claims_overlap').execute();
  await db.schema.alterTable('claims').dropColumn('overlap_since').execute();
}
