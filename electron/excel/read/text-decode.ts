/**
 * The encoding of a text file (CSV, HTML), detected from its bytes rather than guessed: a BOM
 * first; then valid UTF-8 is UTF-8; otherwise the legacy encodings Chinese offices meet are
 * scored by chardet — GB18030 (a superset of GBK and GB2312, what Excel on a Chinese Windows
 * writes) against Windows-1252 (a Western Excel's "CSV": "México" must not become "M閤ico").
 * GB18030 wins ties, as Chinese text is what this app mostly reads.
 */
import { analyse } from 'chardet';
import { TEXT_ENCODINGS, type TextEncoding } from '../../../shared/schemas/imports';

export type { TextEncoding };

export interface DetectedEncoding {
  encoding: TextEncoding;
  bomLength: number;
  /** The encodings the bytes could be in, most likely first (the wizard offers them). */
  candidates: TextEncoding[];
}

export function isTextEncoding(name: string): name is TextEncoding {
  return (TEXT_ENCODINGS as readonly string[]).includes(name);
}

/** The encoding a byte-order mark names, with the mark's length; bomLength 0 when none. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}

/** chardet's names for the single-byte Western family Windows-1252 decodes. */
const LATIN = new Set(['ISO-8859-1', 'windows-1252', 'ISO-8859-15', 'ISO-8859-2', 'ISO-8859-9']);

function validIn(encoding: TextEncoding, sample: Uint8Array, partial: boolean): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: partial });
    return true;
  } catch {
    return false;
  }
}

/**
 * Detects the encoding of a file from its first bytes. `partial`: the sample stops before the end
 * of the file, so a character cut in two at its end is not an error.
 */
export function detectTextEncoding(sample: Uint8Array, partial: boolean): DetectedEncoding {
  const bom = detectEncoding(sample.subarray(0, 4));
  if (bom.bomLength > 0) return { ...bom, candidates: [bom.encoding] };
  if (validIn('utf-8', sample, partial))
    return { encoding: 'utf-8', bomLength: 0, candidates: ['utf-8', 'gb18030', 'windows-1252'] };
  let gb = 0;
  let latin = 0;
  for (const { name, confidence } of analyse(sample)) {
    if (name === 'GB18030') gb = Math.max(gb, confidence);
    if (LATIN.has(name)) latin = Math.max(latin, confidence);
  }
  if (!validIn('gb18030', sample, partial)) gb = -1;
  const encoding: TextEncoding = gb >= latin ? 'gb18030' : 'windows-1252';
  const other: TextEncoding = encoding === 'gb18030' ? 'windows-1252' : 'gb18030';
  return { encoding, bomLength: 0, candidates: [encoding, other, 'utf-8'] };
}
