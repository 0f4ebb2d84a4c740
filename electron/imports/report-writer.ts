/**
 * A run's per-row report. Rows are spooled to a temporary file while the pass runs (in the data
 * transaction, which a dry run rolls back), then written to import_rows with the run's summary
 * in a transaction of their own — after the commit, or after the rollback of a dry run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type BetterSqlite3 from 'better-sqlite3';
import type {
  ImportChange,
  ImportOutcome,
  ImportReason,
  ImportSummary,
} from '../../shared/schemas/imports';
import { type Clock, isoNow } from '../../shared/clock';

export interface ReportRow {
  row: number;
  outcome: ImportOutcome;
  accountId: number | null;
  name: string | null;
  uscc: string | null;
  reasons: ImportReason[];
  warnings: ImportReason[];
  changes: ImportChange[];
  /** What the row left alone or where a value came from (a person's note kept …); none by default. */
  notices?: ImportReason[];
  /** The original cells, kept for rejected rows (the rejected-rows workbook repeats them). */
  cells: string[] | null;
}

export type RunCounts = Omit<ImportSummary, 'runId' | 'target' | 'mode' | 'policy' | 'finishedAt'>;

interface RunFacts {
  target: ImportSummary['target'];
  mode: ImportSummary['mode'];
  policy: ImportSummary['policy'];
  fileName: string;
  sheet: string;
  actorId: number | null;
}

const FLUSH_CHARS = 1 << 20;

/** Report rows per insert statement: one statement of 64 rows costs about half of 64 statements. */
const ROWS_PER_INSERT = 64;
const REPORT_COLUMNS = 11;

const insertRows = (sqlite: BetterSqlite3.Database, rows: number) =>
  sqlite.prepare(
    `insert into import_rows (run_id, row, outcome, account_id, name, uscc, reasons, warnings, changes, cells, notices)
     values ${Array<string>(rows)
       .fill(`(${Array<string>(REPORT_COLUMNS).fill('?').join(', ')})`)
       .join(', ')}`,
  );

const json = (list: readonly unknown[] | null) =>
  list && list.length > 0 ? JSON.stringify(list) : null;

export class ReportSpool {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-import-'));
  private readonly file = path.join(this.dir, 'rows.ndjson');
  private readonly fd = fs.openSync(this.file, 'w');
  private buffer = '';
  private columnHeaders: string[] = [];
  /** Warnings found after a row was spooled (parents are linked last). */
  private readonly late = new Map<number, ImportReason[]>();

  /** The file's header row, as the rejected-rows workbook and money-unit detection read it. */
  headers(): readonly string[] {
    return this.columnHeaders;
  }

  setHeaders(headers: string[]): void {
    this.columnHeaders = headers;
  }

  add(r: ReportRow): void {
    this.buffer +=
      JSON.stringify([
        r.row,
        r.outcome,
        r.accountId,
        r.name,
        r.uscc,
        json(r.reasons),
        json(r.warnings),
        json(r.changes),
        r.cells ? JSON.stringify(r.cells) : null,
        json(r.notices ?? null),
      ]) + '\n';
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
  }

  addWarning(row: number, warning: ImportReason): void {
    this.late.set(row, [...(this.late.get(row) ?? []), warning]);
  }

  private flush(): void {
    if (this.buffer) fs.writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  /** Writes the run and its rows (call inside a transaction) and returns the summary. */
  async write(
    sqlite: BetterSqlite3.Database,
    clock: Clock,
    facts: RunFacts,
    counts: RunCounts,
    progress?: (done: number) => void,
  ): Promise<ImportSummary> {
    this.flush();
    const finishedAt = isoNow(clock);
    const runId = Number(
      sqlite
        .prepare(
          `insert into import_runs (target, mode, policy, file_name, sheet, headers, summary, actor_id, finished_at)
           values (?, ?, ?, ?, ?, ?, '{}', ?, ?)`,
        )
        .run(
          facts.target,
          facts.mode,
          facts.policy,
          facts.fileName,
          facts.sheet,
          JSON.stringify(this.columnHeaders),
          facts.actorId,
          finishedAt,
        ).lastInsertRowid,
    );
    const insert = insertRows(sqlite, ROWS_PER_INSERT);
    const lines = readline.createInterface({
      input: fs.createReadStream(this.file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
      crlfDelay: Infinity,
    });
    let done = 0;
    let values: unknown[] = [];
    for await (const line of lines) {
      if (!line) continue;
      const v = JSON.parse(line) as [number, ...unknown[]];
      const late = this.late.get(v[0]);
      if (late)
        v[6] = JSON.stringify([...(v[6] ? (JSON.parse(v[6] as string) as []) : []), ...late]);
      values.push(runId, ...v);
      if (values.length === ROWS_PER_INSERT * REPORT_COLUMNS) {
        insert.run(values);
        values = [];
      }
      if (++done % 10_000 === 0) progress?.(done);
    }
    if (values.length > 0) insertRows(sqlite, values.length / REPORT_COLUMNS).run(values);
    const summary: ImportSummary = {
      runId,
      target: facts.target,
      mode: facts.mode,
      policy: facts.policy,
      ...counts,
      finishedAt,
    };
    sqlite
      .prepare('update import_runs set summary = ? where id = ?')
      .run(JSON.stringify(summary), runId);
    return summary;
  }

  dispose(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
