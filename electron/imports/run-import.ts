/**
 * What every import job shares, whatever it imports into: opening the sheet and walking its data
 * rows with progress and cancel checks, the created-rows register, and the transaction shell —
 * one transaction for the whole pass, kept for a commit, rolled back for a dry run (or for
 * all-or-nothing with a rejected row), the report written after either.
 */
import type { ImportTarget } from '../../shared/schemas/imports';
import { AppError } from '../../shared/result';
import { bulkAuditAppender } from '../audit/audit';
import type { NormalCell } from '../excel/read/cell-value';
import type { JobContext } from '../jobs/context';
import { type RunCounts, ReportSpool } from './report-writer';
import type { BackupRotation } from '../../shared/schemas/backups';
import { takeBackup } from '../backups/take';
import { refreshAccountFactsInRanges, refreshAllAccountFacts } from '../value/facts';
import { type SheetParams, sheetRows } from './sheet-rows';

/**
 * Before an import commits, a verified backup of the database: one step back if the file was the
 * wrong one. No good backup, no commit (STORAGE: nothing was imported).
 */
async function backUpBeforeCommit(ctx: JobContext<ImportParams>): Promise<void> {
  const backup = ctx.params.backup;
  if (!backup || ctx.params.input.mode !== 'commit') return;
  const entry = await takeBackup(ctx.sqlite, {
    dir: backup.dir,
    kind: 'before_import',
    at: new Date(backup.at),
    nativeBinding: backup.nativeBinding,
    ...(backup.rotation ? { rotation: backup.rotation } : {}),
    progress: () => ctx.checkCancelled(),
  });
  if (entry.verified !== 'ok')
    throw new AppError('IO', `the backup before the import failed its check (${entry.reason})`, {
      kind: 'backup_before_import',
      reason: entry.reason,
    });
}

export interface ImportParams extends SheetParams {
  /** Where the backup taken before a commit goes (an online copy of the database, not documents). */
  backup?: {
    dir: string;
    at: string;
    rotation?: BackupRotation;
    nativeBinding?: string | undefined;
  };
}

const PROGRESS_EVERY = 500;

export type Tally = Pick<
  RunCounts,
  'total' | 'create' | 'update' | 'unchanged' | 'reject' | 'warned'
>;

export function emptyTally(): Tally {
  return { total: 0, create: 0, update: 0, unchanged: 0, reject: 0, warned: 0 };
}

/**
 * Counts the rows a pass reads into `tally`, reporting progress and noticing a cancel every few
 * hundred rows.
 */
export function rowCounter(ctx: JobContext<ImportParams>, tally: Tally) {
  let expected = 0;
  return {
    start(rows: number) {
      expected = rows;
      ctx.progress(0, rows);
    },
    counted() {
      tally.total++;
      if (tally.total % PROGRESS_EVERY !== 0) return;
      ctx.checkCancelled();
      // A CSV does not say how many rows it has: total 0 tells the UI to show rows read instead.
      ctx.progress(tally.total, expected > 0 ? Math.max(expected, tally.total) : 0);
    },
  };
}

/**
 * Calls `onRow` for every data row below the header row (empty rows skipped), reporting progress
 * and noticing a cancel every few hundred rows.
 */
export async function eachDataRow(
  ctx: JobContext<ImportParams>,
  report: ReportSpool,
  tally: Tally,
  onRow: (row: number, cells: NormalCell[]) => void,
): Promise<void> {
  const counter = rowCounter(ctx, tally);
  for await (const event of sheetRows(ctx.params)) {
    if (event.kind === 'start') counter.start(event.expected);
    else if (event.kind === 'header') report.setHeaders(event.texts);
    else {
      counter.counted();
      onRow(event.row, event.cells);
    }
  }
}

/**
 * Ids created by this run with the file row of each, in creation order (ids ascend): 8 bytes a
 * row rather than a Map entry, so a million-row import stays small. Also the [first, last] runs
 * of ids, by which the import's audit entry records what it created.
 */
