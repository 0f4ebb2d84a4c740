/**
 * What kind of file the user picked, from its bytes — never from its name: a renamed .xls, an
 * HTML table or SpreadsheetML 2003 "exported to Excel", a password-protected workbook, a .xlsb or
 * an Apple Numbers file must each get their own reader or their own clear message, not a
 * parser's stack trace nor markup shown as CSV rows. Every format decision is made here.
 */

export type FileKind =
  /** A zip: xlsx/xlsm, unless its entries say another package (see sniffZip). */
  | 'xlsx'
  /** An OpenDocument spreadsheet (.ods). */
  | 'ods'
  /** An OLE2 compound file: a BIFF .xls or WPS .et (encrypted ones are found in ole-guard.ts). */
  | 'xls'
  | 'encrypted-ooxml'
  | 'html'
  | 'spreadsheetml'
  /** XML that is not SpreadsheetML 2003. */
  | 'xml'
  | 'sylk'
  | 'dif'
  | 'text'
  | 'unknown';

/** What a zip holds, from its entry names and [Content_Types].xml. */
export type ZipKind = 'xlsx' | 'xlsb' | 'numbers';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** "EncryptedPackage" as it is named inside an OLE2 container (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

const SPREADSHEETML_NS = 'urn:schemas-microsoft-com:office:spreadsheet';

/** An OpenDocument spreadsheet: a zip whose first entry, stored, is `mimetype` naming it. */
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** The head as text to look at its first markup: BOM gone, UTF-16 decoded, leading blanks gone. */
function headText(head: Uint8Array): string {
  const b = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  let text: string;
  if (b[0] === 0xff && b[1] === 0xfe) text = b.subarray(2).toString('utf16le');
  else if (b[0] === 0xfe && b[1] === 0xff) {
    const body = Buffer.from(b.subarray(2, 2 + ((b.length - 2) & ~1)));
    text = body.swap16().toString('utf16le');
  } else if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    text = b.subarray(3).toString('latin1');
  // Latin-1 keeps every byte: the markers looked for are ASCII in UTF-8, GB18030 and 1252 alike.
  else text = b.toString('latin1');
  return text.trimStart();
}

/** Markup: an XML declaration, SpreadsheetML, or an HTML page or fragment with a table. */
function markupKind(text: string): FileKind | null {
  const lower = text.toLowerCase();
  if (!lower.startsWith('<')) return null;
  // After <?xml …?> or <?mso-application progid="Excel.Sheet"?>, or the <Workbook> itself.
  const workbookStart = ['<?', '<workbook', '<ss:workbook'].some((s) => lower.startsWith(s));
  if (workbookStart && text.includes(SPREADSHEETML_NS)) return 'spreadsheetml';
  // Excel's own HTML (xmlns:x="urn:schemas-microsoft-com:office:excel") may start with <?xml too.
  const html = ['<!doctype html', '<html', '<head', '<meta', '<table', '<body', '<style', '<!--'];
  if (html.some((start) => lower.startsWith(start)) || lower.includes('<table')) return 'html';
  if (lower.startsWith('<?')) return 'xml';
  return null;
}

export function sniffFile(head: Buffer): FileKind {
  if (startsWith(head, ZIP) && head.length >= 30) {
    const at = 30 + head.readUInt16LE(26);
    const named = head.toString('latin1', 30, at);
    const data = at + head.readUInt16LE(28);
    if (
      named === 'mimetype' &&
      head.toString('latin1', data, data + ODS_MIMETYPE.length) === ODS_MIMETYPE
    )
      return 'ods';
  }
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) return 'xlsx';
  // Excel and WPS put a password-protected .xlsx inside an OLE2 compound file, like a legacy .xls
  // (an encrypted .xls itself is found by its FILEPASS record, in ole-guard.ts).
  if (startsWith(head, OLE2)) return head.includes(ENCRYPTED_PACKAGE) ? 'encrypted-ooxml' : 'xls';
  const sample = head.subarray(0, 4096);
  // Text: no NUL bytes (UTF-16 text has a BOM).
  if (sample.length === 0 || (sample[0] !== 0xff && sample[0] !== 0xfe && sample.includes(0)))
    return 'unknown';
  const text = headText(head);
  // SYLK starts "ID;P…" (Excel writes ID;PWXL;N;E); DIF starts with its TABLE header "TABLE\r\n0,1".
  if (text.startsWith('ID;P')) return 'sylk';
  if (/^TABLE\r?\n0,1\r?\n/.test(text)) return 'dif';
  return markupKind(text) ?? 'text';
}

/**
 * A zip's kind from its entries: .xlsb declares a binary workbook in [Content_Types].xml (and
 * keeps it in xl/workbook.bin); Apple Numbers keeps its document in Index/*.iwa (Numbers '09:
 * index.xml) and has no content types.
 */
export function sniffZip(entryNames: readonly string[], contentTypes: string | null): ZipKind {
  const names = new Set(entryNames.map((n) => n.toLowerCase()));
  if (
    contentTypes?.includes('application/vnd.ms-excel.sheet.binary.macroEnabled.main') ||
    names.has('xl/workbook.bin')
  )
    return 'xlsb';
  if (
    !names.has('[content_types].xml') &&
    (names.has('index/document.iwa') || names.has('index.zip') || names.has('index.xml'))
  )
    return 'numbers';
  return 'xlsx';
}
