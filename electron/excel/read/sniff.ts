/**
 * What kind of file the user picked, from its first bytes — never from its name: a renamed .xls
 * or a password-protected workbook must get a clear message, not a parser's stack trace.
 */

type FileKind = 'xlsx' | 'xls' | 'ods' | 'encrypted-ooxml' | 'text' | 'unknown';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** "EncryptedPackage" as it is named inside an OLE2 container (UTF-16LE). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** An OpenDocument spreadsheet: a zip whose first entry, stored, is `mimetype` naming it. */
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

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
  // Text: no NUL bytes (UTF-16 text has a BOM and is handled by the decoder).
  if (sample.length > 0 && (sample[0] === 0xff || sample[0] === 0xfe || !sample.includes(0)))
    return 'text';
  return 'unknown';
}
