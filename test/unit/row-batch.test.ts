/**
 * The bytes an import's reader thread sends its rows in (electron/imports/row-reader-protocol.ts):
 * every row comes back as it went, whatever its text, however large the batch grows.
 */
import { describe, expect, it } from 'vitest';
import { accountRowPreparer } from '../../electron/imports/account-row';
import { batchRows, RowBatchWriter } from '../../electron/imports/row-reader-protocol';
import type { NormalCell } from '../../electron/excel/read/cell-value';
import { newUscc } from '../helpers/fixtures';

function roundTrip(values: unknown[]): unknown[] {
  const writer = new RowBatchWriter();
  values.forEach((v, i) => writer.add(i + 2, v));
  const { batch, transfer } = writer.take();
  expect(writer.count).toBe(0);
  // What a transfer hands over: the batch's own buffers.
  expect(transfer).toEqual([batch.rows.buffer, batch.ends.buffer, batch.bytes.buffer]);
  const out = [...batchRows(batch)];
  expect(out.map(([row]) => row)).toEqual(values.map((_, i) => i + 2));
  return out.map(([, v]) => v);
}

describe('a batch of prepared rows', () => {
  it('gives back every row as it went: Chinese, quotes, line breaks, emoji, nulls', () => {
    const values = [
      { name: '杭州市公安局', notes: '第一行\n第二行，“引号”\\', n: 12.5, none: null },
      ['a', '', '😀 表情', '\u001f分隔'],
      'plain',
      0,
      null,
    ];
    expect(roundTrip(values)).toEqual(values);
  });

  it('grows past its first buffer for a very long row', () => {
    const long = '长'.repeat(300_000);
    const values = [{ a: 1 }, { text: long }, { b: '后' }];
    expect(roundTrip(values)).toEqual(values);
  });

  it('starts afresh after each batch it hands over', () => {
    const writer = new RowBatchWriter();
    writer.add(2, { first: true });
    const first = writer.take().batch;
    writer.add(3, { second: true });
    const second = writer.take().batch;
    expect([...batchRows(first)]).toEqual([[2, { first: true }]]);
    expect([...batchRows(second)]).toEqual([[3, { second: true }]]);
  });

  it('carries what the accounts preparer makes of a row unchanged', () => {
    const prepare = accountRowPreparer({
      sheet: 's',
      headerRow: 1,
      encoding: null,
      mode: 'commit',
      policy: 'validOnly',
      target: 'accounts',
      fileId: '00000000-0000-0000-0000-000000000000',
      columns: ['name', 'uscc', 'buyerType', 'region', 'aliases', 'notes'].map((field, index) => ({
        index,
        field: field as 'name',
      })),
    });
    const text = (value: string): NormalCell => ({ kind: 'text', text: value });
    const rows = [
      [
        text('重庆银行长寿支行'),
        text(newUscc()),
        text('企业'),
        text('重庆 长寿'),
        text('渝银、长寿支行'),
        text('备注'),
      ],
      [
        text('无名'),
        { kind: 'empty' },
        text('不知道'),
        text('火星'),
        { kind: 'empty' },
        { kind: 'empty' },
      ],
      [{ kind: 'empty' }, { kind: 'number', value: 42 }, text('政府')],
    ] as NormalCell[][];
    const prepared = rows.map((cells) => prepare(cells));
    expect(prepared[0]!.search?.name_sort).toBe('chong qing yin hang chang shou zhi hang');
    expect(prepared[1]!.reasons.length).toBeGreaterThan(0);
    expect(roundTrip(prepared)).toEqual(prepared);
  });
});
