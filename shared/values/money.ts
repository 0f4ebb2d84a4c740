/**
 * Money as people write it — ¥1,234.50, 1234元, 12.5万元, full-width digits, (1,200.00) for a
 * negative — to integer fen, without binary floating point on the way.
 */

export type MoneyUnit = 'yuan' | 'wan';

/** Moves the decimal point of a plain decimal string `shift` places right and rounds half up to an integer. */
function shiftToInteger(digits: string, shift: number): number | null {
  const [intPart = '', fracPart = ''] = digits.split('.');
  const padded = fracPart.padEnd(shift + 1, '0');
  const whole = (intPart + padded.slice(0, shift)).replace(/^0+(?=\d)/, '');
  const roundUp = Number(padded.charAt(shift)) >= 5;
  const n = Number(whole || '0') + (roundUp ? 1 : 0);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Parses an amount to fen. `unit` is what the column header says (金额（万元）→ 'wan'); a unit
 * written in the cell itself (万, 万元, 元) wins. Returns null for text that is not an amount.
 */
export function parseMoneyToFen(value: string | number, unit: MoneyUnit = 'yuan'): number | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // Spreadsheet numbers: round through a fixed decimal string, not by multiplying floats.
    return parseMoneyToFen(value.toFixed(6), unit);
  }
  let s = value
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[¥￥]|RMB|CNY|人民币/gi, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  let cellUnit: MoneyUnit | null = null;
  if (/万元?$/.test(s)) {
    cellUnit = 'wan';
    s = s.replace(/万元?$/, '');
  } else if (/元整?$/.test(s)) {
    cellUnit = 'yuan';
    s = s.replace(/元整?$/, '');
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^\.\d+$/.test(s)) return null;
  const fen = shiftToInteger(s.replace(/,/g, ''), (cellUnit ?? unit) === 'wan' ? 6 : 2);
  if (fen === null) return null;
  return negative && fen !== 0 ? -fen : fen;
}

/** Which unit a column header announces: 预算（万元）, 金额(元), Budget (10k CNY). */
export function moneyUnitOfHeader(header: string): MoneyUnit | null {
  const h = header.normalize('NFKC');
  if (/万元|万|10k|10,000/i.test(h)) return 'wan';
  if (/元|CNY|RMB|¥/i.test(h)) return 'yuan';
  return null;
}

const grouped = (n: bigint): string => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 123450 → ¥1,234.50 */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = BigInt(Math.abs(fen));
  return `${sign}¥${grouped(abs / 100n)}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** 125000000 → 125.00万元 (budgets are discussed in 万元) */
export function formatFenAsWan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = BigInt(Math.abs(fen));
  // fen → 万元 is a division by 1,000,000; two decimals, rounded half up.
  const hundredths = (abs + 5_000n) / 10_000n;
  return `${sign}${grouped(hundredths / 100n)}.${(hundredths % 100n).toString().padStart(2, '0')}万元`;
}
