import { describe, expect, it } from 'vitest';
import { cellAsText, textCell } from '../../electron/excel/read/cell-value';

describe('cell values', () => {
  it('cleans a text cell: invisible characters gone, no-break spaces as spaces, trimmed', () => {
    expect(textCell('  杭州市公安局\u200B\u00A0 ')).toEqual({ kind: 'text', text: '杭州市公安局' });
    expect(textCell(' \u200B ')).toEqual({ kind: 'empty' });
  });

  it('treats WPS in-cell pictures (=DISPIMG) as images, not formulas or text', () => {
    expect(textCell('=DISPIMG("ID_8F2A",1)')).toEqual({ kind: 'image', id: 'ID_8F2A' });
    expect(textCell('_xlfn.DISPIMG("ID_8F2A",1)')).toEqual({ kind: 'image', id: 'ID_8F2A' });
  });

  it('reads each kind of cell as text for matching and messages', () => {
    expect(cellAsText({ kind: 'number', value: 200 })).toBe('200');
    expect(cellAsText({ kind: 'date', iso: '2026-03-05' })).toBe('2026-03-05');
    expect(cellAsText({ kind: 'date', iso: '2026-03-05', time: '09:30' })).toBe('2026-03-05 09:30');
    expect(cellAsText({ kind: 'boolean', value: true })).toBe('TRUE');
    expect(cellAsText({ kind: 'error', code: '#N/A' })).toBe('#N/A');
    expect(cellAsText({ kind: 'image', id: 'ID_8F2A' })).toBe('');
  });
});
