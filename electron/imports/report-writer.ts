/**
 * Writes a run's per-row report (import_rows) and its summary (import_runs) on the job's raw
 * connection, inside the job's transaction: a cancelled run leaves no report either.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type {
  ImportChange,
  ImportOutcome,
  ImportReason,
  ImportSummary,
} from '../../shared/schemas/imports';

export interface ReportRow {
  row: number;
  outcome: ImportOutcome;
  accountId: number | null;
  name: string | null;
  uscc: string | null;
  reasons: ImportReason[];
  warnings: ImportReason[];
  changes: ImportChange[];
  /** The original cells, kept for rejected rows (the rejected-rows workbook repeats them). */
  cells: string[] | null;
}

type Counts = Omit<ImportSummary, 'runId' | 'mode' | 'policy' | 'finishedAt'>;

const json = (list: readonly unknown[] | null) =>
  list && list.length > 0 ? JSON.stringify(list) : null;

export class ImportReportWriter {
  readonly runId: number;
  private headers: string[] = [];
  private readonly insert: BetterSqlite3.Statement;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly run: {
      mode: ImportSummary['mode'];
      policy: ImportSummary['policy'];
      fileName: string;
      sheet: string;
      actorId: number | null;
    },
  ) {
    this.runId = Number(
      sqlite
        .prepare(
          `insert into import_runs (target, mode, policy, file_name, sheet, headers, summary, actor_id, finished_at)
           values ('accounts', ?, ?, ?, ?, '[]', '{}', ?, ?)`,
        )
        .run(run.mode, run.policy, run.fileName, run.sheet, run.actorId, new Date().toISOString())
        .lastInsertRowid,
    );
    this.insert = sqlite.prepare(
      `insert into import_rows (run_id, row, outcome, account_id, name, uscc, reasons, warnings, changes, cells)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  setHeaders(headers: string[]): void {
    this.headers = headers;
  }

  add(r: ReportRow): void {
    this.insert.run(
      this.runId,
      r.row,
      r.outcome,
      r.accountId,
      r.name,
      r.uscc,
      json(r.reasons),
      json(r.warnings),
      json(r.changes),
      r.cells ? JSON.stringify(r.cells) : null,
    );
  }

  /** Adds a warning found after the row was reported; true if it is the row's first. */
  addWarning(row: number, warning: ImportReason): boolean {
    const current = this.sqlite
      .prepare('select warnings from import_rows where run_id = ? and row = ?')
      .pluck()
      .get(this.runId, row) as string | null | undefined;
    const list = current ? (JSON.parse(current) as ImportReason[]) : [];
    this.sqlite
      .prepare('update import_rows set warnings = ? where run_id = ? and row = ?')
      .run(JSON.stringify([...list, warning]), this.runId, row);
    return list.length === 0;
  }

  finish(counts: Counts): ImportSummary {
    const summary: ImportSummary = {
      runId: this.runId,
      mode: this.run.mode,
      policy: this.run.policy,
      ...counts,
      finishedAt: new Date().toISOString(),
    };
    this.sqlite
      .prepare('update import_runs set headers = ?, summary = ?, finished_at = ? where id = ?')
      .run(JSON.stringify(this.headers), JSON.stringify(summary), summary.finishedAt, this.runId);
    return summary;
  }
}
