/**
 * Vehicle identification numbers (GB 16735 / ISO 3779): 17 characters, digits and capital letters
 * without I, O and Q, and a check character in position 9. China requires the check character;
 * some imported vehicles (European VINs) do not carry one, so a mismatch can be acknowledged.
 */

const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export type VinProblem = 'length' | 'forbidden_letter' | 'characters' | 'check_digit';

/** Upper case, half-width, spaces and dashes removed. */
export function normalizeVin(value: string): string {
  return value.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

function valueOf(c: string): number {
  return /\d/.test(c) ? Number(c) : (TRANSLITERATION[c] ?? 0);
}

/** The check character a VIN should carry in position 9. */
export function vinCheckCharacter(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += valueOf(vin[i]!) * WEIGHTS[i]!;
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** What is wrong with a normalised VIN, or null. */
export function vinProblem(vin: string): VinProblem | null {
  if (vin.length !== 17) return 'length';
  if (/[IOQ]/.test(vin)) return 'forbidden_letter';
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin)) return 'characters';
  if (vin[8] !== vinCheckCharacter(vin)) return 'check_digit';
  return null;
}
