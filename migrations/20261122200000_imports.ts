import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types
export async function up(db: Kysely<any>): Promise<void> {
  // Named column mappings, shared by the whole dealership: a colleague's file layout is everyone's.
  await db.schema
    .createTable('import_mappings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('columns', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('import_mappings_target_name', ['target', 'name'])
    .execute();

  // One dry run or commit and its per-row report. Reports are working data, not records: runs
  // older than a week are deleted at start-up.
  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('dryRun', 'commit')`))
    .addColumn('policy', 'text', (c) =>
      c.notNull().check(sql`policy in ('allOrNothing', 'validOnly')`),
    )
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sheet', 'text', (c) => c.notNull())
    // The header row of the file, as JSON: the rejected-rows workbook repeats it.
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('run_id', 'integer', (c) =>
      c.notNull().references('import_runs.id').onDelete('cascade'),
    )
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('create', 'update', 'unchanged', 'reject')`),
    )
    .addColumn('account_id', 'integer')
    .addColumn('name', 'text')
    .addColumn('uscc', 'text')
    // JSON arrays; null when empty (most rows), which keeps a million-row report small.
    .addColumn('reasons', 'text')
    .addColumn('warnings', 'text')
    .addColumn('changes', 'text')
    // The original cells of a rejected row, for the rejected-rows workbook.
    .addColumn('cells', 'text')
    .addPrimaryKeyConstraint('import_rows_pk', ['run_id', 'row'])
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema
    .createIndex('import_rows_outcome')
    .on('import_rows')
    .columns(['run_id', 'outcome', 'row'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_rows').execute();
  await db.schema.dropTable('import_runs').execute();
  await db.schema.dropTable('import_mappings').execute();
}
