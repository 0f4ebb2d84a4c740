/**
 * The rows an import reads from its file: the chosen sheet below the header row, empty rows
 * skipped. One definition, whichever thread reads: the job's own (run-import.ts) or its reader
 * thread (row-reader.ts). This module and what it imports stay free of the database.
 */
import type { ImportRunInput } from '../../shared/schemas/imports';
import { AppError } from '../../shared/result';
import { cellAsText, type NormalCell } from '../excel/read/cell-value';
import { openTable } from '../excel/read/table-source';

/** Where the rows come from: the staged file and the user's choices in the wizard. */
export interface SheetParams {
  input: ImportRunInput;
  file: string;
  fileName: string;
  /** Where the workbook's checked structure is kept between the wizard's reads (staging.ts). */
  structureCache?: string;
}

export type SheetEvent =
  /** First: how many rows below the header the sheet says it has (0 when it does not say). */
  | { kind: 'start'; expected: number }
  | { kind: 'header'; texts: string[] }
  | { kind: 'row'; row: number; cells: NormalCell[] };

export async function* sheetRows(params: SheetParams): AsyncGenerator<SheetEvent> {
  const { input, file, fileName, structureCache } = params;
  const source = await openTable(file, fileName, { encoding: input.encoding, structureCache });
  const sheet = source.sheets.find((s) => s.name === input.sheet);
  if (!sheet)
    throw new AppError('VALIDATION', `the file has no sheet called “${input.sheet}”`, {
      kind: 'sheet_not_found',
    });
  yield {
    kind: 'start',
    expected: sheet.rowCount ? Math.max(0, sheet.rowCount - input.headerRow) : 0,
  };
  let headerSeen = false;
  for await (const { row, cells } of source.rows(input.sheet)) {
    if (row < input.headerRow) continue;
    if (row === input.headerRow) {
      headerSeen = true;
      yield { kind: 'header', texts: cells.map(cellAsText) };
    } else if (!cells.every((c) => c.kind === 'empty')) yield { kind: 'row', row, cells };
  }
  if (!headerSeen)
    throw new AppError('VALIDATION', `the sheet has no row ${input.headerRow}`, {
      kind: 'header_not_found',
    });
}

/** The mapped columns as [index, field] pairs. */
export function mappedColumns<F extends string>(input: ImportRunInput): (readonly [number, F])[] {
  return input.columns.flatMap((c) => (c.field ? [[c.index, c.field as F] as const] : []));
}
