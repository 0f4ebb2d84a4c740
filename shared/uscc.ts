/**
 * 统一社会信用代码 (USCC), GB 32100-2015: 18 characters from a 31-character alphabet (no I O S V Z),
 * the last one a check character over the first 17 (weights 3^i mod 31).
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

type UsccProblem = 'length' | 'charset' | 'check';

/** Accepts what people type or paste: full-width, lower case, spaces and hyphens. */
export function normalizeUscc(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\-\u200B-\u200D\uFEFF]/g, '')
    .toUpperCase();
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) throw new Error(`not a USCC character: ${first17.charAt(i)}`);
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Returns null when the (normalised) code is valid, otherwise what is wrong with it. */
export function usccProblem(normalized: string): UsccProblem | null {
  if (normalized.length !== 18) return 'length';
  for (const ch of normalized) if (!ALPHABET.includes(ch)) return 'charset';
  return usccCheckChar(normalized.slice(0, 17)) === normalized.charAt(17) ? null : 'check';
}

export function isValidUscc(input: string): boolean {
  return usccProblem(normalizeUscc(input)) === null;
}
