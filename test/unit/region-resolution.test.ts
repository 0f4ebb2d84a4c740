import { describe, expect, it } from 'vitest';
import { matchRegion, regionFromText } from '../../shared/import/region-text';
import { importedNote } from '../../shared/import/notes';
import { regionFromCode, regionOfUscc } from '../../shared/regions';
import { phoneKey, samePhone } from '../../shared/values/phone';
import { usccCheckChar } from '../../shared/uscc';

const county = (provinceCode: string, cityCode: string, districtCode: string) => ({
  provinceCode,
  cityCode,
  districtCode,
});

describe('regions people write', () => {
  it('finds a county-level city given alone, short, or under its province only', () => {
    const yixing = county('320000', '320200', '320282');
    for (const text of ['宜兴市', '宜兴', '江苏省宜兴市', '江苏 宜兴', '无锡市宜兴市'])
      expect(regionFromText(text), text).toEqual(yixing);
    expect(regionFromText('义乌市')).toEqual(county('330000', '330700', '330782'));
    expect(regionFromText('昆山市')).toEqual(county('320000', '320500', '320583'));
    expect(regionFromText('长沙县')).toEqual(county('430000', '430100', '430121'));
  });

  it('finds a prefecture city that starts like its province (吉林市)', () => {
    expect(regionFromText('吉林市')).toEqual({
      provinceCode: '220000',
      cityCode: '220200',
      districtCode: null,
    });
  });

  it('says when a county name is shared instead of guessing', () => {
    const chaoyang = matchRegion('朝阳区');
    expect(chaoyang.kind).toBe('ambiguous');
    expect(chaoyang.kind === 'ambiguous' && chaoyang.candidates.map((c) => c.districtCode)).toEqual(
      ['110105', '220104'],
    );
    expect(matchRegion('鼓楼区').kind).toBe('ambiguous');
    expect(regionFromText('西湖区')).toBeNull();
    // With the province or city the same name is one place.
    expect(regionFromText('北京市朝阳区')).toEqual(county('110000', '110100', '110105'));
    expect(regionFromText('浙江杭州西湖区')).toEqual(county('330000', '330100', '330106'));
    expect(matchRegion('火星')).toEqual({ kind: 'unknown' });
  });

  it("reads the registration authority's region from characters 3–8 of a USCC", () => {
    const uscc = (first17: string) => first17 + usccCheckChar(first17);
    expect(regionOfUscc(uscc('91320282MA1XXXXXX'))).toEqual(county('320000', '320200', '320282'));
    expect(regionOfUscc(uscc('11110105000000000'))).toEqual(county('110000', '110100', '110105'));
    // A code the list no longer has falls back to its city, then its province.
    expect(regionFromCode('320299')).toEqual({
      provinceCode: '320000',
      cityCode: '320200',
      districtCode: null,
    });
    expect(regionFromCode('329999')).toEqual({
      provinceCode: '320000',
      cityCode: null,
      districtCode: null,
    });
    expect(regionFromCode('999999')).toBeNull();
  });
});

describe('phone numbers and notes from a file', () => {
  it('compares phone numbers without spaces, dashes or the +86 prefix', () => {
    for (const written of [
      '138 0013 8000',
      '138-0013-8000',
      '+86 138 0013 8000',
      '+86-13800138000',
    ])
      expect(samePhone(written, '13800138000'), written).toBe(true);
    expect(phoneKey('０５７１－８７６５ ４３２１')).toBe('057187654321');
    expect(samePhone('13800138000', '13800138001')).toBe(false);
    expect(samePhone('0571-87654321', '0571-87654321 转 8')).toBe(false);
    expect(samePhone('8613800138000', '13800138000')).toBe(false);
  });

  it('fills an empty note only', () => {
    expect(importedNote(null, '重点客户')).toBe('fill');
    expect(importedNote('  ', '重点客户')).toBe('fill');
    expect(importedNote('重点客户\n每周回访', '重点客户 每周回访')).toBe('same');
    expect(importedNote('王处长说年底有预算', '重点客户')).toBe('kept');
  });

  it('matches each region text once and shares the frozen answer', () => {
    const first = matchRegion('浙江 杭州 西湖区');
    expect(first).toEqual({
      kind: 'found',
      codes: { provinceCode: '330000', cityCode: '330100', districtCode: '330106' },
    });
    expect(matchRegion('浙江 杭州 西湖区')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const ambiguous = matchRegion('朝阳区');
    expect(ambiguous.kind).toBe('ambiguous');
    expect(() => {
      (ambiguous as { candidates: unknown[] }).candidates.push(null);
    }).toThrow(TypeError);
  });
});
