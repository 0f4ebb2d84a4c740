import { describe, expect, it } from 'vitest';
import {
  excelSerialToIsoDate,
  formatDateZh,
  isValidIsoDate,
  parseDateText,
} from '../../shared/values/date';
import {
  formatFen,
  formatFenAsWan,
  moneyUnitOfHeader,
  parseMoneyToFen,
} from '../../shared/values/money';

describe('dates', () => {
  it('converts Excel serials of the 1900 system, around its phantom leap day', () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(46086)).toBe('2026-03-05');
    expect(excelSerialToIsoDate(46086.99)).toBe('2026-03-05');
  });

  it('converts Excel serials of the 1904 system', () => {
    expect(excelSerialToIsoDate(0, true)).toBe('1904-01-01');
    expect(excelSerialToIsoDate(46086 - 1462, true)).toBe('2026-03-05');
  });

  it('reads the ways dates are written, full-width digits included', () => {
    for (const text of [
      '2026-03-05',
      '2026/3/5',
      '2026.3.5',
      '2026年3月5日',
      '２０２６年３月５日',
      ' 2026-3-5 14:30 ',
      '20260305',
      '2026-03-05T00:00:00',
    ])
      expect(parseDateText(text), text).toBe('2026-03-05');
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    for (const text of ['2026-02-29', '2026-13-01', '2026年3月', '3/5/2026', 'abc', ''])
      expect(parseDateText(text), text).toBeNull();
    expect(parseDateText('2024-02-29')).toBe('2024-02-29');
    expect(isValidIsoDate('2026-04-31')).toBe(false);
  });

  it('writes dates the Chinese way', () => {
    expect(formatDateZh('2026-03-05')).toBe('2026年3月5日');
  });
});

describe('money', () => {
  it('parses yuan with symbols, separators, full-width digits and units', () => {
    expect(parseMoneyToFen('¥1,234.50')).toBe(123450);
    expect(parseMoneyToFen('1234元')).toBe(123400);
    expect(parseMoneyToFen('１２３４．５')).toBe(123450);
    expect(parseMoneyToFen('￥ 12,345,678.9')).toBe(1234567890);
    expect(parseMoneyToFen('0.005')).toBe(1);
    expect(parseMoneyToFen(1234.5)).toBe(123450);
    expect(parseMoneyToFen(0.1 + 0.2)).toBe(30);
  });

  it('parses 万元 from the cell or from the column header', () => {
    expect(parseMoneyToFen('12.5万元')).toBe(12_500_000);
    expect(parseMoneyToFen('12.5万')).toBe(12_500_000);
    expect(parseMoneyToFen('12.5', 'wan')).toBe(12_500_000);
    expect(parseMoneyToFen(12.5, 'wan')).toBe(12_500_000);
    expect(parseMoneyToFen('800元', 'wan')).toBe(80_000);
    expect(moneyUnitOfHeader('预算（万元）')).toBe('wan');
    expect(moneyUnitOfHeader('中标金额(元)')).toBe('yuan');
    expect(moneyUnitOfHeader('数量')).toBeNull();
  });

  it('reads negatives and refuses what is not an amount', () => {
    expect(parseMoneyToFen('-12.30')).toBe(-1230);
    expect(parseMoneyToFen('(1,200.00)')).toBe(-120000);
    for (const text of ['', '12,34', '1.2.3', '十二万', 'abc', '12万元元'])
      expect(parseMoneyToFen(text), text).toBeNull();
  });

  it('formats fen as yuan and as 万元', () => {
    expect(formatFen(123450)).toBe('¥1,234.50');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFenAsWan(12_500_000)).toBe('12.50万元');
    expect(formatFenAsWan(1_234_567_890)).toBe('1,234.57万元');
  });
});
