/**
 * Checks a legacy .xls / WPS .et (an OLE compound file holding a BIFF workbook) before SheetJS
 * parses it: the library builds every stream the directory declares in memory and follows sector
 * chains as they are written, so a hostile header (a stream declared larger than the file,
 * a FAT chain that loops, sectors shared between streams, absurd sector counts) must be refused
 * here, from the bytes, with a reason. Also refuses a password-protected BIFF workbook (its
 * FILEPASS record), which SheetJS would otherwise half-read.
 */
import { AppError, type ErrorKind } from '../../../shared/result';

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
/** Highest number a real sector may have (above it are the markers). */
const MAX_REGULAR = 0xfffffffa;
const DIRECTORY_ENTRY = 128;
const HEADER_DIFAT = 109;
/** BIFF record types: the beginning of a substream, and the one that says "encrypted". */
const BIFF_BOF = new Set([0x0809, 0x0409, 0x0209, 0x0009]);
const BIFF_FILEPASS = 0x002f;

function damaged(message: string, kind: ErrorKind = 'ole_damaged'): AppError {
  return new AppError('VALIDATION', message, { kind });
}

interface DirEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

/** The workbook stream, checked: its name, declared size and bytes. */
export interface OleWorkbook {
  stream: string;
  size: number;
  bytes: Buffer;
}

/** The sectors of the chain starting at `start`, refusing chains that leave the table or loop. */
function chain(table: Uint32Array, start: number, what: string): number[] {
  const sectors: number[] = [];
  const seen = new Set<number>();
  for (let s = start; s !== END_OF_CHAIN; s = table[s]!) {
    if (s > MAX_REGULAR || s >= table.length)
      throw damaged(`the ${what} points past the end of the file; the file is damaged`);
    if (seen.has(s)) throw damaged(`the ${what} runs in a circle, which only a crafted file does`);
    seen.add(s);
    sectors.push(s);
  }
  return sectors;
}

