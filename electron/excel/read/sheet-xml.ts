/**
 * A streaming reader for the three parts of a .xlsx an import needs — shared strings, cell styles
 * and one worksheet — written for this one job instead of a general XML parser: the markup of
 * these parts is regular (SpreadsheetML), so complete <si> and <row> elements are cut out of the
 * inflated text and read with a few anchored patterns. That reads a sheet several times faster
 * than exceljs's SAX-based reader, which matters at a million rows.
 */
import { AppError } from '../../../shared/result';
import { type NormalCell, numberCell, type NumberStyle, textCell } from './cell-value';
import { isDurationFormat } from './duration';
import { decodeXmlText } from './package-rels';
import { decodeRef } from './workbook-parts';
import { entryChunks } from './zip-entry';
import type { ZipEntry } from './zip-guard';

/** An element larger than this without its end tag is not a spreadsheet. */
const MAX_ELEMENT_CHARS = 64 * 1024 ** 2;

/**
 * The complete elements named `tag` in an XML part, streamed: text is decoded as it inflates and
 * cut after the last complete end tag; the rest waits for the next chunk.
 */
async function* elements(file: string, entry: ZipEntry, tag: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const close = `${tag}>`;
  let pending = '';
  for await (const chunk of entryChunks(file, entry)) {
    const scanFrom = Math.max(0, pending.length - close.length - 16);
    pending += decoder.decode(chunk, { stream: true });
    // The last end tag (</row> or </x:row>) in the new text; '<' never occurs in text content.
    let cut = -1;
    for (let at = pending.indexOf(close, scanFrom); at >= 0; at = pending.indexOf(close, at + 1)) {
      const open = pending.lastIndexOf('<', at);
      if (open >= 0 && pending[open + 1] === '/' && /^<\/(?:\w+:)?$/.test(pending.slice(open, at)))
        cut = at + close.length;
    }
    if (cut < 0) {
      if (pending.length > MAX_ELEMENT_CHARS)
        throw new AppError(
          'VALIDATION',
          `the part ${entry.name} holds an element too large to be real`,
          { kind: 'not_xlsx' },
        );
      continue;
    }
    yield pending.slice(0, cut);
    pending = pending.slice(cut);
  }
  pending += decoder.decode();
  if (pending) yield pending;
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text of a <t> or <v> element's content: line ends normalised as any XML parser does (a literal
 * CR LF or lone CR is a LF; only &#13; or Excel's _x000D_ is a CR), then XML entities, then
 * Excel's _xHHHH_ escapes of control characters.
 */
function xmlText(raw: string): string {
  const lines = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  let text = lines.includes('&') ? decodeXmlText(lines) : lines;
  if (text.includes('_x'))
    text = text.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return text;
}

const SI = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
const T = /<(?:\w+:)?t\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
const PRESERVE = /\bxml:space\s*=\s*"preserve"/;
const XML_SPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;

/**
 * One <t>: without xml:space="preserve" Excel drops the white space at its ends (what it shows,
 * and what LEN counts), but keeps a run that is nothing but white space, the gap between words.
 */
function runText(attrs: string, raw: string): string {
  const text = xmlText(raw);
  if (PRESERVE.test(attrs) || !/[^ \t\r\n]/.test(text)) return text;
  return text.replace(XML_SPACE, '');
}
/** Phonetic runs (furigana) are not part of the text. */
const RPH = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** The concatenated <t> texts of a string item (plain or rich text). */
function itemText(inner: string): string {
  if (!inner.includes('<')) return xmlText(inner);
  const body = inner.includes('rPh') ? inner.replace(RPH, '') : inner;
  let text = '';
  T.lastIndex = 0;
  for (let m = T.exec(body); m; m = T.exec(body)) if (m[2]) text += runText(m[1]!, m[2]);
  return text;
}

/**
 * The shared-string table, kept compact: a million distinct strings of a full sheet would cost
 * an object header each and keep the XML text they were cut from alive. Strings are packed into
 * blocks (one flat string and its offsets per 4,096 entries).
 */
class SharedStrings {
  static readonly BLOCK = 4096;
  private readonly blocks: { text: string; offsets: Uint32Array }[] = [];
  private pending: string[] = [];
  length = 0;
  /** False when the read stopped at its limit with strings left unread. */
  complete = true;

  push(text: string): void {
    this.pending.push(text);
    this.length++;
    if (this.pending.length === SharedStrings.BLOCK) this.seal();
  }

  /** Packs the last, partial block; call when the table is complete. */
  seal(): void {
    if (this.pending.length === 0) return;
    const offsets = new Uint32Array(this.pending.length + 1);
    let at = 0;
    this.pending.forEach((p, i) => {
      offsets[i] = at;
      at += p.length;
    });
    offsets[this.pending.length] = at;
    // join copies the pieces into one new flat string, releasing the XML they were sliced from.
    this.blocks.push({ text: this.pending.join(''), offsets });
    this.pending = [];
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const block = this.blocks[Math.floor(index / SharedStrings.BLOCK)];
    if (!block) return undefined;
    const i = index % SharedStrings.BLOCK;
    return block.text.slice(block.offsets[i], block.offsets[i + 1]);
  }
}

/**
 * The shared-string table read as far as the cells need it. A sheet names its strings in order of
 * first use (Excel, WPS and exceljs number them so), so its first rows can be read after the first
 * block of strings rather than after the whole table (15 MB of XML at 100,000 × 12): the reading
 * goes on, a block at a time, as later rows name later strings. `limit` stops it for good.
 */
export class StringReader {
  readonly strings = new SharedStrings();
  private readonly items: AsyncGenerator<string> | null;
  private open: boolean;
  /** The inflated text being read, and where its next <si> starts. */
  private text = '';
  private at = 0;
  /** Reads one after another: two rows' reaches never interleave. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    file: string,
    entry: ZipEntry | undefined,
    private readonly limit = Infinity,
  ) {
    this.items = entry ? elements(file, entry, 'si') : null;
    this.open = entry !== undefined;
    this.strings.complete = !this.open;
  }

  /** Reads on until the table holds string `index` (in whole blocks), or to its end. */
  reach(index: number): Promise<void> {
    const read = this.queue.then(() => this.read(index));
    this.queue = read.catch(() => undefined);
    return read;
  }

  private async read(index: number): Promise<void> {
    const strings = this.strings;
    while (this.open && !(strings.length > index && strings.length % SharedStrings.BLOCK === 0)) {
      SI.lastIndex = this.at;
      const m = SI.exec(this.text);
      if (m) {
        if (strings.length === this.limit) return this.stop(false);
        strings.push(m[1] ? itemText(m[1]) : '');
        this.at = SI.lastIndex;
        continue;
      }
      const next = await this.items!.next();
      if (next.done) return this.stop(true);
      this.text = next.value;
      this.at = 0;
    }
  }

  private async stop(complete: boolean): Promise<void> {
    this.strings.seal();
    this.strings.complete = complete;
    await this.close();
  }

  /** Lets the part's file go; strings not read by then stay unread. */
  async close(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.text = '';
    await this.items!.return(undefined);
  }
}

/** A cell names a shared string the table has not read (past a limit, or not yet). */
export class StringBeyondLimit extends Error {
  constructor(readonly index: number) {
    super(`shared string ${index} is past those read`);
  }
}

/**
 * Built-in number formats that are dates: 14–22 everywhere, 27–36 and 50–58 in East Asian
 * locales (a Chinese Excel or WPS writes 2026年3月5日 as format 31, which general readers miss).
 * 46 is [h]:mm:ss, an elapsed time, not a date.
 */
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 47, 50, 51, 52,
  53, 54, 55, 56, 57, 58,
]);
const BUILTIN_DURATIONS = new Map([[46, '[h]:mm:ss']]);

