/**
 * Checks a .xlsx (a zip) from its central directory before anything inflates it: truncated files,
 * encrypted entries, zip bombs (declared sizes and compression ratios), absurd entry and sheet
 * counts. Reads a few kilobytes, never the whole file.
 */
import fs from 'node:fs';
import { AppError, type ErrorKind } from '../../../shared/result';

export interface ZipLimits {
  maxEntries: number;
  maxSheets: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Uncompressed / compressed, checked for entries above 1 MiB. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxSheets: 500,
  maxTotalBytes: 4 * 1024 ** 3,
  maxEntryBytes: 2 * 1024 ** 3,
  maxRatio: 250,
};

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
  encrypted: boolean;
  /** 0 stored, 8 deflated. */
  method: number;
  /** Where the entry's local header starts. */
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;

function bad(kind: ErrorKind, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION', message, { kind, ...extra });
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/**
 * Lists the entries of any zip at `file`, refusing broken or hostile archives; what the package
 * is (xlsx, xlsb, Numbers …) is for sniff.ts to say.
 */
export function listZip(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--)
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    if (eocd < 0)
      throw bad(
        'truncated',
        'the file is damaged or incomplete (no zip directory found); save it again from Excel',
      );

    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
      const locator = eocd - 20;
      if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR)
        throw bad('truncated', 'the zip64 directory is missing');
      const z64 = readAt(fd, Number(tail.readBigUInt64LE(locator + 8)), 56);
      if (z64.length < 56 || z64.readUInt32LE(0) !== ZIP64_EOCD)
        throw bad('truncated', 'the zip64 directory is damaged');
      count = Number(z64.readBigUInt64LE(32));
      cdSize = Number(z64.readBigUInt64LE(40));
      cdOffset = Number(z64.readBigUInt64LE(48));
    }
    if (count > limits.maxEntries)
      throw bad('too_many_entries', `the file holds ${count} parts; a workbook has far fewer`, {
        count,
      });
    if (cdOffset + cdSize > size)
      throw bad(
        'truncated',
        'the file is incomplete (it was cut off while copying or downloading)',
      );

    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let total = 0;
    for (let p = 0; entries.length < count;) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL)
        throw bad('truncated', 'the zip directory is damaged');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      let offset = cd.readUInt32LE(p + 42);
      let compressedSize = cd.readUInt32LE(p + 20);
      let entrySize = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      // Zip64 sizes live in the extra field when the 32-bit ones are saturated.
      for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (entrySize === 0xffffffff) {
            entrySize = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = Number(cd.readBigUInt64LE(q));
            q += 8;
          }
          if (offset === 0xffffffff) offset = Number(cd.readBigUInt64LE(q));
        }
        e += 4 + len;
      }
      entries.push({
        name,
        compressedSize,
        size: entrySize,
        encrypted: (flags & 1) === 1,
        method,
        offset,
      });
      total += entrySize;
      p += 46 + nameLength + extraLength + commentLength;
    }

    if (entries.some((e) => e.encrypted))
      throw bad(
        'encrypted',
        'the file is encrypted; remove the password in Excel and save it again',
      );
    for (const e of entries) {
      if (e.size > limits.maxEntryBytes || total > limits.maxTotalBytes)
        throw bad(
          'zip_bomb',
          `the file would unpack to ${Math.round(total / 1024 ** 2)} MB, more than any real workbook`,
          { entry: e.name },
        );
      if (e.size > 1024 ** 2 && e.size / Math.max(1, e.compressedSize) > limits.maxRatio)
        throw bad(
          'zip_bomb',
          `a part of the file (${e.name}) is compressed ${Math.round(e.size / Math.max(1, e.compressedSize))}:1, which only a zip bomb is`,
          { entry: e.name },
        );
    }
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

/** Lists the entries of the .xlsx at `file`, refusing broken or hostile archives and other zips. */
export function inspectZip(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries = listZip(file, limits);
  // Part names compare case-insensitively. The workbook itself is found later through the
  // package relationships; a package without them must have it at the usual path.
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (
    !names.has('[content_types].xml') ||
    !(names.has('_rels/.rels') || names.has('xl/workbook.xml'))
  )
    throw bad('not_xlsx', 'the file is a zip archive but not an Excel workbook');
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)).length;
  if (sheets > limits.maxSheets)
    throw bad('too_many_sheets', `the workbook has ${sheets} sheets`, { count: sheets });
  return entries;
}

/** Lists the entries of the OpenDocument spreadsheet at `file`, refusing hostile archives. */
export function inspectOds(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  const entries = listZip(file, limits);
  if (!entries.some((e) => e.name.toLowerCase() === 'content.xml'))
    throw bad('not_xlsx', 'the file is an OpenDocument archive without a spreadsheet');
  return entries;
}
