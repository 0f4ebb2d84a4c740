/**
 * CSV that Excel opens correctly and safely: UTF-8 with a BOM (or Excel guesses GBK and shows
 * mojibake), CRLF lines, RFC 4180 quoting, and cells that would run as formulas neutralised.
 */

export const UTF8_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const GENUINE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** OWASP CSV injection: text starting with = + - @ tab or CR gets a leading apostrophe, numbers stay numbers. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !GENUINE_NUMBER.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
