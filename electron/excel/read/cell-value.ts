/**
 * One cell of a workbook as an importer needs it. exceljs hands back many shapes — rich text,
 * hyperlinks, formulas with cached results, errors, dates — and WPS stores pictures in cells as
 * =DISPIMG("ID_…",1), which is data (an image), not a formula to evaluate.
 */
import type ExcelJS from 'exceljs';

export type NormalCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  /** `time` (HH:MM) when the cell also holds a time of day. */
  | { kind: 'date'; iso: string; time?: string }
  /** An elapsed time ([h]:mm:ss …): its length and the text Excel shows for it (see duration.ts). */
  | { kind: 'duration'; seconds: number; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; code: string }
  | { kind: 'image'; id: string };

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const DISPIMG = /^=?(?:_xlfn\.)?DISPIMG\(\s*"([^"]*)"/i;

/** A text cell as an importer wants it: invisible characters gone, trimmed, pictures recognised. */
export function textCell(raw: string): NormalCell {
  const image = DISPIMG.exec(raw.trim());
  if (image) return { kind: 'image', id: image[1]! };
  const cleaned = raw
    .replace(INVISIBLE, '')
    .replace(/\u00A0/g, ' ')
    .trim();
  return cleaned === '' ? { kind: 'empty' } : { kind: 'text', text: cleaned };
}

/** Dates from exceljs carry the wall-clock date in their UTC fields: read them zoneless. */
function date(d: Date): NormalCell {
  return Number.isNaN(d.getTime())
    ? { kind: 'error', code: '#VALUE!' }
    : { kind: 'date', iso: d.toISOString().slice(0, 10) };
}

export function normalizeCell(value: ExcelJS.CellValue): NormalCell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', code: '#NUM!' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return date(value);
  if ('richText' in value) return textCell(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value)
    return textCell(typeof value.text === 'string' ? value.text : String(value.hyperlink));
  if ('error' in value) return { kind: 'error', code: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    const image = DISPIMG.exec(formula ?? '');
    if (image) return { kind: 'image', id: image[1]! };
    // The cached result is what the user saw; nothing is recalculated.
    const result = value.result;
    if (result === undefined || result === null) return { kind: 'empty' };
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result)
      return { kind: 'error', code: String(result.error) };
    return normalizeCell(result as ExcelJS.CellValue);
  }
  return { kind: 'empty' };
}

/** The cell as text for matching and messages (dates as ISO, numbers as written). */
export function cellAsText(cell: NormalCell): string {
  switch (cell.kind) {
    case 'text':
    case 'duration':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.time ? `${cell.iso} ${cell.time}` : cell.iso;
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'error':
      return cell.code;
    default:
      return '';
  }
}
