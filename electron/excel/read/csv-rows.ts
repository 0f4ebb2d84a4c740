/**
 * The rows of a CSV file, streamed: decoded chunk by chunk in the encoding detected from its
 * first bytes (see text-decode.ts) or chosen by the user, parsed incrementally, cells normalised
 * like a workbook's text cells.
 */
import fs from 'node:fs';
import { AppError } from '../../../shared/result';
import { type NormalCell, textCell } from './cell-value';
import { CsvParser, detectDelimiter } from './csv-parse';
import {
  type DetectedEncoding,
  detectEncoding,
  detectTextEncoding,
  type TextEncoding,
} from './text-decode';
import { MAX_COLUMNS, MAX_ROWS } from './workbook-parts';
import type { SourceRow } from './xlsx-rows';

const SAMPLE_BYTES = 64 * 1024;

/**
 * The encoding of a text file, detected from its first 64 KiB; `chosen` (the user's pick in the
 * wizard) replaces the detected one, the BOM still skipped.
 */
export function textEncodingOf(file: string, chosen?: TextEncoding | null): DetectedEncoding {
  const fd = fs.openSync(file, 'r');
  try {
    const sample = Buffer.alloc(SAMPLE_BYTES);
    const n = fs.readSync(fd, sample, 0, SAMPLE_BYTES, 0);
    const detected = detectTextEncoding(sample.subarray(0, n), n === SAMPLE_BYTES);
    if (!chosen || chosen === detected.encoding) return detected;
    return {
      ...detected,
      encoding: chosen,
      bomLength: detectEncoding(sample.subarray(0, 4)).bomLength,
      candidates: [chosen, ...detected.candidates.filter((c) => c !== chosen)],
    };
  } finally {
    fs.closeSync(fd);
  }
}

export async function* readCsvRows(
  file: string,
  { encoding, bomLength }: { encoding: TextEncoding; bomLength: number },
): AsyncGenerator<SourceRow> {
  const decoder = new TextDecoder(encoding);
  let parser: CsvParser | null = null;
  let rowNumber = 0;
  const toRow = (cells: string[]): SourceRow => {
    if (++rowNumber > MAX_ROWS)
      throw new AppError('VALIDATION', `the file has more than ${MAX_ROWS} rows`, {
        kind: 'too_many_rows',
      });
    if (cells.length > MAX_COLUMNS)
      throw new AppError('VALIDATION', `row ${rowNumber} has more than ${MAX_COLUMNS} columns`, {
        kind: 'too_many_columns',
      });
    return { row: rowNumber, cells: cells.map((c): NormalCell => textCell(c)) };
  };
  for await (const chunk of fs.createReadStream(file, {
    start: bomLength,
    highWaterMark: 1 << 20,
  })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    parser ??= new CsvParser(detectDelimiter(text));
    for (const cells of parser.push(text)) yield toRow(cells);
  }
  const rest = decoder.decode();
  parser ??= new CsvParser(detectDelimiter(rest));
  for (const cells of [...parser.push(rest), ...parser.end()]) yield toRow(cells);
}
