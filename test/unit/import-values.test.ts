import { describe, expect, it } from 'vitest';
import { BUYER_TYPES, GRADES, LIFECYCLES } from '../../shared/enums';
import { enumFromText } from '../../shared/import/enum-text';
import { regionFromText } from '../../shared/import/region-text';

describe('vocabulary values from spreadsheet text', () => {
  it('accepts codes, labels, label parts and extra wordings', () => {
    const extra = { government: ['政府'], system: ['系统'], direct: ['直销'] } as const;
    for (const text of [
      'government',
      'B类 政府采购',
      'B类政府采购',
      '政府采购',
      '政府',
      'Ｂ类　政府采购',
      'Government procurement',
    ])
      expect(enumFromText(BUYER_TYPES, text, extra), text).toBe('government');
    expect(enumFromText(BUYER_TYPES, 'A类', extra)).toBe('direct');
    expect(enumFromText(BUYER_TYPES, '直销', extra)).toBe('direct');
    expect(enumFromText(GRADES, 'a')).toBe('A');
    expect(enumFromText(GRADES, 'B 控制时间')).toBe('B');
    expect(enumFromText(LIFECYCLES, '保有')).toBe('retained');
    expect(enumFromText(BUYER_TYPES, '其他', extra)).toBeNull();
    expect(enumFromText(BUYER_TYPES, '', extra)).toBeNull();
  });
});

describe('regions from names', () => {
  it('reads province, city and district, full or short, in one cell or not', () => {
    expect(regionFromText('浙江省')).toEqual({
      provinceCode: '330000',
      cityCode: null,
      districtCode: null,
    });
    expect(regionFromText('浙江')).toEqual({
      provinceCode: '330000',
      cityCode: null,
      districtCode: null,
    });
    expect(regionFromText('浙江省杭州市西湖区')).toEqual({
      provinceCode: '330000',
      cityCode: '330100',
      districtCode: '330106',
    });
    expect(regionFromText('浙江 杭州')).toEqual({
      provinceCode: '330000',
      cityCode: '330100',
      districtCode: null,
    });
    expect(regionFromText('杭州市')).toEqual({
      provinceCode: '330000',
      cityCode: '330100',
      districtCode: null,
    });
    expect(regionFromText('内蒙古自治区呼和浩特市')).toMatchObject({
      provinceCode: '150000',
      cityCode: '150100',
    });
  });

  it('places a municipality’s districts under 市辖区', () => {
    expect(regionFromText('北京市朝阳区')).toEqual({
      provinceCode: '110000',
      cityCode: '110100',
      districtCode: '110105',
    });
    expect(regionFromText('上海')).toEqual({
      provinceCode: '310000',
      cityCode: null,
      districtCode: null,
    });
  });

  it('refuses names that are not divisions', () => {
    expect(regionFromText('火星')).toBeNull();
    expect(regionFromText('浙江省不存在市')).toBeNull();
    expect(regionFromText('')).toBeNull();
  });
});
