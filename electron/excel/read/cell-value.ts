/**
 * One cell of a workbook or CSV file as an importer needs it (the readers in this folder make
 * them). WPS stores pictures in cells as =DISPIMG("ID_…",1), which is data (an image), not a
 * formula to evaluate.
 */
import { excelSerialTime, excelSerialToIsoDate } from '../../../shared/values/date';
import { durationSeconds, formatDuration } from './duration';

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

/** How a number cell is formatted: as an elapsed time (its format code), a date, or neither. */
export interface NumberStyle {
  duration?: string;
  date: boolean;
}

/**
 * A number cell by its format, the one rule every reader (xlsx, xls, ods) follows: an elapsed
 * time is a duration, a date format makes a date (1900 or 1904 system), anything else a number.
 */
export function numberCell(value: number, style: NumberStyle, date1904: boolean): NormalCell {
  if (style.duration !== undefined)
    return {
      kind: 'duration',
      seconds: durationSeconds(value),
      text: formatDuration(value, style.duration),
    };
  if (style.date) {
    const iso = excelSerialToIsoDate(value, date1904);
    const time = excelSerialTime(value);
    if (iso) return time ? { kind: 'date', iso, time } : { kind: 'date', iso };
  }
  return { kind: 'number', value };
}
