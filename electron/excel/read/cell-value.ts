/**
 * One cell of a workbook or CSV file as an importer needs it (the readers in this folder make
 * them). WPS stores pictures in cells as =DISPIMG("ID_…",1), which is data (an image), not a
 * formula to evaluate.
 */

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
