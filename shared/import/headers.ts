/**
 * Finding the header row of a sheet and mapping its columns to fields, by Chinese and English
 * synonyms. Real files put a title (often merged across the columns) and notes above the header,
 * write units into headers — 预算（万元） — and vary the wording: 单位名称 / 客户名称 / 采购人.
 */
import { cleanText } from '../text';

export type Synonyms<F extends string> = Record<F, readonly string[]>;

/** The comparable form of a header: width-folded, lower case, no spaces, brackets, units or punctuation. */
export function headerKey(header: string): string {
  return cleanText(header)
    .toLowerCase()
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s*:：_\-/\\.。·]/g, '');
}

/** The field a header names: an exact synonym first, else the longest synonym it contains. */
export function matchHeader<F extends string>(header: string, synonyms: Synonyms<F>): F | null {
  const key = headerKey(header);
  if (!key) return null;
  let best: { field: F; length: number } | null = null;
  for (const field of Object.keys(synonyms) as F[])
    for (const s of synonyms[field]) {
      const k = headerKey(s);
      if (k === key) return field;
      if (k.length >= 2 && key.includes(k) && (!best || k.length > best.length))
        best = { field, length: k.length };
    }
  return best?.field ?? null;
}

export interface HeaderGuess<F extends string> {
  /** Index of the header row among the rows given (0-based). */
  row: number;
  /** For each column of that row, the field it maps to (each field used once, first column wins). */
  mapping: (F | null)[];
}

/**
 * Picks the row, among the first ones of a sheet, whose cells name the most known fields (at
 * least two); a title row or a notes row names at most one.
 */
export function guessHeader<F extends string>(
  rows: readonly (readonly string[])[],
  synonyms: Synonyms<F>,
  scanRows = 30,
): HeaderGuess<F> | null {
  let best: HeaderGuess<F> & { score: number } = { row: -1, mapping: [], score: 1 };
  rows.slice(0, scanRows).forEach((cells, row) => {
    const used = new Set<F>();
    const mapping = cells.map((cell) => {
      const field = matchHeader(cell, synonyms);
      if (field === null || used.has(field)) return null;
      used.add(field);
      return field;
    });
    if (used.size > best.score) best = { row, mapping, score: used.size };
  });
  return best.row < 0 ? null : { row: best.row, mapping: best.mapping };
}
