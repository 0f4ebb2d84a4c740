/**
 * A run's per-row report. Rows are spooled to a temporary file while the pass runs. A commit also
 * writes them to import_rows as it goes, in its own transaction, mostly while the pass waits for
 * rows to read; a dry run, or a commit rolled back for a rejected row, writes them from the spool
 * after the rollback, in a transaction of their own.
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

const STATEMENT_VALUES = ROWS_PER_INSERT * REPORT_COLUMNS;

const insertRows = (sqlite: BetterSqlite3.Database, rows: number) =>
  sqlite.prepare(
    `insert into import_rows (run_id, row, outcome, account_id, name, uscc, reasons, warnings, changes, cells, notices)
     values ${Array<string>(rows)
       .fill(`(${Array<string>(REPORT_COLUMNS).fill('?').join(', ')})`)
       .join(', ')}`,
  );

/** The full statement of each connection, prepared once. */
const fullInserts = new WeakMap<BetterSqlite3.Database, BetterSqlite3.Statement>();

/**
 * Inserts report rows (`values`, REPORT_COLUMNS a row) in statements of ROWS_PER_INSERT rows and
 * returns those left over that do not fill one — or inserts them too when `all`.
 */
function insertReportRows(
  sqlite: BetterSqlite3.Database,
  values: unknown[],
  all: boolean,
): unknown[] {
  const whole = values.length - (values.length % STATEMENT_VALUES);
  if (whole > 0) {
    let insert = fullInserts.get(sqlite);
    if (!insert) fullInserts.set(sqlite, (insert = insertRows(sqlite, ROWS_PER_INSERT)));
    for (let at = 0; at < whole; at += STATEMENT_VALUES)
      insert.run(values.slice(at, at + STATEMENT_VALUES));
  }
  const rest = values.slice(whole);
  if (!all || rest.length === 0) return rest;
  insertRows(sqlite, rest.length / REPORT_COLUMNS).run(rest);
  return [];
}

/** Rows a run written along with its pass holds back at most before writing them. */
const MAX_PENDING = 4096;

function insertRun(
  sqlite: BetterSqlite3.Database,
  facts: RunFacts,
  headers: readonly string[],
  finishedAt: string,
): number {
  return Number(
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
        JSON.stringify(headers),
        facts.actorId,
        finishedAt,
      ).lastInsertRowid,
  );
}

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
  /**
   * A commit's run, inserted in its transaction (`writeAlong`): its rows go in while the pass
   * waits for rows to read, not all after it. Gone again if the transaction is rolled back.
   */
  private along: {
    sqlite: BetterSqlite3.Database;
    runId: number;
    /** Values of the rows not yet written, REPORT_COLUMNS a row. */
    pending: unknown[];
  } | null = null;

  /** The file's header row, as the rejected-rows workbook and money-unit detection read it. */
  headers(): readonly string[] {
    return this.columnHeaders;
  }

  setHeaders(headers: string[]): void {
    this.columnHeaders = headers;
  }

  add(r: ReportRow): void {
    const values = [
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
    ];
    this.buffer += JSON.stringify(values) + '\n';
    if (this.buffer.length >= FLUSH_CHARS) this.flush();
    if (this.along) {
      this.along.pending.push(this.along.runId, ...values);
      if (this.along.pending.length >= MAX_PENDING * REPORT_COLUMNS) this.writePending();
    }
  }

  /**
   * Writes the rows of a commit along with the pass (call inside its transaction): the run is
   * inserted now, and `writePending` puts the rows spooled so far in. The spool is kept whole all
   * the same: if the transaction is rolled back, `write` writes the report from it.
   */
  writeAlong(sqlite: BetterSqlite3.Database, facts: RunFacts, clock: Clock): void {
    const runId = insertRun(sqlite, facts, [], isoNow(clock));
    this.along = { sqlite, runId, pending: [] };
  }

  /** The spooled rows not yet written, written (whole statements of them); see `writeAlong`. */
  writePending(): void {
    const along = this.along;
    if (along && along.pending.length >= STATEMENT_VALUES)
      along.pending = insertReportRows(along.sqlite, along.pending, false);
  }

  addWarning(row: number, warning: ImportReason): void {
    this.late.set(row, [...(this.late.get(row) ?? []), warning]);
  }

  private flush(): void {
    if (this.buffer) fs.writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  /** A row's warnings with those found after it was spooled (JSON, as stored). */
  private withLate(row: number, warnings: string | null): string | null {
    const late = this.late.get(row);
    if (!late) return warnings;
    return JSON.stringify([...(warnings ? (JSON.parse(warnings) as []) : []), ...late]);
  }

  /**
   * Writes the run and its rows (call inside a transaction) and returns the summary: the rows not
   * yet written of a run written along with its pass, or all of them from the spool.
   */
  async write(
    sqlite: BetterSqlite3.Database,
    clock: Clock,
    facts: RunFacts,
    counts: RunCounts,
    progress?: (done: number) => void,
  ): Promise<ImportSummary> {
    this.flush();
    const finishedAt = isoNow(clock);
    const along = this.along;
    this.along = null;
    const runId =
      along && sqlite.prepare('select 1 from import_runs where id = ?').get(along.runId)
        ? this.finishAlong(sqlite, along.runId, along.pending)
        : await this.writeFromSpool(sqlite, facts, finishedAt, progress);
    const summary: ImportSummary = {
      runId,
      target: facts.target,
      mode: facts.mode,
      policy: facts.policy,
      ...counts,
      finishedAt,
    };
    sqlite
      .prepare('update import_runs set headers = ?, summary = ?, finished_at = ? where id = ?')
      .run(JSON.stringify(this.columnHeaders), JSON.stringify(summary), finishedAt, runId);
    return summary;
  }

  /** The last rows of a run written along, and the late warnings of rows written before. */
  private finishAlong(sqlite: BetterSqlite3.Database, runId: number, pending: unknown[]): number {
    const unwritten = new Set<number>();
    for (let at = 0; at < pending.length; at += REPORT_COLUMNS) {
      const row = pending[at + 1] as number;
      unwritten.add(row);
      pending[at + 7] = this.withLate(row, pending[at + 7] as string | null);
    }
    insertReportRows(sqlite, pending, true);
    const warningsOf = sqlite
      .prepare('select warnings from import_rows where run_id = ? and row = ?')
      .pluck();
    const setWarnings = sqlite.prepare(
      'update import_rows set warnings = ? where run_id = ? and row = ?',
    );
    for (const row of this.late.keys())
      if (!unwritten.has(row))
        setWarnings.run(
          this.withLate(row, warningsOf.get(runId, row) as string | null),
          runId,
          row,
        );
    return runId;
  }

  private async writeFromSpool(
    sqlite: BetterSqlite3.Database,
    facts: RunFacts,
    finishedAt: string,
    progress?: (done: number) => void,
  ): Promise<number> {
    const runId = insertRun(sqlite, facts, this.columnHeaders, finishedAt);
    const lines = readline.createInterface({
      input: fs.createReadStream(this.file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
      crlfDelay: Infinity,
    });
    let done = 0;
    let values: unknown[] = [];
    for await (const line of lines) {
      if (!line) continue;
      const v = JSON.parse(line) as [number, ...unknown[]];
      v[6] = this.withLate(v[0], v[6] as string | null);
      values.push(runId, ...v);
      if (values.length === STATEMENT_VALUES) values = insertReportRows(sqlite, values, false);
      if (++done % 10_000 === 0) progress?.(done);
    }
    insertReportRows(sqlite, values, true);
    return runId;
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
