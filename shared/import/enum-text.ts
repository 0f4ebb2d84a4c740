/**
 * A vocabulary value from what a spreadsheet says: the code (government), the zh or en label
 * (B类 政府采购 / B · Government procurement), the label without its prefix (政府采购), or an
 * extra wording a list may use (政府). Comparison ignores width, case, spaces and punctuation.
 */
import type { Label } from '../enums';
import { headerKey } from './headers';

export function enumFromText<K extends string>(
  table: Record<K, Label>,
  text: string,
  extra: Partial<Record<K, readonly string[]>> = {},
): K | null {
  const key = headerKey(text);
  if (!key) return null;
  for (const code of Object.keys(table) as K[]) {
    const label = table[code];
    const candidates = [
      code,
      label.zh,
      label.en,
      ...label.zh.split(/\s+/),
      ...label.en.split(/\s*·\s*/),
      ...(extra[code] ?? []),
    ];
    if (candidates.some((c) => headerKey(c) === key)) return code;
  }
  return null;
}
