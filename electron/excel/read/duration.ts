/**
 * Elapsed-time number formats ([h]:mm:ss, [mm]:ss, [ss] …): the cell holds a length of time in
 * days, not a point in time, so 1.5208 under [h]:mm:ss is 36 hours 30 minutes, never
 * 1900-01-01 12:30.
 *
 * For import a duration is kept as the text Excel shows for it ("36:30:00", "36小时30分"), with
 * its exact length in seconds beside it. Import fields read cells as text (cellAsText), and
 * none of them is a length of time: a user who maps such a column to 备注 expects to find what
 * the sheet showed, and one who maps it to a date, quantity or money column by mistake gets
 * that text in the "not a date/number" reason instead of a silently invented date.
 */

/** An elapsed unit in brackets ([h], [hh], [mm], [ss] …). */
const ELAPSED = /\[(?:h+|m+|s+)\]/i;

/** The first section of a format code (the one for positive numbers). */
function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (ch === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}

/** Whether a format code shows an elapsed time (and no calendar date). */
export function isDurationFormat(code: string): boolean {
  const section = firstSection(code);
  if (!ELAPSED.test(section)) return false;
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return !/[yd年日]/i.test(bare);
}

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'unit'; unit: 'h' | 'm' | 's'; elapsed: boolean; width: number }
  | { kind: 'fraction'; digits: number };

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i]!;
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '_') {
      // Padding as wide as the next character: a space is what it looks like.
      tokens.push({ kind: 'literal', text: ' ' });
      i += 2;
    } else if (ch === '*')
      i += 2; // fill character: nothing in text
    else if (/^(AM\/PM|A\/P)/i.test(section.slice(i, i + 5)))
      i += /^AM\/PM/i.test(section.slice(i, i + 5)) ? 5 : 3; // an elapsed time has no half day
    else if (ch === '[') {
      const end = section.indexOf(']', i);
      const stop = end < 0 ? section.length : end;
      const inner = section.slice(i + 1, stop).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner))
        tokens.push({
          kind: 'unit',
          unit: inner[0] as 'h' | 'm' | 's',
          elapsed: true,
          width: inner.length,
        });
      i = stop + 1; // colours, locales and conditions show nothing
    } else if (lower === 'h' || lower === 'm' || lower === 's') {
      let j = i;
      while (j < section.length && section[j]!.toLowerCase() === lower) j++;
      tokens.push({ kind: 'unit', unit: lower, elapsed: false, width: Math.min(2, j - i) });
      i = j;
    } else if (ch === '.' && section[i + 1] === '0' && tokens.at(-1)?.kind === 'unit') {
      let j = i + 1;
      while (section[j] === '0') j++;
      tokens.push({ kind: 'fraction', digits: Math.min(3, j - i - 1) });
      i = j;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i++;
    }
  }
  return tokens;
}

const UNIT_SECONDS = { h: 3600, m: 60, s: 1 } as const;

/**
 * The text Excel shows for `days` under an elapsed-time format: seconds rounded to the decimals
 * shown, every larger unit whole (37 h 40 min under [h] is "37"), the bracketed unit unbounded.
 */
export function formatDuration(days: number, code: string): string {
  const tokens = tokenize(firstSection(code));
  const digits = tokens.reduce((d, t) => (t.kind === 'fraction' ? t.digits : d), 0);
  const scale = 10 ** digits;
  const total = Math.round(Math.abs(days) * 86_400 * scale) / scale;
  const units = tokens.filter((t) => t.kind === 'unit');
  // The largest unit shown carries everything above it; the others are what is left over.
  const largest = units.reduce<'h' | 'm' | 's'>(
    (big, t) => (UNIT_SECONDS[t.unit] > UNIT_SECONDS[big] ? t.unit : big),
    's',
  );
  const whole = Math.floor(total + 1e-9);
  const value = (unit: 'h' | 'm' | 's') =>
    Math.floor(whole / UNIT_SECONDS[unit]) % (unit === largest ? Infinity : 60);
  let text = '';
  for (const t of tokens) {
    if (t.kind === 'literal') text += t.text;
    else if (t.kind === 'unit') text += String(value(t.unit)).padStart(t.width, '0');
    else
      text += `.${String(Math.round((total - whole) * scale))
        .padStart(t.digits, '0')
        .slice(0, t.digits)}`;
  }
  return days < 0 && total > 0 ? `-${text}` : text;
}

/** The length in seconds, to the millisecond (a day is 86,400 s; floats drift below that). */
export function durationSeconds(days: number): number {
  return Math.round(days * 86_400_000) / 1000;
}
