/**
 * What the two markup readers (HTML tables saved as .xls, SpreadsheetML 2003) share: a grid that
 * places cells the way Excel does — spans from rows above push a row's cells to the right, an
 * explicit index skips columns, a span is reported as a merged range exactly as the xlsx reader
 * reports one — and the feeding of a file to a streaming parser with every limit checked while
 * it streams (size, nesting depth, rows, columns, merges, sheets, time), so a hostile file is
 * refused before it can exhaust memory.
 */
import fs from 'node:fs';
import { AppError, type ErrorKind } from '../../../shared/result';
import type { NormalCell } from './cell-value';
import { textEncodingOf } from './csv-rows';
import type { TextEncoding } from './text-decode';
import { MAX_COLUMNS, MAX_ROWS, type MergedRange } from './workbook-parts';
import type { SourceRow } from './xlsx-rows';

/** Markup is read whole before its first row is shown (merges come with the cells): keep it small. */
export const MAX_MARKUP_BYTES = 256 * 1024 ** 2;
/** Real exports nest a few tables in a page layout; a deeper file is an attack. */
export const MAX_DEPTH = 256;
const MAX_MERGES = 100_000;
/** Cells kept in memory for one file, all sheets together. */
const MAX_CELLS = 20_000_000;
export const MAX_MARKUP_SHEETS = 500;
/** A span wider or longer than these is cut to them (HTML's own limits are 1000 and 65534). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65_534;
const MAX_SECONDS = 120;

export function refuse(kind: ErrorKind, message: string, extra: Record<string, unknown> = {}) {
  return new AppError('VALIDATION', message, { kind, ...extra });
}

export interface MarkupSheet {
  name: string;
  hidden: boolean;
  merges: MergedRange[];
  rows: SourceRow[];
}

/** Counts what all the grids of one file hold, so many small tables cannot add up to too much. */
export class MarkupBudget {
  cells = 0;
  depth = 0;
  private readonly deadline = performance.now() + MAX_SECONDS * 1000;

  open(): void {
    if (++this.depth > MAX_DEPTH)
      throw refuse('markup_too_deep', `the markup nests more than ${MAX_DEPTH} levels deep`);
  }

  close(): void {
    this.depth = Math.max(0, this.depth - 1);
  }

  checkTime(): void {
    if (performance.now() > this.deadline)
      throw refuse('read_too_slow', `reading the file took more than ${MAX_SECONDS} seconds`);
  }
}

export class Grid {
  readonly rows: SourceRow[] = [];
  readonly merges: MergedRange[] = [];
  private row = 0;
  private column = 0;
  private cells: NormalCell[] | null = null;
  /** Spans still covering rows below the current one. */
  private spans: MergedRange[] = [];

  constructor(private readonly budget: MarkupBudget) {}

  /** Starts a row; `index` (1-based) jumps to that row, which may not go back. */
  startRow(index?: number): void {
    if (this.cells) this.endRow();
    this.row = index !== undefined && index > this.row ? index : this.row + 1;
    if (this.row > MAX_ROWS)
      throw refuse('too_many_rows', `the sheet has more than ${MAX_ROWS} rows`);
    this.column = 0;
    this.cells = [];
    this.spans = this.spans.filter((s) => s.bottom >= this.row);
  }

  endRow(): void {
    if (!this.cells) return;
    this.rows.push({ row: this.row, cells: this.cells });
    this.cells = null;
  }

  private covered(column: number): boolean {
    return this.spans.some((s) => s.top < this.row && s.left <= column && s.right >= column);
  }

  /** Places a cell: at `index` (1-based) if given, else at the next column no span covers. */
  addCell(cell: NormalCell, span: { index?: number; across?: number; down?: number } = {}): void {
    if (!this.cells) this.startRow();
    let column =
      span.index !== undefined && span.index > this.column ? span.index : this.column + 1;
    while (this.covered(column)) column++;
    const across = Math.min(Math.max(0, span.across ?? 0), MAX_COLSPAN - 1);
    const down = Math.min(Math.max(0, span.down ?? 0), MAX_ROWSPAN - 1);
    const right = column + across;
    if (right > MAX_COLUMNS)
      throw refuse('too_many_columns', `row ${this.row} has more than ${MAX_COLUMNS} columns`);
    if (++this.budget.cells > MAX_CELLS)
      throw refuse('too_many_rows', `the file has more than ${MAX_CELLS} cells`);
    const cells = this.cells!;
    while (cells.length < column - 1) cells.push({ kind: 'empty' });
    cells[column - 1] = cell;
    if (across > 0 || down > 0) {
      if (this.merges.length >= MAX_MERGES)
        throw refuse('too_many_merges', `the sheet has more than ${MAX_MERGES} merged ranges`);
      const range = { top: this.row, left: column, bottom: this.row + down, right };
      this.merges.push(range);
      if (down > 0) this.spans.push(range);
    }
    this.column = right;
  }

  /** Whether some row holds at least `cells` cells with a value (a data row, not a layout cell). */
  hasRowWith(cells: number): boolean {
    return this.rows.some((r) => r.cells.filter((c) => c.kind !== 'empty').length >= cells);
  }
}

/**
 * Feeds a text file to a streaming parser in 1 MiB pieces, decoded in its detected encoding (or
 * `declared`, what the file says it is in); refuses a file beyond MAX_MARKUP_BYTES first.
 */
export async function feedText(
  file: string,
  parser: { write(text: string): void; end(): void },
  budget: MarkupBudget,
  declared?: TextEncoding | null,
): Promise<TextEncoding> {
  const size = fs.statSync(file).size;
  if (size > MAX_MARKUP_BYTES)
    throw refuse(
      'file_too_large',
      `an HTML or XML spreadsheet larger than ${MAX_MARKUP_BYTES / 1024 ** 2} MB is not read`,
    );
  const { encoding, bomLength } = textEncodingOf(file, declared);
  const decoder = new TextDecoder(encoding);
  for await (const chunk of fs.createReadStream(file, {
    start: bomLength,
    highWaterMark: 1 << 20,
  })) {
    parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    budget.checkTime();
  }
  parser.write(decoder.decode());
  parser.end();
  return encoding;
}