/**
 * Whether a custom format code shows a date or time of day (quoted text, escapes and [..]
 * ignored). Elapsed times ([h]:mm:ss) are durations, not dates.
 */
export function isDateFormat(code: string): boolean {
  if (isDurationFormat(code)) return false;
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '')
    .replace(/General/gi, '');
  // A section for numbers (0.00, #,##0, 0E+00) with no date parts is a number format.
  if (/[0#?]/.test(bare) && !/[ymd]/i.test(bare)) return false;
  return /[ymdhs]/i.test(bare) || /[年月日时分秒]/.test(code.replace(/\[[^\]]*\]/g, ''));
}

/**
 * What a number format id shows, by its code where the file writes one (`custom`), else by the
 * built-in table: an elapsed time, a date, or a plain number. One rule for .xlsx and .xls.
 */
export function numberStyleOf(id: number, custom: ReadonlyMap<number, string>): NumberStyle {
  const code = custom.get(id) ?? BUILTIN_DURATIONS.get(id);
  if (code !== undefined && isDurationFormat(code)) return { duration: code, date: false };
  return { date: code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id) };
}

interface CellStyles {
  /** Indexes of cell formats (the `s` of a cell) that show dates. */
  dates: Set<number>;
  /** Indexes of cell formats that show elapsed times, with their format codes. */
  durations: Map<number, string>;
}

export async function readCellStyles(
  file: string,
  entry: ZipEntry | undefined,
): Promise<CellStyles> {
  const styles: CellStyles = { dates: new Set(), durations: new Map() };
  if (!entry) return styles;
  let xml = '';
  for await (const text of elements(file, entry, 'styleSheet')) xml += text;
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = /\bnumFmtId="(\d+)"/.exec(m[0])?.[1];
    const code = /\bformatCode="([^"]*)"/.exec(m[0])?.[1];
    if (id && code !== undefined) custom.set(Number(id), decodeXmlText(code));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const m of cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const style = numberStyleOf(Number(/\bnumFmtId="(\d+)"/.exec(m[0])?.[1] ?? 0), custom);
    if (style.duration !== undefined) styles.durations.set(index, style.duration);
    else if (style.date) styles.dates.add(index);
    index++;
  }
  return styles;
}

