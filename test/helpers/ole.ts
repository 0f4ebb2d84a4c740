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
