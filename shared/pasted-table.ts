/**
 * Text pasted from Excel, WPS or a chat window into a table of cells. Excel copies a range as
 * tab-separated lines; people also type or paste lists separated by commas (，) or semicolons.
 */
import { moneyUnitOfHeader, type MoneyUnit } from './values/money';

/** Lines of cells, without blank lines and blank cells at the ends of a line. */
function pastedRows(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // A range copied from a spreadsheet is separated by tabs; amounts there may contain commas.
  const separator = text.includes('\t') ? /\t/ : /[,，;；]/;
  return lines
    .map((line) => line.split(separator).map((cell) => cell.trim()))
    .map((cells) => {
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      return cells;
    })
    .filter((cells) => cells.some((c) => c !== ''));
}

/** A header row: no cell carries a digit (车架号 / VIN / 发票号码 / 开票日期 …). */
function isHeader(cells: string[]): boolean {
  return cells.every((c) => !/\d/.test(c.normalize('NFKC')));
}

/** The VINs of a paste: every non-blank cell, in reading order, a header row left out. */
export function pastedVins(text: string): string[] {
  const rows = pastedRows(text);
  const body = rows.length > 0 && isHeader(rows[0]!) ? rows.slice(1) : rows;
  return body.flat().filter((c) => c !== '');
}

interface PastedInvoiceRow {
  vin: string;
  number: string;
  issuedOn: string;
  amount: string;
  buyerName: string | null;
}

/**
 * Invoice rows pasted as columns VIN, 发票号码, 开票日期, 金额 and optionally 购买方; a header row
 * is left out, and its amount column's unit (金额（万元）) returned for bare numbers.
 */
export function pastedInvoices(text: string): { rows: PastedInvoiceRow[]; unit: MoneyUnit | null } {
  const rows = pastedRows(text);
  const header = rows.length > 0 && isHeader(rows[0]!) ? rows[0]! : null;
  const body = header ? rows.slice(1) : rows;
  return {
    rows: body.map((cells) => ({
      vin: cells[0] ?? '',
      number: cells[1] ?? '',
      issuedOn: cells[2] ?? '',
      amount: cells[3] ?? '',
      buyerName: cells[4] ? cells[4] : null,
    })),
    unit: header?.[3] ? moneyUnitOfHeader(header[3]) : null,
  };
}