/** Parses and checks the compound file in `bytes`; returns its workbook stream. */
export function checkOleWorkbook(bytes: Buffer, maxStreamBytes: number): OleWorkbook {
  if (bytes.length < 512) throw damaged('the file is cut off (shorter than its own header)');
  const major = bytes.readUInt16LE(26);
  const shift = bytes.readUInt16LE(30);
  if (
    bytes.readUInt16LE(28) !== 0xfffe ||
    !((major === 3 && shift === 9) || (major === 4 && shift === 12))
  )
    throw damaged('the compound-file header is not one Excel or WPS writes; the file is damaged');
  const sectorSize = 1 << shift;
  const miniShift = bytes.readUInt16LE(32);
  if (miniShift !== 6) throw damaged('the compound file declares an unknown mini-sector size');
  const sectorCount = Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize));
  const at = (sector: number) => (sector + 1) * sectorSize;
  const perSector = sectorSize / 4;

  const fatSectors = bytes.readUInt32LE(44);
  const difatCount = bytes.readUInt32LE(72);
  // Each FAT sector maps perSector sectors: more FAT sectors than the file needs are invented.
  if (fatSectors === 0 || fatSectors > Math.ceil(sectorCount / perSector) + 1)
    throw damaged(
      `the compound file declares ${fatSectors} allocation sectors for ${sectorCount} sectors`,
    );
  if (difatCount > Math.ceil(fatSectors / (perSector - 1)) + 1)
    throw damaged(`the compound file declares ${difatCount} extra allocation-table sectors`);

  // Where the FAT sectors are: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatAt: number[] = [];
  for (let i = 0; i < HEADER_DIFAT && fatAt.length < fatSectors; i++) {
    const s = bytes.readUInt32LE(76 + i * 4);
    if (s !== FREE) fatAt.push(s);
  }
  const seenDifat = new Set<number>();
  for (let d = bytes.readUInt32LE(68); fatAt.length < fatSectors;) {
    if (d > MAX_REGULAR || d >= sectorCount || seenDifat.has(d) || seenDifat.size >= difatCount)
      throw damaged('the allocation table of the compound file is damaged');
    seenDifat.add(d);
    for (let i = 0; i < perSector - 1 && fatAt.length < fatSectors; i++) {
      const s = bytes.readUInt32LE(at(d) + i * 4);
      if (s !== FREE) fatAt.push(s);
    }
    d = bytes.readUInt32LE(at(d) + sectorSize - 4);
  }
  const fat = new Uint32Array(Math.min(fatSectors * perSector, sectorCount));
  fatAt.forEach((s, i) => {
    if (s >= sectorCount)
      throw damaged('an allocation sector lies past the end of the file; it is cut off');
    for (let j = 0; j < perSector && i * perSector + j < fat.length; j++)
      fat[i * perSector + j] = bytes.readUInt32LE(at(s) + j * 4);
  });

  const read = (sectors: number[], size: number): Buffer => {
    const out = Buffer.alloc(Math.min(size, sectors.length * sectorSize));
    sectors.forEach((s, i) =>
      bytes.copy(
        out,
        i * sectorSize,
        at(s),
        Math.min(at(s) + sectorSize, at(s) + out.length - i * sectorSize),
      ),
    );
    return out;
  };

  const dirSectors = chain(fat, bytes.readUInt32LE(48), 'directory');
  const dirBytes = read(dirSectors, dirSectors.length * sectorSize);
  const entries: DirEntry[] = [];
  for (let p = 0; p + DIRECTORY_ENTRY <= dirBytes.length; p += DIRECTORY_ENTRY) {
    const type = dirBytes.readUInt8(p + 66);
    if (type === 0) continue;
    const nameLength = Math.min(64, dirBytes.readUInt16LE(p + 64));
    const high = major === 4 ? dirBytes.readUInt32LE(p + 124) : 0;
    entries.push({
      name: dirBytes.toString('utf16le', p, p + Math.max(0, nameLength - 2)),
      type,
      start: dirBytes.readUInt32LE(p + 116),
      size: high * 2 ** 32 + dirBytes.readUInt32LE(p + 120),
    });
  }
  const root = entries.find((e) => e.type === 5);
  if (!root) throw damaged('the compound file has no root directory; the file is damaged');
  const cutoff = bytes.readUInt32LE(56);
  const rootSectors = root.size > 0 ? chain(fat, root.start, 'mini-stream container') : [];
  if (root.size > rootSectors.length * sectorSize)
    throw damaged('the compound file declares more than it holds; it is cut off');
  const miniFat = new Uint32Array(Math.floor(root.size / 64));
  const miniFatStart = bytes.readUInt32LE(60);
  if (miniFatStart !== END_OF_CHAIN && miniFatStart !== FREE) {
    const raw = read(chain(fat, miniFatStart, 'mini allocation table'), Number.MAX_SAFE_INTEGER);
    for (let i = 0; i < miniFat.length && i * 4 + 4 <= raw.length; i++)
      miniFat[i] = raw.readUInt32LE(i * 4);
  }

  // Every stream's declared size is checked against the chain that holds it; together they
  // cannot hold more than the file (real streams never share sectors).
  let total = 0;
  const sectorsOf = new Map<DirEntry, number[]>();
  for (const e of entries) {
    if (e.type !== 2) continue;
    if (e.size > bytes.length)
      throw damaged(
        `the stream “${e.name}” declares ${Math.round(e.size / 1024 ** 2)} MB in a file of ${Math.round(bytes.length / 1024 ** 2)} MB, which only a crafted file does`,
      );
    total += e.size;
    if (e.size === 0) continue;
    const mini = e.size < cutoff;
    const sectors = chain(mini ? miniFat : fat, e.start, `stream “${e.name}”`);
    if (sectors.length * (mini ? 64 : sectorSize) < e.size)
      throw damaged(`the stream “${e.name}” is cut off; the file is incomplete`);
    sectorsOf.set(e, sectors);
  }
  if (total > bytes.length)
    throw damaged('the streams of the compound file declare more than the file holds');

  const book =
    entries.find((e) => e.type === 2 && /^workbook$/i.test(e.name)) ??
    entries.find((e) => e.type === 2 && /^book$/i.test(e.name));
  if (!book)
    throw new AppError(
      'VALIDATION',
      'this Office file holds no workbook (a Word or PowerPoint file?); save the sheet as .xlsx',
      { kind: 'unknown_format' },
    );
  if (book.size > maxStreamBytes)
    throw damaged(
      `the workbook declares ${Math.round(book.size / 1024 ** 2)} MB, more than any real .xls`,
      'file_too_large',
    );

  const sectors = sectorsOf.get(book) ?? [];
  let head: Buffer;
  if (book.size < cutoff) {
    const container = read(rootSectors, root.size);
    head = Buffer.concat(sectors.map((s) => container.subarray(s * 64, s * 64 + 64))).subarray(
      0,
      book.size,
    );
  } else head = read(sectors, book.size);
  // The first records of the workbook: FILEPASS right after the globals' BOF means encrypted.
  if (head.length < 4 || !BIFF_BOF.has(head.readUInt16LE(0)))
    throw damaged('the workbook stream does not start like a BIFF workbook; the file is damaged');
  for (let p = 0, n = 0; p + 4 <= head.length && n < 64; n++) {
    const type = head.readUInt16LE(p);
    if (type === BIFF_FILEPASS)
      throw new AppError(
        'VALIDATION',
        'the workbook is password-protected; remove the password and save it again',
        { kind: 'encrypted' },
      );
    if (type === 0x000a || type === 0x0085) break; // end of globals, or the first sheet's entry
    p += 4 + head.readUInt16LE(p + 2);
  }
  return { stream: book.name, size: book.size, bytes: head };
}
