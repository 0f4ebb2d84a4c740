/**
 * Report templates: which field fills which column under which header, and optionally the
 * manufacturer's own workbook to fill (kept in the document store by its hash). Reading an
 * uploaded template suggests the header row and the field of each header.
 */
import fs from 'node:fs';
import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { ReportField } from '../../shared/filing-enums';
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
import { DEFAULT_ZIP_LIMITS, inspectZip } from '../excel/read/zip-guard';
import { stagedFile } from '../imports/staging';
import { matchHeader } from './header-match';
import { type Clock, isoNow } from '../../shared/clock';

const PREVIEW_ROWS = 15;
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

/**
 * Opens a workbook after checking its zip (no bombs, not truncated, not encrypted). exceljs loads
 * here, on first use: the main process has no other need of it (its jobs run in workers), and
 * its ~8 MB of heap would lengthen every main-thread garbage collection.
 */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  inspectZip(file, { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: 512 * 1024 ** 2 });
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.readFile(file);
  } catch (error) {
    throw new AppError('VALIDATION', `the template cannot be read as .xlsx: ${String(error)}`, {
      kind: 'report.template_unreadable',
    });
  }
  return book;
}

function rowTexts(sheet: ExcelJS.Worksheet, rows: number): string[][] {
  const out: string[][] = [];
  const width = Math.min(sheet.columnCount, 100);
  for (let r = 1; r <= Math.min(rows, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(row.getCell(c).text.trim());
    out.push(cells);
  }
  return out;
}

function mergesOf(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.model as { merges?: string[] }).merges ?? [];
}

/** The header row is the early row whose cells name the most report fields. */
function suggest(sheet: ExcelJS.Worksheet): TemplateInspection['suggestion'] {
  const rows = rowTexts(sheet, PREVIEW_ROWS);
  let best = {
    row: 1,
    columns: [] as TemplateColumn[],
    unmatched: [] as { column: number; header: string }[],
  };
  rows.forEach((cells, i) => {
    const taken = new Set<ReportField>();
    const columns: TemplateColumn[] = [];
    const unmatched: { column: number; header: string }[] = [];
    let previous = '';
    cells.forEach((text, c) => {
      // A merged title repeats its text in every cell it spans: count it once.
      if (!text || text === previous) {
        previous = text;
        return;
      }
      previous = text;
      const field = matchHeader(text, taken);
      if (field) {
        taken.add(field);
        columns.push({ field, header: text.slice(0, 100), column: c + 1 });
      } else unmatched.push({ column: c + 1, header: text });
    });
    if (columns.length > best.columns.length) best = { row: i + 1, columns, unmatched };
  });
  return {
    sheetName: sheet.name,
    headerRow: best.row,
    firstDataRow: best.row + 1,
    columns: best.columns,
    unmatched: best.unmatched,
  };
}

export async function inspectTemplate(
  dataDir: string,
  fileId: string,
): Promise<TemplateInspection> {
  const staged = stagedFile(dataDir, fileId);
  const book = await loadWorkbook(staged.file);
  const sheets = book.worksheets.filter((s) => s.state !== 'hidden');
  if (sheets.length === 0)
    throw new AppError('VALIDATION', 'the workbook has no visible sheet', {
      kind: 'report.template_empty',
    });
  const inspected = sheets.map((s) => ({ sheet: s, suggestion: suggest(s) }));
  const pick = inspected.reduce((a, b) =>
    b.suggestion.columns.length > a.suggestion.columns.length ? b : a,
  );
  if (pick.suggestion.columns.length === 0)
    throw new AppError('VALIDATION', 'no header of the template names a known report field', {
      kind: 'report.no_headers',
    });
  return {
    fileName: staged.fileName,
    sheets: inspected.map(({ sheet }) => ({
      name: sheet.name,
      rows: rowTexts(sheet, PREVIEW_ROWS),
      merges: mergesOf(sheet),
    })),
    suggestion: pick.suggestion,
  };
}

async function checkSource(file: string, sheetName: string | null): Promise<string> {
  const book = await loadWorkbook(file);
  const sheet = sheetName ? book.getWorksheet(sheetName) : book.worksheets[0];
  if (!sheet)
    throw new AppError('VALIDATION', `the template has no sheet named ${sheetName ?? ''}`, {
      fields: [
        { path: 'sheetName', code: 'report.no_such_sheet', message: 'report.no_such_sheet' },
      ],
      kind: 'report.no_such_sheet',
    });
  return sheet.name;
}

export async function saveTemplate(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  actorId: number,
  input: TemplateInput,
): Promise<ReportTemplate> {
  const existing = input.id === null ? null : await mustGetTemplate(db, input.id);
  let source = input.keepSource ? (existing?.source ?? null) : null;
  if (input.sourceFileId) {
    const staged = stagedFile(dataDir, input.sourceFileId);
    if (fs.statSync(staged.file).size > MAX_TEMPLATE_BYTES)
      throw new AppError('VALIDATION', 'a template may be at most 20 MB', {
        kind: 'report.template_too_large',
      });
    await checkSource(staged.file, input.sheetName);
    const kept = await keepFile(dataDir, staged.file);
    source = { fileName: staged.fileName, sha256: kept.sha256 };
  }
  const sheetName = source
    ? await checkSource(blobPath(dataDir, source.sha256), input.sheetName)
    : null;
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
