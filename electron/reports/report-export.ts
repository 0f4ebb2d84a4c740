/**
 * The filing report export job: the period's submitted filings written into the template. With
 * the manufacturer's workbook, its header rows, merged titles, styles and column positions stay as
 * they are; values fill the data area, and rows below it (signatures, notes) move down when the
 * data needs the room. Without one, a plain sheet with a title, the period and the headers.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ExportResult } from '../../shared/schemas/exports';
import type { ReportTemplate } from '../../shared/schemas/reports';
import { blobPath } from '../documents/store';
import { wallClock } from '../excel/wall-clock';
import { columnWidth } from '../excel/widths';
import type { JobFunction } from '../jobs/context';
import { mustHaveDealer } from '../settings/dealer-settings';
import {
  FIELD_KIND,
  type ReportCell,
  ReportRowBuilder,
  type ReportRow,
  submittedInPeriod,
} from './report-rows';
import { loadWorkbook } from './template-workbook';
import { mustGetTemplate } from './templates';
import { mustGetFiling } from '../filings/service';
import { auditHeadPair } from '../audit/head';

export interface ReportParams {
  input: { templateId: number; from: string; to: string; lang: 'zh-CN' | 'en' };
  dataDir: string;
  file: string;
  fileName: string;
}

const TIME_ZONE = 'Asia/Shanghai';

function formats(zh: boolean) {
  return {
    money: '#,##0.00',
    date: zh ? 'yyyy"年"m"月"d"日"' : 'yyyy-mm-dd',
    datetime: zh ? 'yyyy"年"m"月"d"日" hh:mm' : 'yyyy-mm-dd hh:mm',
    integer: '0',
  };
}

type CellWriter = (
  cell: ExcelJS.Cell,
  field: ReportTemplate['columns'][number]['field'],
  v: ReportCell,
) => void;

function cellWriter(zh: boolean): CellWriter {
  const toLocal = wallClock(TIME_ZONE);
  const fmt = formats(zh);
  return (cell, field, v) => {
    if (v === null || v === undefined) cell.value = null;
    else if (typeof v === 'object')
      cell.value = 'date' in v ? new Date(`${v.date}T00:00:00Z`) : toLocal(v.instant);
    else cell.value = v;
    const kind = FIELD_KIND[field];
    if (kind) cell.numFmt = fmt[kind];
  };
}

const COLUMN = /^([A-Z]+)(\d+)$/;
function decode(ref: string): { col: number; row: number } {
  const m = COLUMN.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col, row: Number(m[2]) };
}
function encode(col: number, row: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return `${s}${row}`;
}

const hasValue = (row: ExcelJS.Row) => {
  let found = false;
  row.eachCell((c) => {
    if (c.value !== null && c.value !== undefined && c.text.trim() !== '') found = true;
  });
  return found;
};

/** Moves rows [from, last] down by `by` rows, with their values, styles, heights and merges. */
function shiftRows(sheet: ExcelJS.Worksheet, from: number, by: number): void {
  const last = sheet.rowCount;
  if (by <= 0 || from > last) return;
  const merges = ((sheet.model as { merges?: string[] }).merges ?? [])
    .map((m) => m.split(':') as [string, string])
    .filter(([a]) => decode(a).row >= from);
  for (const [a, b] of merges) sheet.unMergeCells(`${a}:${b}`);
  for (let r = last; r >= from; r--) {
    const src = sheet.getRow(r);
    const dst = sheet.getRow(r + by);
    dst.height = src.height;
    src.eachCell({ includeEmpty: true }, (cell, c) => {
      const target = dst.getCell(c);
      target.value = cell.value;
      target.style = JSON.parse(JSON.stringify(cell.style)) as Partial<ExcelJS.Style>;
      cell.value = null;
      cell.style = {};
    });
  }
  for (const [a, b] of merges) {
    const s = decode(a);
    const e = decode(b);
    sheet.mergeCells(`${encode(s.col, s.row + by)}:${encode(e.col, e.row + by)}`);
  }
}

