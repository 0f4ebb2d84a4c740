/**
 * The import preview shows a merged range once: the inspect job lists the merged ranges inside
 * the preview, and the preview table spans the top-left cell over them. The rows keep the values
 * the import reads (a merged value in every covered cell).
 */
import { describe, expect, it } from 'vitest';
import { previewMerges } from '../../electron/imports/preview-merges';
import { previewSpans } from '../../shared/import/preview-spans';

const preview = [
  { row: 1, cells: ['2026 年大客户名单', '2026 年大客户名单', '2026 年大客户名单'] },
  { row: 2, cells: ['省份', '单位名称', '备注'] },
  { row: 3, cells: ['浙江', '杭州市公安局', ''] },
  // Row 4 is empty in the sheet: the reader skips it, so the preview has no row 4.
  { row: 5, cells: ['浙江', '宁波市公安局', ''] },
  { row: 6, cells: ['江苏', '南京市公安局', ''] },
];

describe('merged ranges in the import preview', () => {
  it('lists the ranges inside the preview that hold a value, cut to its rows and columns', () => {
    expect(
      previewMerges(
        [
          // The title across A1:H1 (the preview shows three columns).
          { top: 1, left: 1, bottom: 1, right: 8 },
          // 省份 merged down A3:A5, through the empty row 4.
          { top: 3, left: 1, bottom: 5, right: 1 },
          // An empty merged range shows nothing to repeat.
          { top: 3, left: 3, bottom: 5, right: 3 },
          // Overlaps the title: Excel never writes that; the first one wins.
          { top: 1, left: 2, bottom: 2, right: 2 },
          // Below the preview.
          { top: 40, left: 1, bottom: 41, right: 1 },
          // Runs past the last preview row: cut at row 6.
          { top: 6, left: 1, bottom: 90, right: 2 },
        ],
        preview,
        3,
      ),
    ).toEqual([
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 3, left: 0, bottom: 5, right: 0 },
      { top: 6, left: 0, bottom: 6, right: 1 },
    ]);
  });

  it('draws each range once: the top-left cell spans it, the covered cells are not drawn', () => {
    const spans = previewSpans(
      {
        preview,
        merges: [
          { top: 1, left: 0, bottom: 1, right: 2 },
          { top: 3, left: 0, bottom: 5, right: 0 },
        ],
      },
      2,
    );
    expect(Object.fromEntries(spans)).toEqual({
      // The title spans the two columns the table shows.
      '1:0': { rowSpan: 1, colSpan: 2 },
      '1:1': { rowSpan: 0, colSpan: 0 },
      // 省份 spans rows 3 and 5: the preview has no row 4.
      '3:0': { rowSpan: 2, colSpan: 1 },
      '5:0': { rowSpan: 0, colSpan: 0 },
    });
  });
});
