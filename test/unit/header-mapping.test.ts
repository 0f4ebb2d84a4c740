import { describe, expect, it } from 'vitest';
import { ACCOUNT_HEADER_SYNONYMS } from '../../shared/import/account-fields';
import { guessHeader, headerKey, matchHeader } from '../../shared/import/headers';

const match = (h: string) => matchHeader(h, ACCOUNT_HEADER_SYNONYMS);

describe('header matching', () => {
  it('maps Chinese and English wordings, ignoring width, spaces, brackets and units', () => {
    expect(match('单位名称')).toBe('name');
    expect(match('客户名称')).toBe('name');
    expect(match('Customer')).toBe('name');
    expect(match('统一社会信用代码（18位）')).toBe('uscc');
    expect(match('信用代码')).toBe('uscc');
    expect(match('USCC')).toBe('uscc');
    expect(match('所属省份')).toBe('province');
    expect(match('省　份')).toBe('province');
    expect(match('客户等级(A/B/C)')).toBe('grade');
    expect(match('采购人名称')).toBe('name');
    expect(match('序号')).toBeNull();
    expect(match('')).toBeNull();
    expect(headerKey(' 预算（万元） ')).toBe('预算');
  });

  it('prefers the longest synonym a header contains', () => {
    expect(match('客户类型')).toBe('buyerType');
    expect(match('客户所属行业')).toBe('industry');
  });
});

describe('header row detection', () => {
  it('skips a merged title row and a notes row above the header', () => {
    const rows = [
      ['2026年政府采购意向客户清单', '', '', ''],
      ['制表：大客户部    日期：2026年3月5日', '', '', ''],
      ['序号', '单位名称', '统一社会信用代码', '所属省份'],
      ['1', '杭州市公安局', '11330100002496127J', '浙江省'],
    ];
    expect(guessHeader(rows, ACCOUNT_HEADER_SYNONYMS)).toEqual({
      row: 2,
      mapping: [null, 'name', 'uscc', 'province'],
    });
  });

  it('maps each field once, the first column winning', () => {
    const guess = guessHeader([['客户名称', '单位名称', '地址']], ACCOUNT_HEADER_SYNONYMS);
    expect(guess?.mapping).toEqual(['name', null, 'address']);
  });

  it('finds no header in rows that name fewer than two fields', () => {
    expect(guessHeader([['标题'], ['名称'], ['1', '2']], ACCOUNT_HEADER_SYNONYMS)).toBeNull();
  });
});
