/** ABC classes and Pareto shares on hand-made data with known answers. */
import { describe, expect, it } from 'vitest';
import { abcTable } from '../../shared/analysis/abc';

const classesOf = (t: ReturnType<typeof abcTable>) => t.rows.map((r) => `${r.id}:${r.abc}`);

describe('ABC analysis', () => {
  it('classes by the cumulative share before each account (80 / 95)', () => {
    // Total 1,000: 500 (0 % before → A), 300 (50 % → A), 100 (80 % → B), 60 (90 % → B),
    // 30 (96 % → C), 10 (99 % → C).
    const t = abcTable([
      { id: 6, value: 10 },
      { id: 1, value: 500 },
      { id: 3, value: 100 },
      { id: 2, value: 300 },
      { id: 5, value: 30 },
      { id: 4, value: 60 },
    ]);
    expect(classesOf(t)).toEqual(['1:A', '2:A', '3:B', '4:B', '5:C', '6:C']);
    expect(t.total).toBe(1000);
    expect(t.rows.map((r) => r.cumulativeShare)).toEqual([0.5, 0.8, 0.9, 0.96, 0.99, 1]);
    expect(t.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.classes.A).toEqual({ accounts: 2, value: 800, accountShare: 2 / 6, valueShare: 0.8 });
    expect(t.classes.B).toEqual({ accounts: 2, value: 160, accountShare: 2 / 6, valueShare: 0.16 });
    expect(t.classes.C).toEqual({ accounts: 2, value: 40, accountShare: 2 / 6, valueShare: 0.04 });
  });

  it('gives equal values one class, the first one’s, ranked by id', () => {
    // 400, 400 (tied: before 0 → both A, though the second starts at 40 %), then 100, 100
    // (tied: before 80 % → both B, though the second starts at 90 %).
    const t = abcTable([
      { id: 9, value: 100 },
      { id: 2, value: 400 },
      { id: 7, value: 100 },
      { id: 1, value: 400 },
    ]);
    expect(classesOf(t)).toEqual(['1:A', '2:A', '7:B', '9:B']);
  });

  it('puts accounts that brought nothing in C, and a period with no total all in C', () => {
    expect(
      classesOf(
        abcTable([
          { id: 1, value: 0 },
          { id: 2, value: 50 },
          { id: 3, value: -20 },
        ]),
      ),
    ).toEqual(['2:A', '1:C', '3:C']);
    const empty = abcTable([
      { id: 1, value: 0 },
      { id: 2, value: 0 },
    ]);
    expect(classesOf(empty)).toEqual(['1:C', '2:C']);
    expect(empty.rows.every((r) => r.share === 0 && r.cumulativeShare === 0)).toBe(true);
    expect(empty.classes.C.valueShare).toBe(0);
  });

  it('classes a single account as A, and an empty list as no rows', () => {
    const one = abcTable([{ id: 42, value: 1 }]);
    expect(classesOf(one)).toEqual(['42:A']);
    expect(one.classes.A.valueShare).toBe(1);
    const none = abcTable([]);
    expect(none.rows).toEqual([]);
    expect(none.classes.A.accountShare).toBe(0);
  });

  it('takes other cut-offs and refuses impossible ones', () => {
    const items = [
      { id: 1, value: 70 },
      { id: 2, value: 20 },
      { id: 3, value: 10 },
    ];
    expect(classesOf(abcTable(items, { a: 60, b: 60 }))).toEqual(['1:A', '2:C', '3:C']);
    expect(classesOf(abcTable(items, { a: 100, b: 100 }))).toEqual(['1:A', '2:A', '3:A']);
    expect(() => abcTable(items, { a: 90, b: 80 })).toThrow(RangeError);
    expect(() => abcTable(items, { a: 0, b: 80 })).toThrow(RangeError);
  });
});
