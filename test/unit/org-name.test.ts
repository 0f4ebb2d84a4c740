import { describe, expect, it } from 'vitest';
import { normalizeOrgName } from '../../shared/text';

describe('normalised organisation names', () => {
  it('ignores width, brackets, spaces and legal-form suffixes', () => {
    const key = normalizeOrgName('北京市（朝阳区）顺达汽车租赁有限公司');
    expect(normalizeOrgName('北京市(朝阳区)顺达汽车租赁')).toBe(key);
    expect(normalizeOrgName(' 北京市 朝阳区 顺达汽车租赁有限责任公司 ')).toBe(key);
    expect(normalizeOrgName('北京市【朝阳区】顺达汽车租赁股份有限公司')).toBe(key);
  });

  it('folds full-width Latin letters and case', () => {
    expect(normalizeOrgName('ＡＢＣ　Co., Ltd.')).toBe(normalizeOrgName('abc'));
  });

  it('keeps 分公司 and 分行: a branch is another organisation', () => {
    expect(normalizeOrgName('顺达分公司')).not.toBe(normalizeOrgName('顺达'));
    expect(normalizeOrgName('中国工商银行股份有限公司北京市分行')).toContain('分行');
  });

  it('strips invisible characters pasted from web pages', () => {
    expect(normalizeOrgName('杭州市\u200B公安局\uFEFF')).toBe(normalizeOrgName('杭州市公安局'));
  });
});
