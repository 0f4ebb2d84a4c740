/**
 * The structure of a .xlsx that a streaming cell reader does not give: sheet names in tab order
 * and the part each lives in, the 1904 date system, each sheet's declared dimension and its
 * merged ranges (written after the cells, so a stream meets them too late). Every part is
 * inflated once here with its real size counted, which is the zip-bomb check on actual bytes.
 */
import { AppError } from '../../../shared/result';
import { attributes, parseRelationships, relsPathOf, resolveTarget } from './package-rels';
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

interface SheetPart {
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
  sharedStringsPath: string | null;
  stylesPath: string | null;
  sheets: SheetPart[];
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

/** workbook.xml and .rels parts are small; anything bigger is not a real one. */
const MAX_STRUCTURE_BYTES = 16 * 1024 ** 2;

function notWorkbook(): AppError {
  return new AppError('VALIDATION', 'the file is a zip archive but not an Excel workbook', {
    kind: 'not_xlsx',
  });
}

/** Zip entries by part name; part names compare case-insensitively (OPC), exact names first. */
function entryIndex(entries: readonly ZipEntry[]): (name: string | null) => ZipEntry | undefined {
  const exact = new Map(entries.map((e) => [e.name, e]));
  const folded = new Map<string, ZipEntry>();
  for (const e of entries)
    if (!folded.has(e.name.toLowerCase())) folded.set(e.name.toLowerCase(), e);
  return (name) =>
    name === null ? undefined : (exact.get(name) ?? folded.get(name.toLowerCase()));
}

/**
 * The workbook part: the package's officeDocument relationship (_rels/.rels) names it. A zip
 * without package relationships is still read when its workbook is at the usual xl/workbook.xml.
 */
async function findWorkbook(
  file: string,
  entry: ReturnType<typeof entryIndex>,
): Promise<{ workbook: ZipEntry; xml: string }> {
  const packageRels = entry('_rels/.rels');
  const candidates: (string | null)[] = [];
  if (packageRels) {
    const xml = await readEntryText(file, packageRels, MAX_STRUCTURE_BYTES);
    for (const r of parseRelationships(xml))
      if (r.type === 'officeDocument' && !r.external) candidates.push(resolveTarget('', r.target));
  }
  candidates.push('xl/workbook.xml');
  for (const name of candidates) {
    const workbook = entry(name);
    if (!workbook || workbook.size > MAX_STRUCTURE_BYTES) continue;
    const xml = await readEntryText(file, workbook, MAX_STRUCTURE_BYTES);
    // A Word or PowerPoint file is a package too: its main part is not a workbook.
    if (/<(?:\w+:)?workbook\b/.test(xml)) return { workbook, xml };
  }
  throw notWorkbook();
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
  const entry = entryIndex(entries);
  const { workbook, xml: workbookXml } = await findWorkbook(file, entry);
  const relsEntry = entry(relsPathOf(workbook.name));
  const relsXml = relsEntry ? await readEntryText(file, relsEntry, MAX_STRUCTURE_BYTES) : '';

  // Targets are relative to the workbook part, wherever it is.
  const targets = new Map<string, ZipEntry>();
  let sharedStrings: ZipEntry | undefined;
  let styles: ZipEntry | undefined;
  for (const r of parseRelationships(relsXml)) {
    if (r.external) continue;
    const target = entry(resolveTarget(workbook.name, r.target));
    if (!target) continue;
    targets.set(r.id, target);
    if (r.type === 'sharedStrings') sharedStrings ??= target;
    if (r.type === 'styles') styles ??= target;
  }
  // Writers that leave these relationships out still put the parts beside the workbook.
  sharedStrings ??= entry(resolveTarget(workbook.name, 'sharedStrings.xml'));
  styles ??= entry(resolveTarget(workbook.name, 'styles.xml'));
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*"(1|true)"/.test(workbookXml);
  const sheetTags = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)];
  if (sheetTags.length > limits.maxSheets)
    throw new AppError('VALIDATION', `the workbook has ${sheetTags.length} sheets`, {
      kind: 'too_many_sheets',
      count: sheetTags.length,
    });
  const sheets: SheetPart[] = [];
  for (const m of sheetTags) {
    const a = attributes(m[0]);
    const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (!a.name || !part) continue;
    sheets.push({
      name: a.name,
      path: part.name,
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
  const read = new Set([sharedStrings, styles]);
  for (const e of entries) {
    const sheet = sheetByPath.get(e.name);
    if (sheet) await scanSheet(file, e, sheet);
    else if (read.has(e) || e.name.endsWith('.xml') || e.name.endsWith('.rels'))
      await readEntry(file, e, () => undefined);
  }
  return {
    entries,
    date1904,
    sharedStringsPath: sharedStrings?.name ?? null,
    stylesPath: styles?.name ?? null,
    sheets,
  };
}
