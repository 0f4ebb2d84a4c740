/**
 * A minimal OLE compound file (version 3, 512-byte sectors) holding one "Workbook" stream, for
 * hostile-file tests: the header, FAT and directory can be bent one field at a time.
 */
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FATSECT = 0xfffffffd;

interface OleOptions {
  /** The Workbook stream's bytes (padded to 4,096 so that it lives in regular sectors). */
  stream?: Buffer;
  /** What the directory says the stream's size is. */
  declaredSize?: number;
  /** Changes to the FAT after it is built (sector → next sector). */
  fat?: Record<number, number>;
  /** What the header says the number of FAT sectors is. */
  fatSectors?: number;
}

/** A BIFF8 workbook stream: BOF, then `records`, then EOF. */
export function biffStream(records: Buffer[] = []): Buffer {
  const bof = Buffer.alloc(20);
  bof.writeUInt16LE(0x0809, 0);
  bof.writeUInt16LE(16, 2);
  bof.writeUInt16LE(0x0600, 4);
  bof.writeUInt16LE(0x0005, 6);
  return Buffer.concat([bof, ...records, Buffer.from([0x0a, 0x00, 0x00, 0x00])]);
}

/** A FILEPASS record (RC4 encryption), as Excel writes it in a password-protected .xls. */
export function filepassRecord(): Buffer {
  const r = Buffer.alloc(4 + 54);
  r.writeUInt16LE(0x002f, 0);
  r.writeUInt16LE(54, 2);
  r.writeUInt16LE(1, 4);
  return r;
}

export function oleFile(options: OleOptions = {}): Buffer {
  const raw = options.stream ?? biffStream();
  const stream = Buffer.concat([raw, Buffer.alloc(Math.max(0, 4096 - raw.length))]);
  const streamSectors = Math.ceil(stream.length / 512);
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(options.fatSectors ?? 1, 44);
  header.writeUInt32LE(1, 48); // directory in sector 1
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END, 60);
  header.writeUInt32LE(END, 68);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(END, 4);
  for (let i = 0; i < streamSectors; i++)
    fat.writeUInt32LE(i === streamSectors - 1 ? END : 3 + i, (2 + i) * 4);
  for (const [sector, next] of Object.entries(options.fat ?? {}))
    fat.writeUInt32LE(next, Number(sector) * 4);

  const dir = Buffer.alloc(512);
  const entry = (i: number, name: string, type: number, start: number, size: number) => {
    const p = i * 128;
    const n = Buffer.from(`${name}\0`, 'utf16le');
    n.copy(dir, p);
    dir.writeUInt16LE(n.length, p + 64);
    dir.writeUInt8(type, p + 66);
    dir.writeUInt8(1, p + 67);
    dir.writeUInt32LE(FREE, p + 68);
    dir.writeUInt32LE(FREE, p + 72);
    dir.writeUInt32LE(type === 5 ? 1 : FREE, p + 76);
    dir.writeUInt32LE(start, p + 116);
    dir.writeUInt32LE(size, p + 120);
  };
  entry(0, 'Root Entry', 5, END, 0);
  entry(1, 'Workbook', 2, 2, options.declaredSize ?? stream.length);
  return Buffer.concat([header, fat, dir, stream]);
}

/** One BIFF record: type, length, body. */
export function record(type: number, body: Buffer | number[]): Buffer {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

/** A cell record's row, column and XF index, then `rest`. */
export function cell(type: number, row: number, column: number, xf: number, rest: Buffer): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt16LE(row, 0);
  head.writeUInt16LE(column, 2);
  head.writeUInt16LE(xf, 4);
  return record(type, Buffer.concat([head, rest]));
}

/** An XLUnicodeString: 16-bit count, flags, then 8-bit or UTF-16 characters. */
export function unicodeString(text: string, shortCount = false): Buffer {
  const wide = [...text].some((c) => c.charCodeAt(0) > 0xff);
  const head = Buffer.alloc(shortCount ? 2 : 3);
  if (shortCount) head.writeUInt8(text.length, 0);
  else head.writeUInt16LE(text.length, 0);
  head.writeUInt8(wide ? 1 : 0, head.length - 1);
  return Buffer.concat([head, Buffer.from(text, wide ? 'utf16le' : 'latin1')]);
}

interface BookSheet {
  name: string;
  /** hsState: 0 visible, 1 hidden; type: 0 worksheet, 2 chart. */
  hidden?: boolean;
  type?: number;
  records: Buffer[];
}

function bof(kind: number): Buffer {
  const body = Buffer.alloc(16);
  body.writeUInt16LE(0x0600, 0);
  body.writeUInt16LE(kind, 2);
  return record(0x0809, body);
}
const EOF_RECORD = record(0x000a, []);

/** A worksheet's substream, for embedding (a chart inside a sheet) or as a sheet. */
export function substream(kind: number, records: Buffer[]): Buffer {
  return Buffer.concat([bof(kind), ...records, EOF_RECORD]);
}

/**
 * A whole BIFF8 workbook stream: globals (`globals` records, then a BOUNDSHEET per sheet with
 * its offset), then each sheet's substream.
 */
export function biffBook(globals: Buffer[], sheets: BookSheet[]): Buffer {
  const bodies = sheets.map((s) => substream(s.type === 2 ? 0x0020 : 0x0010, s.records));
  const bound = (s: BookSheet, at: number) => {
    const body = Buffer.concat([Buffer.alloc(6), unicodeString(s.name, true)]);
    body.writeUInt32LE(at, 0);
    body.writeUInt8(s.hidden ? 1 : 0, 4);
    body.writeUInt8(s.type ?? 0, 5);
    return record(0x0085, body);
  };
  // BOUNDSHEET records have a fixed length per name, so the offsets can be laid out first.
  const boundLength = sheets.reduce((n, s) => n + bound(s, 0).length, 0);
  let at = bof(5).length + globals.reduce((n, r) => n + r.length, 0) + boundLength + 4;
  const bounds = sheets.map((s, i) => {
    const b = bound(s, at);
    at += bodies[i]!.length;
    return b;
  });
  return Buffer.concat([bof(5), ...globals, ...bounds, EOF_RECORD, ...bodies]);
}
