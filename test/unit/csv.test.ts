import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutralizeFormula } from '../../electron/excel/csv';
import { columnWidth, displayWidth } from '../../electron/excel/widths';
import { wallClock } from '../../electron/excel/wall-clock';

describe('CSV cells', () => {
  it('neutralises text that a spreadsheet would run as a formula (OWASP)', () => {
    for (const text of [
      '=1+1',
      '+cmd|calc',
      '-2+3',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '=HYPERLINK("http://x")',
    ])
      expect(neutralizeFormula(text), text).toBe(`'${text}`);
  });

  it('leaves genuine numbers and ordinary text alone', () => {
    for (const text of ['-12.5', '+3', '1e5', '杭州市公安局', 'a=b'])
      expect(neutralizeFormula(text), text).toBe(text);
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('北京,朝阳')).toBe('"北京,朝阳"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('两行\n文字')).toBe('"两行\n文字"');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('spreadsheet helpers', () => {
  it('counts CJK characters double when sizing columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('客户名称')).toBe(8);
    expect(columnWidth('名称', ['中国工商银行股份有限公司北京市分行'])).toBe(36);
  });

  it('writes timestamps as the wall-clock time of the user’s zone', () => {
    const shanghai = wallClock('Asia/Shanghai');
    expect(shanghai('2026-03-04T16:30:00.000Z')!.toISOString()).toBe('2026-03-05T00:30:00.000Z');
    const berlin = wallClock('Europe/Berlin');
    expect(berlin('2026-07-01T12:00:00.000Z')!.toISOString()).toBe('2026-07-01T14:00:00.000Z');
    expect(berlin('2026-01-01T12:00:00.000Z')!.toISOString()).toBe('2026-01-01T13:00:00.000Z');
  });
});