export interface SheetContext {
  /** The shared-string table, read as the rows name its strings. */
  sharedStrings: StringReader;
  styles: CellStyles;
  date1904: boolean;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ATTR_R = /\br="([A-Z]+\d+|\d+)"/;
const ATTR_S = /\bs="(\d+)"/;
const ATTR_T = /\bt="(\w+)"/;
const V = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const IS = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const DISPIMG = /DISPIMG\(\s*"([^"]*)"/i;

function cellValue(attrs: string, inner: string | undefined, ctx: SheetContext): NormalCell {
  if (!inner) return { kind: 'empty' };
  const type = ATTR_T.exec(attrs)?.[1] ?? 'n';
  const formula = inner.includes('<f') || inner.includes(':f') ? F.exec(inner) : null;
  if (formula?.[1]) {
    // WPS stores a picture in a cell as =DISPIMG("ID_…",1): data, not a formula.
    const image = DISPIMG.exec(formula[1]);
    if (image) return { kind: 'image', id: image[1]! };
  }
  if (type === 'inlineStr') {
    const is = IS.exec(inner);
    return is ? textCell(itemText(is[1]!)) : { kind: 'empty' };
  }
  // A formula's cached result is what the user saw; nothing is recalculated.
  const v = V.exec(inner)?.[1];
  if (v === undefined) return { kind: 'empty' };
  switch (type) {
    case 's': {
      const { strings } = ctx.sharedStrings;
      const s = strings.get(Number(v));
      if (s === undefined && !strings.complete) throw new StringBeyondLimit(Number(v));
      return s === undefined ? { kind: 'empty' } : textCell(s);
    }
    case 'str':
      return textCell(xmlText(v));
    case 'b':
      return { kind: 'boolean', value: v.trim() === '1' || v.trim() === 'true' };
    case 'e':
      return { kind: 'error', code: xmlText(v) };
    case 'd': {
      const iso = /^\d{4}-\d{2}-\d{2}/.exec(v)?.[0];
      const time = /T(\d{2}:\d{2})/.exec(v)?.[1];
      if (!iso) return textCell(xmlText(v));
      return time && time !== '00:00' ? { kind: 'date', iso, time } : { kind: 'date', iso };
    }
    default: {
      const value = Number(v);
      if (!Number.isFinite(value) || v.trim() === '') return textCell(xmlText(v));
      const style = Number(ATTR_S.exec(attrs)?.[1] ?? 0);
      const duration = ctx.styles.durations.get(style);
      return numberCell(
        value,
        { duration, date: duration === undefined && ctx.styles.dates.has(style) },
        ctx.date1904,
      );
    }
  }
}

interface RawRow {
  row: number;
  cells: NormalCell[];
}

interface RowLimits {
  maxRows: number;
  maxColumns: number;
}

/** A row's cells; throws StringBeyondLimit when a cell names a string not read yet. */
function rowCells(inner: string, ctx: SheetContext, limits: RowLimits): NormalCell[] {
  const cells: NormalCell[] = [];
  let column = 0;
  CELL.lastIndex = 0;
  for (let c = CELL.exec(inner); c; c = CELL.exec(inner)) {
    const ref = ATTR_R.exec(c[1]!)?.[1];
    column = ref ? (decodeRef(ref)?.column ?? column + 1) : column + 1;
    if (column > limits.maxColumns)
      throw new AppError('VALIDATION', `the sheet goes past column ${limits.maxColumns}`, {
        kind: 'too_many_columns',
      });
    while (cells.length < column - 1) cells.push({ kind: 'empty' });
    cells[column - 1] = cellValue(c[1]!, c[2], ctx);
  }
  return cells;
}

/** The rows of a worksheet part that hold anything, in order, with Excel's row numbers. */
export async function* readRows(
  file: string,
  entry: ZipEntry,
  ctx: SheetContext,
  limits: RowLimits,
): AsyncGenerator<RawRow> {
  let rowNumber = 0;
  for await (const text of elements(file, entry, 'row')) {
    ROW.lastIndex = 0;
    for (let m = ROW.exec(text); m; m = ROW.exec(text)) {
      const r = ATTR_R.exec(m[1]!)?.[1];
      rowNumber = r ? Number(r) : rowNumber + 1;
      if (rowNumber > limits.maxRows)
        throw new AppError('VALIDATION', `the sheet goes past row ${limits.maxRows}`, {
          kind: 'too_many_rows',
        });
      const inner = m[2];
      if (!inner) continue;
      let cells: NormalCell[];
      for (;;)
        try {
          cells = rowCells(inner, ctx, limits);
          break;
        } catch (error) {
          // A string the table has not read yet: read on to it, then the row once more.
          if (!(error instanceof StringBeyondLimit)) throw error;
          const { strings } = ctx.sharedStrings;
          const [read, at] = [strings.length, ROW.lastIndex];
          await ctx.sharedStrings.reach(error.index);
          if (strings.length === read && !strings.complete) throw error;
          ROW.lastIndex = at;
        }
      if (cells.length > 0) yield { row: rowNumber, cells };
    }
  }
}
