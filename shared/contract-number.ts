/**
 * Contract numbers from a pattern such as `HT{yyyy}-{seq:4}`: {yyyy} {yy} {mm} take the signing
 * period (the business date), {seq:N} the next free number for the text around it, zero-padded to
 * N digits. Pure, so the settings form validates and previews the pattern as the user types and the
 * main process numbers contracts with the same rules.
 */

export const DEFAULT_CONTRACT_NUMBER_PATTERN = 'HT{yyyy}-{seq:4}';

/** A contract number's longest form (the contract schema's limit). */
const CONTRACT_NUMBER_MAX = 60;

type Part =
  { kind: 'text'; text: string } | { kind: 'yyyy' | 'yy' | 'mm' } | { kind: 'seq'; width: number };

type PatternProblem =
  | 'contract_number.pattern_empty'
  | 'contract_number.pattern_token'
  | 'contract_number.pattern_no_seq'
  | 'contract_number.pattern_two_seq'
  | 'contract_number.pattern_seq_width'
  | 'contract_number.pattern_chars'
  | 'contract_number.pattern_too_long';

type ParsedPattern = { ok: true; parts: Part[] } | { ok: false; problem: PatternProblem };

// Letters, digits and the separators people put in contract numbers; no spaces (a number's key
// drops them, so two numbers could only differ in them).
const LITERAL = /^[\p{L}\p{N}\-_/.#()（）·]*$/u;

export function parsePattern(pattern: string): ParsedPattern {
  const p = pattern.trim();
  if (p === '') return { ok: false, problem: 'contract_number.pattern_empty' };
  const parts: Part[] = [];
  let seqs = 0;
  let rest = p;
  while (rest.length > 0) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (close !== -1 && (open === -1 || close < open))
      return { ok: false, problem: 'contract_number.pattern_token' };
    if (open === -1) {
      parts.push({ kind: 'text', text: rest });
      break;
    }
    if (open > 0) parts.push({ kind: 'text', text: rest.slice(0, open) });
    if (close === -1) return { ok: false, problem: 'contract_number.pattern_token' };
    const token = rest.slice(open + 1, close);
    rest = rest.slice(close + 1);
    if (token === 'yyyy' || token === 'yy' || token === 'mm') parts.push({ kind: token });
    else {
      const seq = /^seq(?::(\d+))?$/.exec(token);
      if (!seq) return { ok: false, problem: 'contract_number.pattern_token' };
      const width = seq[1] === undefined ? 1 : Number(seq[1]);
      if (width < 1 || width > 8)
        return { ok: false, problem: 'contract_number.pattern_seq_width' };
      seqs += 1;
      parts.push({ kind: 'seq', width });
    }
  }
  if (seqs === 0) return { ok: false, problem: 'contract_number.pattern_no_seq' };
  if (seqs > 1) return { ok: false, problem: 'contract_number.pattern_two_seq' };
  if (parts.some((x) => x.kind === 'text' && !LITERAL.test(x.text)))
    return { ok: false, problem: 'contract_number.pattern_chars' };
  const longest = parts.reduce(
    (n, x) =>
      n +
      (x.kind === 'text' ? x.text.length : x.kind === 'seq' ? Math.max(x.width, 6) : x.kind.length),
    0,
  );
  if (longest > CONTRACT_NUMBER_MAX)
    return { ok: false, problem: 'contract_number.pattern_too_long' };
  return { ok: true, parts };
}

export function patternProblem(pattern: string): PatternProblem | null {
  const r = parsePattern(pattern);
  return r.ok ? null : r.problem;
}

/** The same key contracts are unique by: NFKC, no white space, upper case. */
export function numberKey(number: string): string {
  return number.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

interface NumberFrame {
  /** The text before and after the sequence, with the date filled in, as the pattern writes it. */
  before: string;
  after: string;
  width: number;
}

/** The pattern for one business date (YYYY-MM-DD): what surrounds the sequence number. */
export function frameOf(parts: readonly Part[], date: string): NumberFrame {
  let before = '';
  let after = '';
  let width = 1;
  let seen = false;
  for (const x of parts) {
    const text =
      x.kind === 'text'
        ? x.text
        : x.kind === 'yyyy'
          ? date.slice(0, 4)
          : x.kind === 'yy'
            ? date.slice(2, 4)
            : x.kind === 'mm'
              ? date.slice(5, 7)
              : '';
    if (x.kind === 'seq') {
      seen = true;
      width = x.width;
    } else if (seen) after += text;
    else before += text;
  }
  return { before, after, width };
}

/** The sequence number of an existing number's key in this frame, or null if it is not one. */
export function sequenceOf(frame: NumberFrame, key: string): number | null {
  const before = numberKey(frame.before);
  const after = numberKey(frame.after);
  if (key.length < before.length + after.length) return null;
  if (!key.startsWith(before) || !key.endsWith(after)) return null;
  const digits = key.slice(before.length, key.length - after.length);
  return /^\d+$/.test(digits) && digits.length <= 12 ? Number(digits) : null;
}

/**
 * The next free number: one past the highest sequence already used in this frame (a number that
 * exists is never given again, even where an earlier one is missing).
 */
export function nextNumber(frame: NumberFrame, existingKeys: Iterable<string>): string {
  let max = 0;
  for (const key of existingKeys) {
    const n = sequenceOf(frame, key);
    if (n !== null && n > max) max = n;
  }
  return `${frame.before}${String(max + 1).padStart(frame.width, '0')}${frame.after}`;
}
