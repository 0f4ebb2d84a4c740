/** Same rule as the contact schema: digits, spaces, + - ( ), 5–20 characters, optional 转/ext extension. */
const PHONE = /^\+?[\d\s()-]{5,20}(\s*(转|ext\.?|x)\s*\d{1,6})?$/i;

export function isValidPhone(value: string): boolean {
  const v = value.normalize('NFKC').trim();
  return v === '' || PHONE.test(v);
}
