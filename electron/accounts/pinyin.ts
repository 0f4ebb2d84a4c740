/**
 * Pinyin keys for organisation names: SQLite compares code points, which puts 三明 before 中国
 * before 阿坝 — not the order a Chinese user expects (nor Excel's). Names sort by `name_sort`
 * (syllables separated by spaces, so 'a ba' < 'an'), and quick search also matches initials
 * (hzsgaj finds 杭州市公安局).
 *
 * pinyin-pro reads whole words (重庆 chong qing, 银行 yin hang) but costs ~15 µs a name, too slow
 * for a 100,000-row import. Most characters have one toneless reading and are looked up once;
 * only a character with several (行 xing/hang, 长 chang/zhang) is read in the context of its
 * neighbours, and those few-character windows repeat across names, so they are cached too.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/;
const CONTEXT = 3;
const CACHE_LIMIT = 50_000;

const readingsOf = new Map<string, string[]>();
const inContext = new Map<string, string>();

function readings(ch: string): string[] {
  let r = readingsOf.get(ch);
  if (!r) {
    r = [...new Set(pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true }))].map(
      (s) => s.toLowerCase(),
    );
    readingsOf.set(ch, r);
  }
  return r;
}

function readInContext(chars: string[], i: number): string {
  const from = Math.max(0, i - CONTEXT);
  const window = chars.slice(from, i + CONTEXT + 1);
  const key = `${window.join('')}\u0000${i - from}`;
  let r = inContext.get(key);
  if (r === undefined) {
    const read = pinyin(window.join(''), { toneType: 'none', type: 'array', v: true });
    // One element per character is expected; anything else falls back to the usual reading.
    r = (read.length === window.length ? read[i - from] : undefined)?.toLowerCase() ?? '';
    if (!r || r === chars[i]) r = readings(chars[i]!)[0] ?? chars[i]!;
    if (inContext.size >= CACHE_LIMIT) inContext.clear();
    inContext.set(key, r);
  }
  return r;
}

/** Syllables of the Han characters, and runs of anything else kept whole (as pinyin-pro's `consecutive`). */
function tokens(name: string): { text: string; han: boolean }[] {
  const chars = [...name];
  const out: { text: string; han: boolean }[] = [];
  let other = '';
  chars.forEach((ch, i) => {
    if (!HAN.test(ch)) {
      other += ch;
      return;
    }
    if (other) out.push({ text: other.toLowerCase(), han: false });
    other = '';
    const r = readings(ch);
    out.push({
      text: r.length === 1 ? r[0]! : r.length === 0 ? ch : readInContext(chars, i),
      han: true,
    });
  });
  if (other) out.push({ text: other.toLowerCase(), han: false });
  return out;
}

export function nameSortKey(name: string): string {
  return tokens(name)
    .map((t) => t.text)
    .join(' ');
}

export function nameInitials(name: string): string {
  return tokens(name)
    .filter((t) => t.han)
    .map((t) => t.text.charAt(0))
    .join('');
}

/** Both keys in one pass (imports compute both for every row). */
export function nameKeys(name: string): { sort: string; initials: string } {
  const t = tokens(name);
  return {
    sort: t.map((x) => x.text).join(' '),
    initials: t
      .filter((x) => x.han)
      .map((x) => x.text.charAt(0))
      .join(''),
  };
}