export class CreatedRows {
  private readonly runs: [number, number][] = [];
  private ids = new Int32Array(1024);
  private rows = new Int32Array(1024);
  private count = 0;

  add(id: number, row: number): void {
    const last = this.runs[this.runs.length - 1];
    if (last && last[1] + 1 === id) last[1] = id;
    else this.runs.push([id, id]);
    if (this.count === this.ids.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids);
      this.rows = grow(this.rows);
    }
    this.ids[this.count] = id;
    this.rows[this.count++] = row;
  }

  /** The file row that created `id`, or null if this run did not create it. */
  rowOf(id: number): number | null {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.ids[mid]!;
      if (at === id) return this.rows[mid]!;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return null;
  }

  list(): [number, number][] {
    return this.runs;
  }
}

export interface PassResult {
  tally: Tally;
  /** What the import's own audit entry records beyond the counts (e.g. created ids). */
  audit: Record<string, unknown>;
  /**
   * Whose value facts (value/facts.ts) the pass's bulk statements changed: every account's, or
   * those of the accounts in these id ranges; none when absent.
   */
  facts?: 'all' | readonly (readonly [number, number])[];
}

/**
 * The page cache of an import's connection (the job's alone), KiB. A large import's transaction
 * outgrows any cache, and SQLite spills its dirty pages to the WAL as it goes: at 100,000 rows a
 * 64 MiB cache was no faster than this one and held ~50 MB more at the peak.
 */
export const IMPORT_CACHE_KIB = 16_384;

export async function runImportJob(
  ctx: JobContext<ImportParams>,
  target: ImportTarget,
  pass: (report: ReportSpool) => Promise<PassResult>,
) {
  const { input, fileName } = ctx.params;
  ctx.sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  const report = new ReportSpool();
  const facts = {
    target,
    mode: input.mode,
    policy: input.policy,
    fileName,
    sheet: input.sheet,
    actorId: ctx.actorId,
  };
  try {
    await backUpBeforeCommit(ctx);
    ctx.sqlite.exec('begin immediate');
    try {
      if (input.mode === 'commit') report.writeAlong(ctx.sqlite, facts, ctx.clock);
      const { tally, audit, facts: factsOf } = await pass(report);
      const counts = { fileName, sheet: input.sheet, ...tally };
      const committed =
        input.mode === 'commit' && (tally.reject === 0 || input.policy === 'validOnly');
      if (committed) {
        // The facts the pass's bulk statements changed, once.
        if (factsOf === 'all') await refreshAllAccountFacts(ctx.db);
        else if (factsOf) await refreshAccountFactsInRanges(ctx.db, factsOf);
        const summary = await report.write(ctx.sqlite, ctx.clock, facts, { ...counts, committed });
        bulkAuditAppender(ctx.sqlite, { clock: ctx.clock })({
          actorId: ctx.actorId,
          entity: 'import',
          entityId: summary.runId,
          action: `import.${target}`,
          after: {
            fileName,
            sheet: input.sheet,
            policy: input.policy,
            created: summary.create,
            updated: summary.update,
            unchanged: summary.unchanged,
            rejected: summary.reject,
            ...audit,
          },
        });
        ctx.checkCancelled();
        ctx.sqlite.exec('commit');
        return { result: summary };
      }
      // A dry run, or all-or-nothing with a rejected row: nothing written stays but the report.
      ctx.sqlite.exec('rollback');
      ctx.sqlite.exec('begin immediate');
      const summary = await report.write(ctx.sqlite, ctx.clock, facts, { ...counts, committed });
      ctx.sqlite.exec('commit');
      return { result: summary };
    } catch (error) {
      if (ctx.sqlite.inTransaction) ctx.sqlite.exec('rollback');
      throw error;
    }
  } finally {
    report.dispose();
  }
}
