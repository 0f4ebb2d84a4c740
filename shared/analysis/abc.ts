/**
 * ABC analysis (seed 003: 收集数据 → 处理数据 → 制作ABC分析表 → 确定ABC分类): accounts ranked by
 * what they brought (revenue, units or margin), each with its share and the cumulative share, and
 * classed by cumulative share — A up to the A cut-off (default 80 %: the 20/80 check), B up to the
 * B cut-off (95 %), C the rest.
 *
 * The rules where a table could be read two ways:
 * - An account is classed by the cumulative share *before* it: the account that crosses 80 % is
 *   still A (one account holding everything is A, not C).
 * - Equal values share one class, the class of the first of them, and rank by id among themselves,
 *   so a tie never splits by chance.
 * - An account that brought nothing (or less) is C, and a period with no total classes all as C.
 * Values are integers (fen or units), compared in integers: no rounding decides a class.
 */

export type AbcClass = 'A' | 'B' | 'C';

/** Cumulative-share cut-offs in percent: A up to `a`, B up to `b` (0 < a ≤ b ≤ 100). */
export interface AbcCutoffs {
  a: number;
  b: number;
}

export const DEFAULT_ABC_CUTOFFS: AbcCutoffs = { a: 80, b: 95 };

export interface AbcInput {
  id: number;
  /** What the account brought in the period, an integer (fen or units). */
  value: number;
}

export interface AbcRow extends AbcInput {
  /** 1 for the largest; tied values take consecutive ranks in id order. */
  rank: number;
  /** This account's share of the total, 0–1. */
  share: number;
  /** The share of this account and all ranked before it, 0–1. */
  cumulativeShare: number;
  abc: AbcClass;
}

export interface AbcClassSummary {
  accounts: number;
  value: number;
  /** Share of the accounts in this class, 0–1. */
  accountShare: number;
  /** Share of the total value this class brought, 0–1. */
  valueShare: number;
}

export interface AbcTable {
  rows: AbcRow[];
  total: number;
  classes: Record<AbcClass, AbcClassSummary>;
}

/** The ABC table of `items` under `cutoffs`. */
export function abcTable(
  items: readonly AbcInput[],
  cutoffs: AbcCutoffs = DEFAULT_ABC_CUTOFFS,
): AbcTable {
  if (!(cutoffs.a > 0 && cutoffs.a <= cutoffs.b && cutoffs.b <= 100))
    throw new RangeError(
      `ABC cut-offs must satisfy 0 < A ≤ B ≤ 100 (got ${cutoffs.a}, ${cutoffs.b})`,
    );
  const sorted = [...items].sort((x, y) => y.value - x.value || x.id - y.id);
  const total = sorted.reduce((sum, item) => sum + Math.max(item.value, 0), 0);

  /** The class of a run of equal values whose cumulative value before it is `before`. */
  const classAt = (before: number, value: number): AbcClass => {
    if (value <= 0 || total <= 0) return 'C';
    if (before * 100 < cutoffs.a * total) return 'A';
    if (before * 100 < cutoffs.b * total) return 'B';
    return 'C';
  };

  const rows: AbcRow[] = [];
  let cumulative = 0;
  let runClass: AbcClass = 'C';
  for (const [i, item] of sorted.entries()) {
    if (i === 0 || sorted[i - 1]!.value !== item.value) runClass = classAt(cumulative, item.value);
    cumulative += Math.max(item.value, 0);
    rows.push({
      ...item,
      rank: i + 1,
      share: total > 0 ? Math.max(item.value, 0) / total : 0,
      cumulativeShare: total > 0 ? cumulative / total : 0,
      abc: runClass,
    });
  }

  const summary = (abc: AbcClass): AbcClassSummary => {
    const members = rows.filter((r) => r.abc === abc);
    const value = members.reduce((sum, r) => sum + Math.max(r.value, 0), 0);
    return {
      accounts: members.length,
      value,
      accountShare: rows.length > 0 ? members.length / rows.length : 0,
      valueShare: total > 0 ? value / total : 0,
    };
  };
  return { rows, total, classes: { A: summary('A'), B: summary('B'), C: summary('C') } };
}
