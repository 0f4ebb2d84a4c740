/**
 * Which column of the chosen header row goes into which field of the import target. The backend
 * guesses it for the header row it found; when the user picks another header row, the same rules
 * (shared/import/headers, with the target's synonyms) guess again here, from the preview rows.
 */
import { headerKey } from '../../../../shared/import/headers';
import type {
  ImportField,
  ImportTarget,
  SavedMapping,
  SheetInspection,
} from '../../../../shared/schemas/imports';
import { TARGETS } from './import-targets';

export interface MappedColumn {
  /** 0-based column index in the sheet. */
  index: number;
  header: string;
  field: ImportField | null;
}

/** A, B … Z, AA … as Excel names columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function cellsOfRow(sheet: SheetInspection, row: number): readonly string[] {
  return sheet.preview.find((r) => r.row === row)?.cells ?? [];
}

function rowsBelow(sheet: SheetInspection, headerRow: number) {
  return sheet.preview.filter((r) => r.row > headerRow);
}

/** The first few non-empty values under the header, to recognise a column by its content. */
export function sampleValues(
  sheet: SheetInspection,
  headerRow: number,
  index: number,
  max = 3,
): string[] {
  const samples: string[] = [];
  for (const r of rowsBelow(sheet, headerRow)) {
    const value = r.cells[index]?.trim();
    if (value) samples.push(value);
    if (samples.length >= max) break;
  }
  return samples;
}

/** Each field at most once: the first column naming it wins, as on the backend. */
function guessFields(target: ImportTarget, headers: readonly string[]): (ImportField | null)[] {
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const field = TARGETS[target].matchHeader(header);
    if (field === null || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/**
 * The columns of a header row with a field each: the backend's guess for the header row it found,
 * the same rules applied here for any other row. Columns without a header are kept when data sits
 * under them (the user may still map them); fully empty ones are left out.
 */
export function guessColumns(
  target: ImportTarget,
  sheet: SheetInspection,
  headerRow: number,
): MappedColumn[] {
  const headers = cellsOfRow(sheet, headerRow).map((c) => c.trim());
  const below = rowsBelow(sheet, headerRow);
  const width = Math.max(headers.length, ...below.map((r) => r.cells.length));
  const fields =
    headerRow === sheet.headerRow
      ? Array.from({ length: width }, (_, i) => sheet.columns.find((c) => c.index === i)?.field)
      : guessFields(target, headers);
  const columns: MappedColumn[] = [];
  for (let index = 0; index < width; index++) {
    const header = headers[index] ?? '';
    if (!header && !below.some((r) => r.cells[index]?.trim())) continue;
    columns.push({ index, header, field: fields[index] ?? null });
  }
  return columns;
}

/** Maps one column; a column that had the field before loses it (a field is used once). */
export function assignField(
  columns: readonly MappedColumn[],
  index: number,
  field: ImportField | null,
): MappedColumn[] {
  return columns.map((c) => {
    if (c.index === index) return { ...c, field };
    return field !== null && c.field === field ? { ...c, field: null } : c;
  });
}

/**
 * A saved mapping applied by header text (compared as headerKey, so 单位名称（全称） matches
 * 单位名称). Columns it does not name are skipped. `matched` is 0 when no header matched: the
 * caller then keeps the current mapping.
 */
export function applySavedMapping(
  columns: readonly MappedColumn[],
  mapping: SavedMapping,
): { columns: MappedColumn[]; matched: number } {
  const byKey = new Map(mapping.columns.map((c) => [headerKey(c.header), c.field]));
  const used = new Set<ImportField>();
  let matched = 0;
  const next = columns.map((c) => {
    const field = c.header ? byKey.get(headerKey(c.header)) : undefined;
    if (!field || used.has(field)) return { ...c, field: null };
    used.add(field);
    matched++;
    return { ...c, field };
  });
  return { columns: next, matched };
}

/** What `imports.saveMapping` stores: the mapped columns that have a header to recognise them by. */
export function mappingToSave(columns: readonly MappedColumn[]) {
  return columns.flatMap((c) =>
    c.field !== null && c.header.trim() ? [{ header: c.header.trim(), field: c.field }] : [],
  );
}
