/**
 * The record layer of a BIFF8 workbook stream ([MS-XLS] 2.1.4): records walked in place, and the
 * strings that may run on into CONTINUE records — where a new CONTINUE inside a string's
 * characters starts with its own one-byte "16-bit characters" flag.
 */
import { AppError } from '../../../shared/result';

export const RECORD = {
  BOF: 0x0809,
  EOF: 0x000a,
  CONTINUE: 0x003c,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  FORMAT: 0x041e,
  XF: 0x00e0,
  DATEMODE: 0x0022,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGECELLS: 0x00e5,
  BLANK: 0x0201,
  MULBLANK: 0x00be,
} as const;

/** Excel's error codes as BIFF stores them. */
export const BIFF_ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

export function damagedBiff(message: string): AppError {
  return new AppError('VALIDATION', `${message}; the workbook is damaged`, {
    kind: 'ole_damaged',
  });
}

export interface BiffRecord {
  type: number;
  /** Where the record's header starts in the stream. */
  at: number;
  body: Buffer;
}

/** The records from `start`, in order, each body a view into the stream (nothing copied). */
export function* records(stream: Buffer, start = 0): Generator<BiffRecord> {
  for (let at = start; at + 4 <= stream.length;) {
    const type = stream.readUInt16LE(at);
    const length = stream.readUInt16LE(at + 2);
    if (at + 4 + length > stream.length) throw damagedBiff('a record runs past the end');
    yield { type, at, body: stream.subarray(at + 4, at + 4 + length) };
    at += 4 + length;
  }
}

/** The bodies of the CONTINUE records right after the record at `at`. */
export function continuations(stream: Buffer, record: BiffRecord): Buffer[] {
  const parts: Buffer[] = [];
  for (let at = record.at + 4 + record.body.length; at + 4 <= stream.length;) {
    if (stream.readUInt16LE(at) !== RECORD.CONTINUE) break;
    const length = stream.readUInt16LE(at + 2);
    if (at + 4 + length > stream.length) break;
    parts.push(stream.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return parts;
}

/** Reads across a record and its CONTINUE records. */
export class SpanReader {
  private part = 0;
  private offset = 0;

  constructor(private readonly parts: Buffer[]) {}

  private current(): Buffer {
    while (this.part < this.parts.length && this.offset >= this.parts[this.part]!.length) {
      this.part++;
      this.offset = 0;
    }
    const buffer = this.parts[this.part];
    if (!buffer) throw damagedBiff('a string runs past the end of its record');
    return buffer;
  }

  /** Whether the reader stands at the start of a CONTINUE record. */
  private atBoundary(): boolean {
    this.current();
    return this.part > 0 && this.offset === 0;
  }

  byte(): number {
    const buffer = this.current();
    return buffer[this.offset++]!;
  }

  u16(): number {
    return this.byte() | (this.byte() << 8);
  }

  u32(): number {
    return (this.u16() + this.u16() * 0x10000) >>> 0;
  }

  skip(n: number): void {
    for (let left = n; left > 0;) {
      const buffer = this.current();
      const step = Math.min(left, buffer.length - this.offset);
      this.offset += step;
      left -= step;
    }
  }

  /** `count` characters, 8-bit (Latin-1) or UTF-16; a CONTINUE re-states the width. */
  chars(count: number, wide: boolean): string {
    let text = '';
    let left = count;
    let sixteen = wide;
    while (left > 0) {
      if (this.atBoundary()) sixteen = (this.byte() & 1) === 1;
      const buffer = this.current();
      const size = sixteen ? 2 : 1;
      const n = Math.min(left, Math.floor((buffer.length - this.offset) / size));
      if (n === 0) throw damagedBiff('a string is cut in the middle of a character');
      const end = this.offset + n * size;
      text += buffer.toString(sixteen ? 'utf16le' : 'latin1', this.offset, end);
      this.offset = end;
      left -= n;
    }
    return text;
  }

  /** An XLUnicodeString (16-bit count) or, with `shortCount`, a ShortXLUnicodeString. */
  unicodeString(shortCount = false): string {
    const count = shortCount ? this.byte() : this.u16();
    const flags = this.byte();
    return this.chars(count, (flags & 1) === 1);
  }

  /** An XLUnicodeRichExtendedString (the SST's kind): formatting runs and phonetics skipped. */
  richString(): string {
    const count = this.u16();
    const flags = this.byte();
    const runs = flags & 0x08 ? this.u16() : 0;
    const phonetic = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.skip(runs * 4 + phonetic);
    return text;
  }
}

/** The shared strings (the SST record and its CONTINUE records). */
export function sharedStrings(stream: Buffer, record: BiffRecord): string[] {
  const reader = new SpanReader([record.body, ...continuations(stream, record)]);
  reader.skip(4);
  const unique = reader.u32();
  // Each string takes at least three bytes: a count beyond the stream is invented.
  if (unique * 3 > stream.length)
    throw damagedBiff(`the shared-string table declares ${unique} strings`);
  const strings = new Array<string>(unique);
  for (let i = 0; i < unique; i++) strings[i] = reader.richString();
  return strings;
}

/** Cell records of BIFF5 and later (formulas in all three numberings, rich labels of BIFF5). */
const ANY_CELL = new Set([0x00fd, 0x0204, 0x0203, 0x027e, 0x0205, 0x0006, 0x0206, 0x0406, 0x00d6]);

/** How many cells the stream's records hold, a MULRK counting each of its own. */
export function countCells(stream: Buffer): number {
  let cells = 0;
  for (const { type, body } of records(stream))
    if (type === RECORD.MULRK) cells += Math.max(0, Math.floor((body.length - 6) / 6));
    else if (ANY_CELL.has(type)) cells++;
  return cells;
}

/** An RK number: a 30-bit integer or the top of a double, maybe ×100. */
export function rkNumber(rk: number): number {
  const value = rk & 2 ? rk >> 2 : rkDouble(rk);
  return rk & 1 ? value / 100 : value;
}

const rkBuffer = Buffer.alloc(8);
function rkDouble(rk: number): number {
  rkBuffer.writeUInt32LE(0, 0);
  rkBuffer.writeInt32LE((rk & 0xfffffffc) | 0, 4);
  return rkBuffer.readDoubleLE(0);
}
