/** Phone numbers as people write them: the same number with or without spacing or the +86 prefix. */
import { cleanText } from '../text';

/**
 * The key two phone numbers are compared by: 138 0013 8000, 138-0013-8000, +86 138 0013 8000 and
 * 13800138000 are one number. Only spaces, dashes and a leading +86 are ignored; anything else
 * (an extension, a different area code) makes a different number.
 */
export function phoneKey(phone: string): string {
  return cleanText(phone)
    .replace(/[\s\-‐‑–—]/g, '')
    .replace(/^\+86/, '');
}

export function samePhone(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return phoneKey(a) === phoneKey(b);
}
