/**
 * The structure of a .xlsx that a streaming cell reader does not give: sheet names in tab order
 * and the part each lives in, the 1904 date system, each sheet's declared dimension and its
 * merged ranges (written after the cells, so a stream meets them too late). Every part is
 * inflated once here with its real size counted, which is the zip-bomb check on actual bytes.
 */
import { AppError } from '../../../shared/result';
import { readEntry, readEntryText } from './zip-entry';
import { DEFAULT_ZIP_LIMITS, inspectZip, type ZipEntry, type ZipLimits } from './zip-guard';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
const MAX_MERGES = 100_000;

export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetPart {
  name: string;
  /** The zip entry, e.g. xl/worksheets/sheet1.xml. */
  path: string;
  hidden: boolean;
  /** From <dimension>; null when the sheet does not declare it. */
  rows: number | null;
  columns: number | null;
  merges: MergedRange[];
}

export interface WorkbookParts {
  entries: ZipEntry[];
  date1904: boolean;
  /** Where the shared strings and styles live (usually xl/sharedStrings.xml, xl/styles.xml). */
  sharedStringsPath: string;
  stylesPath: string;
  sheets: SheetPart[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10),
      );
    return ENTITIES[name] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  // A null-prototype object: attribute names come from the file.
  const out = Object.create(null) as Record<string, string>;
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = decodeXmlText(m[2]!);
  return out;
}

/** "AB12" → { column: 28, row: 12 }. */
export function decodeRef(ref: string): { column: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,10})$/.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column, row: Number(m[2]) };
}

function tooBig(kind: 'too_many_rows' | 'too_many_columns', what: string): AppError {
  return new AppError(
    'VALIDATION',
    `the sheet claims ${what}, beyond what Excel allows (${MAX_ROWS} rows × ${MAX_COLUMNS} columns)`,
    { kind },
  );
}

function resolveTarget(target: string): string {
  const t = target.replace(/\\/g, '/');
  return t.startsWith('/') ? t.slice(1) : `xl/${t}`.replace(/\/\.\//g, '/');
}

const DIMENSION = /<(?:\w+:)?dimension\s+ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/;
const MERGE = /<(?:\w+:)?mergeCell\s+ref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/g;

/** One pass over a worksheet part: its dimension (near the top) and merged ranges (at the end). */
async function scanSheet(file: string, entry: ZipEntry, sheet: SheetPart): Promise<void> {
  let carry = '';
  let seenHead = false;
  await readEntry(file, entry, (chunk) => {
    // Latin-1 keeps byte offsets and is enough for the ASCII markup searched for.
    const text = carry + chunk.toString('latin1');
    if (!seenHead) {
      const d = DIMENSION.exec(text);
      if (d || text.includes('<sheetData') || text.length > 64 * 1024) {
        seenHead = true;
        const end = d ? decodeRef(d[2] ?? d[1]!) : null;
        if (end) {
          if (end.row > MAX_ROWS) throw tooBig('too_many_rows', `${end.row} rows`);
          if (end.column > MAX_COLUMNS) throw tooBig('too_many_columns', `${end.column} columns`);
          sheet.rows = end.row;
          sheet.columns = end.column;
        }
      }
    }
    let lastEnd = 0;
    for (const m of text.matchAll(MERGE)) {
      lastEnd = m.index + m[0].length;
      const a = decodeRef(m[1]!);
      const b = decodeRef(m[2] ?? m[1]!);
      if (!a || !b) continue;
      if (sheet.merges.length >= MAX_MERGES)
        throw new AppError('VALIDATION', `the sheet has more than ${MAX_MERGES} merged ranges`, {
          kind: 'too_many_merges',
        });
      sheet.merges.push({
        top: Math.min(a.row, b.row),
        left: Math.min(a.column, b.column),
        bottom: Math.max(a.row, b.row),
        right: Math.max(a.column, b.column),
      });
    }
    carry = text.slice(Math.max(lastEnd, text.length - 128));
  });
}

/**
 * Checks the archive (directory, then every part's real size) and reads its structure. Throws
 * AppError VALIDATION with a `kind` naming the problem for anything broken or hostile.
 */
export async function readWorkbookParts(
  file: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<WorkbookParts> {
  const entries = inspectZip(file, limits);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbookXml = await readEntryText(file, byName.get('xl/workbook.xml')!, 16 * 1024 ** 2);
  const relsEntry = byName.get('xl/_rels/workbook.xml.rels');
  const relsXml = relsEntry ? await readEntryText(file, relsEntry, 16 * 1024 ** 2) : '';

  const targets = new Map<string, string>();
  let sharedStringsPath = 'xl/sharedStrings.xml';
  let stylesPath = 'xl/styles.xml';
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (!a.Id || !a.Target) continue;
    const target = resolveTarget(a.Target);
    targets.set(a.Id, target);
    if (a.Type?.endsWith('/sharedStrings')) sharedStringsPath = target;
    if (a.Type?.endsWith('/styles')) stylesPath = target;
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*"(1|true)"/.test(workbookXml);
  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (!a.name || !path || !byName.has(path)) continue;
    sheets.push({
      name: a.name,
      path,
      hidden: a.state === 'hidden' || a.state === 'veryHidden',
      rows: null,
      columns: null,
      merges: [],
    });
  }
  if (sheets.length === 0)
    throw new AppError('VALIDATION', 'the workbook has no worksheets', { kind: 'not_xlsx' });

  // Every part a reader will inflate is inflated here first, its real size counted.
  const sheetByPath = new Map(sheets.map((s) => [s.path, s]));
  for (const entry of entries) {
    const sheet = sheetByPath.get(entry.name);
    if (sheet) await scanSheet(file, entry, sheet);
    else if (entry.name.endsWith('.xml') || entry.name.endsWith('.rels'))
      await readEntry(file, entry, () => undefined);
  }
  return { entries, date1904, sharedStringsPath, stylesPath, sheets };
}
