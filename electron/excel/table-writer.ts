/**
 * Writes one table (header + rows) to .xlsx or .csv, streaming: rows go to disk as they come, so
 * memory stays bounded whatever the row count. The .xlsx gets a bold frozen header, an
 * autofilter, widths from a sample, real numbers and dates with Chinese formats, and a second
 * sheet saying what was exported, when and by whom.
 */
import fs from 'node:fs';
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer';
import { csvLine, UTF8_BOM } from './csv';
import { columnWidth } from './widths';

/** `money` cells are fen (shown in yuan); `percent` cells are fractions (0.25 shows as 25.0%). */
export type CellKind = 'text' | 'integer' | 'money' | 'percent' | 'date' | 'datetime';
export type CellValue = string | number | Date | null;

interface TableColumn {
  header: string;
  kind: CellKind;
}

export interface TableWriter {
  /** Rows held back until the column widths are known; then written as they come. */
  add(row: CellValue[]): void;
  /** Finishes the file; `about` becomes the second sheet (.xlsx) — label/value pairs. */
  finish(about: [string, string][]): Promise<void>;
  /** Stops and removes the partial file. */
  abort(): Promise<void>;
  /**
   * Lets the zip compression and the file catch up. Rows are produced synchronously; without a
   * pause the whole compressed output would queue in memory until the end.
   */
  drain(): Promise<void>;
}

const SAMPLE_ROWS = 500;
const DRAIN_ABOVE_BYTES = 32 * 1024 * 1024;

// Counts stay in General: a per-column format costs exceljs a style merge on every cell, and
// counts of vehicles or contacts read fine without separators.
export const NUM_FMT: Record<CellKind, string | undefined> = {
  text: undefined,
  integer: undefined,
  money: '¥#,##0.00',
  percent: '0.0%',
  date: 'yyyy"年"m"月"d"日"',
  datetime: 'yyyy"年"m"月"d"日" hh:mm',
};
const NUM_FMT_EN: Partial<Record<CellKind, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** How a cell reads as text: for CSV, and for estimating widths. */
function cellText(value: CellValue, kind: CellKind): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const d = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    return kind === 'datetime'
      ? `${d} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`
      : d;
  }
  if (typeof value === 'number' && kind === 'money') return (value / 100).toFixed(2);
  if (typeof value === 'number' && kind === 'percent') return `${(value * 100).toFixed(1)}%`;
  return String(value);
}

export function createTableWriter(
  file: string,
  format: 'xlsx' | 'csv',
  sheetName: string,
  aboutSheetName: string,
  columns: readonly TableColumn[],
  lang: 'zh-CN' | 'en',
): TableWriter {
  return format === 'csv'
    ? csvWriter(file, columns)
    : xlsxWriter(file, sheetName, aboutSheetName, columns, lang);
}

function csvWriter(file: string, columns: readonly TableColumn[]): TableWriter {
  const fd = fs.openSync(file, 'w');
  let buffer = UTF8_BOM + csvLine(columns.map((c) => c.header));
  const flush = () => {
    fs.writeSync(fd, buffer);
    buffer = '';
  };
  return {
    add(row) {
      buffer += csvLine(
        row.map((v, i) =>
          v === null
            ? null
            : typeof v === 'number' &&
                columns[i]!.kind !== 'money' &&
                columns[i]!.kind !== 'percent'
              ? v
              : cellText(v, columns[i]!.kind),
        ),
      );
      if (buffer.length > 1 << 16) flush();
    },
    async finish() {
      flush();
      fs.closeSync(fd);
    },
    async abort() {
      fs.closeSync(fd);
      fs.rmSync(file, { force: true });
    },
    async drain() {},
  };
}

function xlsxWriter(
  file: string,
  sheetName: string,
  aboutSheetName: string,
  columns: readonly TableColumn[],
  lang: 'zh-CN' | 'en',
): TableWriter {
  const workbook = new WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Keyfleet';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const held: CellValue[][] = [];
  let started = false;

  const start = () => {
    started = true;
    sheet.columns = columns.map((c, i) => {
      const numFmt = (lang === 'en' ? NUM_FMT_EN[c.kind] : undefined) ?? NUM_FMT[c.kind];
      const width = columnWidth(
        c.header,
        held.map((r) => cellText(r[i] ?? null, c.kind)),
        c.kind === 'text' ? 8 : 12,
      );
      // Text columns carry no style: exceljs copies a column's style into every one of its cells.
      return numFmt
        ? { header: c.header, key: `c${i}`, width, style: { numFmt } }
        : { header: c.header, key: `c${i}`, width };
    });
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.commit();
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    for (const r of held.splice(0)) write(r);
  };
  // Money is stored in fen and shown in yuan; only tables with money columns pay for the copy.
  const money = columns.flatMap((c, i) => (c.kind === 'money' ? [i] : []));
  const write = (row: CellValue[]) => {
    for (const i of money) if (typeof row[i] === 'number') row[i] = (row[i] as number) / 100;
    sheet.addRow(row).commit();
  };

  return {
    add(row) {
      if (started) write(row);
      else {
        held.push(row);
        if (held.length >= SAMPLE_ROWS) start();
      }
    },
    async finish(about) {
      if (!started) start();
      sheet.commit();
      const aboutSheet = workbook.addWorksheet(aboutSheetName);
      aboutSheet.columns = [
        { key: 'k', width: 16 },
        { key: 'v', width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } },
      ];
      for (const [k, v] of about) {
        const row = aboutSheet.addRow([k, v]);
        row.getCell(1).font = { bold: true };
        row.commit();
      }
      aboutSheet.commit();
      await workbook.commit();
    },
    async abort() {
      // The stream writer has no abort: finish what it has, then remove it.
      try {
        if (!started) start();
        sheet.commit();
        await workbook.commit();
      } finally {
        fs.rmSync(file, { force: true });
      }
    },
    async drain() {
      // exceljs hands each 64 KiB of sheet XML to the zip entry without waiting for it to be taken
      // (StreamBuf ignores backpressure). When the compressor's intake passes a bound, wait for it
      // to empty ('drain'); below it, producer and compressor run side by side.
      // The pipe is a readable-stream v3 PassThrough, whose buffered size is in _writableState.
      type Pipe = {
        _writableState?: { length: number };
        once(event: 'drain', listener: () => void): void;
      };
      const pipe = (sheet as unknown as { _stream?: { pipes?: Pipe[] } })._stream?.pipes?.[0];
      if (pipe && (pipe._writableState?.length ?? 0) > DRAIN_ABOVE_BYTES)
        await new Promise<void>((resolve) => {
          // Bounded, so a stream that failed (and will never drain) cannot hang the export.
          const timer = setTimeout(resolve, 5000);
          pipe.once('drain', () => {
            clearTimeout(timer);
            resolve();
          });
        });
    },
  };
}
