/**
 * A vocabulary value from what a spreadsheet says: the code (government), the zh or en label
 * (B类 政府采购 / B · Government procurement), the label without its prefix (政府采购), or an
 * extra wording a list may use (政府). Comparison ignores width, case, spaces and punctuation.
 */
import type { Label } from '../enums';
import { headerKey } from './headers';

/** Compared form → code; and, as cells are met, a cell's own text → code (or null). */
type Index = Map<string, string> & { texts?: Map<string, string | null> };
const indexes = new WeakMap<object, WeakMap<object, Index>>();

/** Every wording of every value, compared form → code; built once per table (imports call this per cell). */
function indexOf<K extends string>(
  table: Record<K, Label>,
  extra: Partial<Record<K, readonly string[]>>,
): Index {
  let byExtra = indexes.get(table);
  if (!byExtra) indexes.set(table, (byExtra = new WeakMap()));
  let index = byExtra.get(extra);
  if (!index) {
    index = new Map();
    for (const code of Object.keys(table) as K[]) {
      const label = table[code];
      for (const c of [
        code,
        label.zh,
        label.en,
        ...label.zh.split(/\s+/),
        ...label.en.split(/\s*·\s*/),
        ...(extra[code] ?? []),
      ]) {
        const key = headerKey(c);
        if (key && !index.has(key)) index.set(key, code);
      }
    }
    byExtra.set(extra, index);
  }
  return index;
}

const NO_EXTRA = {};

export function enumFromText<K extends string>(
  table: Record<K, Label>,
  text: string,
  extra: Partial<Record<K, readonly string[]>> | undefined = NO_EXTRA,
): K | null {
  const index = indexOf(table, extra ?? NO_EXTRA);
  // A column holds a handful of wordings, 100,000 times over: each is compared once.
  const texts = (index.texts ??= new Map());
  let code = texts.get(text);
  if (code === undefined) {
    const key = headerKey(text);
    code = (key && index.get(key)) || null;
    if (texts.size >= 10_000) texts.clear();
    texts.set(text, code);
  }
  return code as K | null;
}