function fillSource(
  sheet: ExcelJS.Worksheet,
  t: ReportTemplate,
  rows: ReportRow[],
  write: CellWriter,
) {
  const first = t.firstDataRow;
  // A report wider than a page would print its columns on separate sheets of paper; unless the
  // template says how to print, it prints one page wide.
  if (!sheet.pageSetup.fitToPage)
    sheet.pageSetup = { ...sheet.pageSetup, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  // The first data row's cells give the look of every data row (borders, font, alignment).
  const look = new Map(
    t.columns.map((c) => [
      c.column,
      JSON.parse(
        JSON.stringify(sheet.getRow(first).getCell(c.column).style),
      ) as Partial<ExcelJS.Style>,
    ]),
  );
  let footer = 0;
  for (let r = first; r <= sheet.rowCount; r++)
    if (hasValue(sheet.getRow(r))) {
      footer = r;
      break;
    }
  if (footer > 0) shiftRows(sheet, footer, rows.length - (footer - first));
  rows.forEach((row, i) => {
    const target = sheet.getRow(first + i);
    for (const c of t.columns) {
      const cell = target.getCell(c.column);
      cell.style = JSON.parse(JSON.stringify(look.get(c.column) ?? {})) as Partial<ExcelJS.Style>;
      write(cell, c.field, row[c.field] ?? null);
    }
  });
}

function plainSheet(
  book: ExcelJS.Workbook,
  t: ReportTemplate,
  rows: ReportRow[],
  write: CellWriter,
  heading: { title: string; info: string },
) {
  const sheet = book.addWorksheet(heading.title.slice(0, 31), {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: t.headerRow }],
  });
  const width = Math.max(...t.columns.map((c) => c.column));
  if (t.headerRow >= 2) {
    sheet.mergeCells(1, 1, 1, width);
    const cell = sheet.getCell(1, 1);
    cell.value = heading.title;
    cell.font = { bold: true, size: 16 };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.getRow(1).height = 28;
  }
  if (t.headerRow >= 3) {
    sheet.mergeCells(2, 1, 2, width);
    sheet.getCell(2, 1).value = heading.info;
  }
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  for (const c of t.columns) {
    const cell = sheet.getCell(t.headerRow, c.column);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F3' } };
    cell.border = border;
  }
  rows.forEach((row, i) => {
    for (const c of t.columns) {
      const cell = sheet.getCell(t.firstDataRow + i, c.column);
      write(cell, c.field, row[c.field] ?? null);
      cell.border = border;
    }
  });
  for (const c of t.columns) {
    const samples = rows.slice(0, 200).map((r) => {
      const v = r[c.field];
      return v === null || v === undefined
        ? ''
        : typeof v === 'object'
          ? '2026年12月31日 23:59'
          : String(v);
    });
    sheet.getColumn(c.column).width = columnWidth(c.header, samples, 6, 40);
  }
}

export const filingReportJob: JobFunction<ReportParams> = async (ctx) => {
  const { input, dataDir, file, fileName } = ctx.params;
  const zh = input.lang === 'zh-CN';
  const template = await mustGetTemplate(ctx.db, input.templateId);
  const dealer = await mustHaveDealer(ctx.db);
  const ids = await submittedInPeriod(ctx.db, input.from, input.to);
  ctx.progress(0, ids.length);
  const builder = new ReportRowBuilder(ctx.db, { zh, dealer });
  const rows: ReportRow[] = [];
  for (const [i, id] of ids.entries()) {
    rows.push(
      ...(await builder.rows(
        await mustGetFiling(ctx.db, ctx.clock, dataDir, id),
        template.granularity,
      )),
    );
    ctx.checkCancelled();
    ctx.progress(i + 1, ids.length);
  }
  const write = cellWriter(zh);
  let book: ExcelJS.Workbook;
  if (template.source) {
    book = await loadWorkbook(blobPath(dataDir, template.source.sha256));
    const sheet = book.getWorksheet(template.sheetName ?? undefined) ?? book.worksheets[0]!;
    fillSource(sheet, template, rows, write);
  } else {
    book = new ExcelJS.Workbook();
    plainSheet(book, template, rows, write, {
      title: zh ? '大客户销售报备表' : 'Key-account sales filing report',
      info: zh
        ? `经销商：${dealer.name}（${dealer.code}）\u3000\u3000报备期间：${input.from} 至 ${input.to}\u3000\u3000共 ${ids.length} 笔`
        : `Dealer: ${dealer.name} (${dealer.code})    Period: ${input.from} to ${input.to}    ${ids.length} filings`,
    });
  }
  ctx.checkCancelled();
  // The OEM's layout stays untouched: the chain head goes into the workbook's properties
  // (File > Info > Comments), kept with every copy of the report.
  const [label, head] = auditHeadPair(ctx.sqlite, zh);
  book.description = `Keyfleet ${label}: ${head}`;
  const part = `${file}.part`;
  await book.xlsx.writeFile(part);
  fs.renameSync(part, file);
  const result: ExportResult = { fileName, rows: rows.length, bytes: fs.statSync(file).size };
  return { result, message: `${ids.length} filings, ${rows.length} rows` };
};
