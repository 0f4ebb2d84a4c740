/**
 * Indexes for the manager's dashboards (issue 15), each covering its read so that it is answered
 * from the index alone, without a table lookup per opportunity:
 * - the pipeline matrix groups the opportunities closing in a period by stage, owner and month and
 *   sums their amounts (expected close first: the period is a range of it);
 * - ageing counts the open stages' opportunities by the day their stage changed;
 * - conversion reads each opportunity's stage history;
 * - the KPI tables count each person's activities by type over a week or month: the index by
 *   person and day gains the type (and replaces the one without it, whose every use it serves).
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('opportunities_pipeline')
    .on('opportunities')
    .columns(['expected_close_on', 'stage', 'owner_id', 'amount_fen'])
    .execute();
  await db.schema
    .createIndex('opportunities_stage_changed')
    .on('opportunities')
    .columns(['stage', 'stage_changed_at'])
    .execute();
  await db.schema
    .createIndex('opportunity_stages_path')
    .on('opportunity_stages')
    .columns(['opportunity_id', 'to_stage'])
    .execute();
  await db.schema
    .createIndex('activities_staff_day_type')
    .on('activities')
    .columns(['staff_id', 'occurred_on', 'type'])
    .execute();
  await db.schema.dropIndex('activities_staff_day').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('activities_staff_day')
    .on('activities')
    .columns(['staff_id', 'occurred_on'])
    .execute();
  await db.schema.dropIndex('activities_staff_day_type').execute();
  await db.schema.dropIndex('opportunity_stages_path').execute();
  await db.schema.dropIndex('opportunities_stage_changed').execute();
  await db.schema.dropIndex('opportunities_pipeline').execute();
}
