/**
 * The Pareto / ABC table over a period and basis (seed 003: 收集数据 → 处理数据 → 制作ABC分析表 →
 * 确定ABC分类), computed in one SQL statement with window functions so it stays fast at 100,000
 * accounts, and the same classed set as a subquery for the accounts grid's `valueClass` filter.
 *
 * The classing rules are those of shared/analysis/abc.ts (`abcTable`), written here in SQL; the
 * tests run both on the same data and compare (test/integration/value-pareto.test.ts):
 * ranked by value (desc), then id; classed by the cumulative positive value *before* the first
 * account of a run of equal values; ≤ 0 is C; a period with no total classes all as C.
 *
 * Every account the viewer may see takes part (those that bought nothing are C), so the share of
 * accounts in each class is a share of the viewer's accounts: a specialist's own teams', or the
 * whole store for managers (`scope`, from accounts/account-team.ts teamScope).
 *
 * `paretoTable` is a pure read `(db, input, scope) => result`, so it can run on a read worker.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type {
  AbcCutoffsInput,
  ParetoResult,
  ParetoRow,
  ValueBasis,
  ValueClassFilter,
} from '../../shared/schemas/value';
import type { Grade } from '../../shared/enums';
import type { Database } from '../db/schema';

export interface ClassedSpec {
  from: string;
  to: string;
  basis: ValueBasis;
  cutoffs: AbcCutoffsInput;
}

/** What each account brought in the period, by account (accounts that bought nothing are absent). */
function periodValues(spec: ClassedSpec): RawBuilder<unknown> {
  const inPeriod = sql`c.status = 'final' and c.signed_on >= ${spec.from} and c.signed_on <= ${spec.to}`;
  switch (spec.basis) {
    case 'revenue':
      return sql`select c.account_id, sum(c.total_fen) as value from contracts c
        where ${inPeriod} group by c.account_id`;
    case 'units':
      return sql`select c.account_id, sum(c.quantity) as value from contracts c
        where ${inPeriod} group by c.account_id`;
    case 'margin':
      // Gross margin over the policy floor, on the lines whose floor is known.
      return sql`select c.account_id, sum((l.unit_price_fen - l.floor_fen) * l.quantity) as value
        from contract_lines l join contracts c on c.id = l.contract_id
        where ${inPeriod} and l.floor_fen > 0 group by c.account_id`;
  }
}

/** The viewer's accounts: all (null) or a specialist's teams' (owner or co-owner). */
function scopeCondition(scope: number | null): RawBuilder<unknown> {
  if (scope === null) return sql`1 = 1`;
  return sql`(a.owner_id = ${scope} or exists (select 1 from account_team_members m
    where m.account_id = a.id and m.staff_id = ${scope}))`;
}

/**
 * `classed(id, value, pos, rank, total, cumulative, abc)`: every account of the scope with its
 * value, rank and class. A CTE body list for `with …`.
 */
export function classedCte(spec: ClassedSpec, scope: number | null): RawBuilder<unknown> {
  const { a, b } = spec.cutoffs;
  return sql`
    v as (
      select a.id, coalesce(p.value, 0) as value,
        case when coalesce(p.value, 0) > 0 then coalesce(p.value, 0) else 0 end as pos
      from accounts a left join (${periodValues(spec)}) p on p.account_id = a.id
      where ${scopeCondition(scope)}
    ),
    w as (
      select id, value, pos,
        row_number() over (order by value desc, id) as rank,
        sum(pos) over () as total,
        sum(pos) over (order by value desc, id rows between unbounded preceding and current row)
          as cumulative,
        sum(pos) over (order by value desc range between unbounded preceding and current row)
          - pos * count(*) over (partition by value) as before_run
      from v
    ),
    classed as (
      select id, value, pos, rank, total, cumulative,
        case
          when pos <= 0 or total <= 0 then 'C'
          when before_run * 100 < ${a} * total then 'A'
          when before_run * 100 < ${b} * total then 'B'
          else 'C'
        end as abc
      from w
    )`;
}

/** The ids of the accounts in the filter's classes, as a subquery for `a.id in (…)`. */
export function valueClassIds(filter: ValueClassFilter, scope: number | null): RawBuilder<unknown> {
  return sql`with ${classedCte(filter, scope)}
    select id from classed where abc in (${sql.join(filter.classes)})`;
}

interface ParetoRecord {
  id: number;
  name: string;
  grade: Grade;
  value: number;
  rank: number;
  total: number;
  cumulative: number;
  abc: 'A' | 'B' | 'C';
  n_all: number;
  n_a: number;
  n_b: number;
  v_a: number;
  v_b: number;
}

export async function paretoTable(
  db: Kysely<Database>,
  input: ClassedSpec & { offset: number; limit: number },
  scope: number | null,
): Promise<ParetoResult> {
  const { cutoffs } = input;
  const spec = input;
  const first = input.offset + 1;
  const last = input.offset + input.limit;
  // One pass: the page of rows and (on every row) the class totals; rank 1 always comes along
  // so an empty page still carries them.
  const { rows } = await sql<ParetoRecord>`
    with ${classedCte(spec, scope)}
    select c.id, a.name, a.grade, c.value, c.rank, c.total, c.cumulative, c.abc,
      c.n_all, c.n_a, c.n_b, c.v_a, c.v_b
    from (
      select classed.*,
        count(*) over () as n_all,
        sum(case when abc = 'A' then 1 else 0 end) over () as n_a,
        sum(case when abc = 'B' then 1 else 0 end) over () as n_b,
        sum(case when abc = 'A' then pos else 0 end) over () as v_a,
        sum(case when abc = 'B' then pos else 0 end) over () as v_b
      from classed
    ) c join accounts a on a.id = c.id
    where (c.rank >= ${first} and c.rank <= ${last}) or c.rank = 1
    order by c.rank`.execute(db);
  const head = rows[0];
  const total = Number(head?.total ?? 0);
  const accounts = Number(head?.n_all ?? 0);
  const counts = { A: Number(head?.n_a ?? 0), B: Number(head?.n_b ?? 0) };
  const values = { A: Number(head?.v_a ?? 0), B: Number(head?.v_b ?? 0) };
  const summary = (n: number, value: number) => ({
    accounts: n,
    value,
    accountShare: accounts > 0 ? n / accounts : 0,
    valueShare: total > 0 ? value / total : 0,
  });
  const page: ParetoRow[] = rows
    .filter((r) => r.rank >= first && r.rank <= last)
    .map((r) => ({
      id: r.id,
      name: r.name,
      grade: r.grade,
      value: Number(r.value),
      rank: Number(r.rank),
      share: total > 0 && r.value > 0 ? Number(r.value) / total : 0,
      cumulativeShare: total > 0 ? Number(r.cumulative) / total : 0,
      abc: r.abc,
    }));
  return {
    from: input.from,
    to: input.to,
    basis: input.basis,
    cutoffs,
    total,
    accounts,
    classes: {
      A: summary(counts.A, values.A),
      B: summary(counts.B, values.B),
      C: summary(accounts - counts.A - counts.B, total - values.A - values.B),
    },
    rows: page,
  };
}
