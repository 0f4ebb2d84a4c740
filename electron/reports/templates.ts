/**
 * Report templates: which field fills which column under which header, and optionally the
 * manufacturer's own workbook to fill (kept in the document store by its hash). Reading an
 * uploaded template suggests the header row and the field of each header; the workbooks are
 * read in the read worker (template-workbook.ts).
 */
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/result';
import type {
  ReportTemplate,
  TemplateColumn,
  TemplateInput,
  TemplateInspection,
} from '../../shared/schemas/reports';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { blobPath, keepFile } from '../documents/store';
import { stagedFile } from '../imports/staging';
import type { ReadWorker } from '../reads/read-worker';
import type { ReadScope } from '../reads/scope';
import { type Clock, isoNow } from '../../shared/clock';

const MAX_TEMPLATE_BYTES = 20 * 1024 ** 2;

type TemplateRecord = Awaited<ReturnType<typeof templateRecords>>[number];
function templateRecords(db: Kysely<Database>) {
  return db
    .selectFrom('report_templates')
    .selectAll()
    .orderBy('built_in', 'desc')
    .orderBy('name')
    .execute();
}

function toTemplate(r: TemplateRecord): ReportTemplate {
  return {
    id: r.id,
    name: r.name,
    granularity: r.granularity,
    sheetName: r.sheet_name,
    headerRow: r.header_row,
    firstDataRow: r.first_data_row,
    columns: JSON.parse(r.columns_json) as TemplateColumn[],
    builtIn: r.built_in === 1,
    source:
      r.source_sha256 && r.source_file_name
        ? { fileName: r.source_file_name, sha256: r.source_sha256 }
        : null,
    updatedAt: r.updated_at,
  };
}

export async function listTemplates(db: Kysely<Database>): Promise<ReportTemplate[]> {
  return (await templateRecords(db)).map(toTemplate);
}

export async function mustGetTemplate(db: Kysely<Database>, id: number): Promise<ReportTemplate> {
  const r = await db
    .selectFrom('report_templates')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', `report template #${id} does not exist`);
  return toTemplate(r);
}

/** Where a template's workbook is read: the read worker, as the asking user. */
export interface WorkbookReader {
  reads: ReadWorker;
  scope: ReadScope;
}

/** An uploaded workbook's sheets and the header row it suggests (nothing is stored). */
export async function inspectTemplate(
  { reads, scope }: WorkbookReader,
  dataDir: string,
  fileId: string,
): Promise<TemplateInspection> {
  const { file, fileName } = stagedFile(dataDir, fileId);
  return reads.run('reports.inspectTemplate', { file, fileName }, scope);
}

export async function saveTemplate(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  { reads, scope }: WorkbookReader,
  actorId: number,
  input: TemplateInput,
): Promise<ReportTemplate> {
  const sheetOf = (file: string) =>
    reads.run('reports.templateSheet', { file, sheetName: input.sheetName }, scope);
  const existing = input.id === null ? null : await mustGetTemplate(db, input.id);
  let source = input.keepSource ? (existing?.source ?? null) : null;
  if (input.sourceFileId) {
    const staged = stagedFile(dataDir, input.sourceFileId);
    if (fs.statSync(staged.file).size > MAX_TEMPLATE_BYTES)
      throw new AppError('VALIDATION', 'a template may be at most 20 MB', {
        kind: 'report.template_too_large',
      });
    await sheetOf(staged.file);
    const kept = await keepFile(dataDir, staged.file);
    source = { fileName: staged.fileName, sha256: kept.sha256 };
  }
  const sheetName = source ? await sheetOf(blobPath(dataDir, source.sha256)) : null;
  const values = {
    name: input.name,
    granularity: input.granularity,
    sheet_name: sheetName,
    header_row: input.headerRow,
    first_data_row: input.firstDataRow,
    columns_json: JSON.stringify(input.columns),
    source_file_name: source?.fileName ?? null,
    source_sha256: source?.sha256 ?? null,
    updated_at: isoNow(clock),
    updated_by: actorId,
  };
  const id = await writeTx(db, async (trx) => {
    const clash = await trx
      .selectFrom('report_templates')
      .select('id')
      .where('name', '=', input.name)
      .executeTakeFirst();
    if (clash && clash.id !== input.id)
      throw new AppError('CONFLICT', `a template named ${input.name} exists`, {
        fields: [{ path: 'name', code: 'report.name_taken', message: 'report.name_taken' }],
        kind: 'report.name_taken',
      });
    const saved =
      input.id === null
        ? await trx
            .insertInto('report_templates')
            .values(values)
            .returning('id')
            .executeTakeFirstOrThrow()
        : await trx
            .updateTable('report_templates')
            .set(values)
            .where('id', '=', input.id)
            .returning('id')
            .executeTakeFirstOrThrow();
    await appendAudit(trx, clock, {
      actorId,
      entity: 'report_template',
      entityId: saved.id,
      action: input.id === null ? 'reports.createTemplate' : 'reports.updateTemplate',
      before: existing ?? undefined,
      after: { ...input, source },
    });
    return saved.id;
  });
  return mustGetTemplate(db, id);
}

export async function deleteTemplate(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
): Promise<void> {
  const t = await mustGetTemplate(db, id);
  if (t.builtIn)
    throw new AppError('POLICY', 'the built-in template can be changed but not removed', {
      kind: 'report.built_in',
    });
  await writeTx(db, async (trx) => {
    await trx.deleteFrom('report_templates').where('id', '=', id).execute();
    await appendAudit(trx, clock, {
      actorId,
      entity: 'report_template',
      entityId: id,
      action: 'reports.deleteTemplate',
      before: t,
    });
  });
}
