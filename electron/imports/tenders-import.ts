/**
 * The tender-list import job (worker thread). Rows with the same project number are one tender,
 * one row per lot. A new project number creates the tender (and its purchaser as a government
 * account when the registry does not have it); a known one is updated: changed dates become an
 * amendment (更正公告) with their old values, other details a correction, and award results are
 * recorded per lot — each through the same workflows as the UI, so every rule holds. Each tender
 * is written in a savepoint: under "valid rows only" a refused tender leaves nothing behind.
 *
 * The steps live in tenders-import/: reading a row (file-row.ts), finding the purchaser
 * (purchaser.ts, with its account lookups in store.ts), the file's lots and awards (lots.ts) and
 * applying one tender (apply-tender.ts). This file groups the rows, runs each tender in its
 * savepoint and writes the per-row report.
 */
import { AppError } from '../../shared/result';
import type { ImportOutcome, ImportReason } from '../../shared/schemas/imports';
import { joinTransaction } from '../db/tx';
import { cellAsText } from '../excel/read/cell-value';
import type { JobContext, JobFunction } from '../jobs/context';
import { getDealerSettings } from '../settings/dealer-settings';
import { projectKey } from '../tenders/record';
import { reason } from './account-row';
import type { ReportSpool } from './report-writer';
import {
  eachDataRow,
  emptyTally,
  type ImportParams,
  type PassResult,
  runImportJob,
  type Tally,
} from './run-import';
import { mappedColumns } from './sheet-rows';
import { applyTender, type Outcome } from './tenders-import/apply-tender';
import { type Field, type FileRow, lotKey, parseRow, text } from './tenders-import/file-row';

/** The file's rows by tender (project key), and the rows without a project number. */
interface Grouped {
  groups: Map<string, FileRow[]>;
  loose: FileRow[];
}

/** The outcome of rows that never reach a tender: each row's own reasons reject it. */
const NONE: Outcome = {
  outcome: 'reject',
  reasons: [],
  warnings: [],
  changes: [],
  tenderId: null,
  purchaserId: null,
  title: null,
};

/** An AppError from a workflow as import reasons (its field issues, else its kind). */
function reasonsOf(error: AppError): ImportReason[] {
  const details = (error.details ?? {}) as { fields?: { code: string }[]; kind?: string };
  if (Array.isArray(details.fields) && details.fields.length > 0)
    return details.fields.map((f) => reason(f.code, null, null, null));
  return [reason(details.kind ?? 'rule', null, error.message)];
}

/**
 * Reads the whole file, grouped by project number: a tender list is small (hundreds of rows), and
 * grouping needs every row of a tender first. A lot given twice for one tender is a reason.
 */
async function groupRows(
  ctx: JobContext<ImportParams>,
  report: ReportSpool,
  tally: Tally,
): Promise<Grouped> {
  const columns = mappedColumns<Field>(ctx.params.input);
  let headers: readonly string[] = [];
  const groups = new Map<string, FileRow[]>();
  const loose: FileRow[] = [];
  await eachDataRow(ctx, report, tally, (row, cells) => {
    if (headers.length === 0) headers = report.headers();
    const parsed = parseRow(cells, columns, headers);
    const fileRow: FileRow = { row, cells: cells.map(cellAsText), ...parsed };
    const no = parsed.values.projectNo;
    if (no === undefined) {
      if (!parsed.reasons.some((r) => r.field === 'projectNo'))
        parsed.reasons.push(reason('required', 'projectNo'));
      loose.push(fileRow);
      return;
    }
    const key = projectKey(String(no));
    const group = groups.get(key) ?? [];
    const twin = group.find((g) => lotKey(g.values) === lotKey(parsed.values));
    if (twin)
      parsed.reasons.push(
        reason('tender.lot_in_file_twice', 'lotNo', text(parsed.values, 'lotNo'), String(twin.row)),
      );
    group.push(fileRow);
    groups.set(key, group);
  });
  return { groups, loose };
}

/** The report lines of a tender's rows: the tender's changes go on its first row. */
function writeRows(report: ReportSpool, tally: Tally, rows: FileRow[], o: Outcome): void {
  for (const r of rows) {
    const reasons = [...r.reasons, ...(o.outcome === 'reject' ? o.reasons : [])];
    const outcome: ImportOutcome = reasons.length > 0 ? 'reject' : o.outcome;
    tally[outcome]++;
    const warnings = [...r.warnings, ...o.warnings];
    if (warnings.length > 0) tally.warned++;
    report.add({
      row: r.row,
      outcome,
      accountId: o.purchaserId,
      name: o.title ?? text(r.values, 'projectNo'),
      uscc: null,
      reasons,
      warnings,
      changes: r === rows[0] && outcome === 'update' ? o.changes : [],
      cells: outcome === 'reject' ? r.cells : null,
    });
  }
}

/**
 * One tender in its savepoint: a refused tender (a reject, or a workflow's AppError) is rolled
 * back and reported with its reasons; any other error ends the job.
 */
async function applyInSavepoint(
  ctx: JobContext<ImportParams>,
  rows: FileRow[],
  dealerName: string,
): Promise<Outcome> {
  ctx.sqlite.exec('savepoint tender_import');
  try {
    const outcome = await applyTender(ctx, rows, dealerName);
    if (outcome.outcome === 'reject') ctx.sqlite.exec('rollback to tender_import');
    ctx.sqlite.exec('release tender_import');
    return outcome;
  } catch (error) {
    // A full disk or an I/O error may have ended the whole transaction already: then there
    // is no savepoint left, and the storage error is what the job reports.
    if (!ctx.sqlite.inTransaction) throw error;
    ctx.sqlite.exec('rollback to tender_import');
    ctx.sqlite.exec('release tender_import');
    if (!(error instanceof AppError)) throw error;
    return { ...NONE, reasons: reasonsOf(error), title: String(rows[0]!.values.projectNo) };
  }
}

async function pass(ctx: JobContext<ImportParams>, report: ReportSpool): Promise<PassResult> {
  const tally = emptyTally();
  const { groups, loose } = await groupRows(ctx, report, tally);
  const { name: dealerName } = await getDealerSettings(ctx.db);
  writeRows(report, tally, loose, NONE);
  let done = 0;
  await joinTransaction(ctx.db, async () => {
    for (const rows of groups.values()) {
      ctx.checkCancelled();
      ctx.progress(++done, groups.size, 'tenders');
      if (rows.some((r) => r.reasons.length > 0)) writeRows(report, tally, rows, NONE);
      else writeRows(report, tally, rows, await applyInSavepoint(ctx, rows, dealerName));
    }
  });
  // Tender results came in by bulk statements: every account's facts, once.
  return { tally, audit: { tenders: groups.size }, facts: 'all' };
}

export const importTendersJob: JobFunction<ImportParams> = (ctx) =>
  runImportJob(ctx, 'tenders', (report) => pass(ctx, report));
