/**
 * Each opportunity's stage path: a bit per stage of the process it has ever entered (the open
 * stages in process order — interest, brewing, design, comparison, commitment, in_use — then won;
 * lost and abandoned have none), kept by electron/opportunities/stage-path.ts. The pipeline's
 * stage conversion reads it from one column per opportunity, covered by an index with the close
 * date, instead of grouping every opportunity's stage history (170 ms at 100,000 opportunities);
 * the history index that grouping used goes.
 */
import { type Kysely, sql } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

const PATH = ['interest', 'brewing', 'design', 'comparison', 'commitment', 'in_use', 'won'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('opportunities')
    .addColumn('stage_path', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The bits are distinct powers of two: the sum of the distinct ones is their union.
  const bit = sql.join(
    PATH.map((stage, i) => sql`when ${stage} then ${2 ** i}`),
    sql` `,
  );
  await sql`update opportunities set stage_path = coalesce((
      select sum(distinct case h.to_stage ${bit} else 0 end)
      from opportunity_stages h where h.opportunity_id = opportunities.id), 0)`.execute(db);
  await db.schema
    .createIndex('opportunities_close_path')
    .on('opportunities')
    .columns(['expected_close_on', 'stage_path'])
    .execute();
  await db.schema.dropIndex('opportunity_stages_path').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('opportunity_stages_path')
    .on('opportunity_stages')
    .columns(['opportunity_id', 'to_stage'])
    .execute();
  await db.schema.dropIndex('opportunities_close_path').execute();
  await db.schema.alterTable('opportunities').dropColumn('stage_path').execute();
}
