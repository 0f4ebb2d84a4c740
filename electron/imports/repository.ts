/** Reads of import runs and their reports, and the saved column mappings (main connection). */
import { type Kysely, sql } from 'kysely';
import type {
  ImportReport,
  ImportTarget,
  ImportReportRow,
  ImportSummary,
  SavedMapping,
} from '../../shared/schemas/imports';
import { AppError } from '../../shared/result';
import type { Database } from '../db/schema';
import { type Clock, isoNow } from '../../shared/clock';

const KEEP_RUNS_DAYS = 7;

const parse = <T>(text: string | null, empty: T): T => (text ? (JSON.parse(text) as T) : empty);

/**
 * A run's report belongs to the person who ran the import (on a team server, a colleague's
 * rejected rows are theirs to see): someone else's run reads as gone.
 */
export async function requireOwnRun(
  db: Kysely<Database>,
  runId: number,
  actorId: number,
): Promise<{ summary: string }> {
  const run = await db
    .selectFrom('import_runs')
    .select(['summary', 'actor_id'])
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run || run.actor_id !== actorId)
    throw new AppError('NOT_FOUND', `no import run ${runId}`, { kind: 'run_gone' });
  return run;
}

export async function importReport(
  db: Kysely<Database>,
  actorId: number,
  q: {
    runId: number;
    outcome?: ImportReportRow['outcome'] | undefined;
    offset: number;
    limit: number;
  },
): Promise<ImportReport> {
  const run = await requireOwnRun(db, q.runId, actorId);
  let rows = db.selectFrom('import_rows').where('run_id', '=', q.runId);
  if (q.outcome) rows = rows.where('outcome', '=', q.outcome);
  const [page, count] = await Promise.all([
    rows
      .select([
        'row',
        'outcome',
        'account_id',
        'name',
        'uscc',
        'reasons',
        'warnings',
        'changes',
        'notices',
      ])
      .orderBy('row')
      .offset(q.offset)
      .limit(q.limit)
      .execute(),
    rows.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    summary: JSON.parse(run.summary) as ImportSummary,
    total: Number(count.n),
    rows: page.map((r) => ({
      row: r.row,
      outcome: r.outcome,
      accountId: r.account_id,
      name: r.name,
      uscc: r.uscc,
      reasons: parse(r.reasons, []),
      warnings: parse(r.warnings, []),
      changes: parse(r.changes, []),
      notices: parse(r.notices, []),
    })),
  };
}

/** Reports are working data: a week after the run they go (with their rows, by cascade). */
export async function sweepImportRuns(db: Kysely<Database>, clock: Clock): Promise<void> {
  const cutoff = new Date(clock.now().getTime() - KEEP_RUNS_DAYS * 86_400_000).toISOString();
  await db.deleteFrom('import_runs').where('finished_at', '<', cutoff).execute();
}

export async function listMappings(
  db: Kysely<Database>,
  target: ImportTarget,
): Promise<SavedMapping[]> {
  const rows = await db
    .selectFrom('import_mappings as m')
    .leftJoin('staff as s', 's.id', 'm.created_by')
    .select(['m.id', 'm.name', 'm.columns', 's.name as createdBy', 'm.updated_at'])
    .where('m.target', '=', target)
    .orderBy(sql`m.updated_at`, 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    target,
    name: r.name,
    columns: JSON.parse(r.columns) as SavedMapping['columns'],
    createdBy: r.createdBy,
    updatedAt: r.updated_at,
  }));
}

export async function saveMapping(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: { target: ImportTarget; name: string; columns: SavedMapping['columns'] },
): Promise<SavedMapping> {
  const now = isoNow(clock);
  await db
    .insertInto('import_mappings')
    .values({
      target: input.target,
      name: input.name,
      columns: JSON.stringify(input.columns),
      created_by: actorId,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['target', 'name']).doUpdateSet({
        columns: JSON.stringify(input.columns),
        created_by: actorId,
        updated_at: now,
      }),
    )
    .execute();
  const saved = (await listMappings(db, input.target)).find((m) => m.name === input.name);
  if (!saved) throw new AppError('INTERNAL', 'the mapping was not saved');
  return saved;
}

export async function deleteMapping(db: Kysely<Database>, id: number): Promise<void> {
  const r = await db.deleteFrom('import_mappings').where('id', '=', id).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0)
    throw new AppError('NOT_FOUND', `no saved mapping ${id}`, { kind: 'mapping_gone' });
}
