/**
 * The Pareto / ABC table over a period and basis (seed 003: 收集数据 → 处理数据 → 制作ABC分析表 →
 * 确定ABC分类), computed in SQL with window functions so it stays fast at 100,000 accounts, and
 * the same classes as a subquery for the accounts grid's `valueClass` filter.
 *
 * The classing rules are those of shared/analysis/abc.ts (`abcTable`), written here in SQL; the
 * tests run both on the same data and compare (test/integration/value-pareto.test.ts): ranked
 * by value (desc), then id; classed by the cumulative positive value *before* the first account
 * of a run of equal values; ≤ 0 is C; a period with no total classes all as C.
 *
 * Every account the viewer may see takes part, so the share of accounts in each class is a share
 * of the viewer's accounts: a specialist's own teams', or the whole store for managers (`scope`,
 * from accounts/account-team.ts teamScope). Only the accounts that brought something (value > 0)
 * can be A or B, so the windows run over those alone (`ranked`); every other account is C and
 * ranks after them, by value and id — read only when a page reaches that far.
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
import { type ReadScope, teamOf } from '../reads/scope';

export interface ClassedSpec {
  from: string;
  to: string;
  basis: ValueBasis;
  cutoffs: AbcCutoffsInput;
}

/** The viewer's accounts (alias `a`): all (null) or a specialist's teams' (owner or co-owner). */
export function scopeCondition(scope: number | null): RawBuilder<unknown> {
  if (scope === null) return sql`1 = 1`;
  return sql`(a.owner_id = ${scope} or exists (select 1 from account_team_members m
    where m.account_id = a.id and m.staff_id = ${scope}))`;
}

/**
 * `(account_id, value)`: what each of the scope's accounts brought in the period, for the
 * accounts with a final contract signed in it.
 */
function periodValues(spec: ClassedSpec, scope: number | null): RawBuilder<unknown> {
  const inPeriod = sql`c.status = 'final' and c.signed_on >= ${spec.from} and c.signed_on <= ${spec.to}`;
  const inScope =
    scope === null
      ? sql``
      : sql`and exists (select 1 from accounts a where a.id = c.account_id and ${scopeCondition(scope)})`;
  switch (spec.basis) {
    case 'revenue':
      return sql`select c.account_id, sum(c.total_fen) as value from contracts c
        where ${inPeriod} ${inScope} group by c.account_id`;
    case 'units':
      return sql`select c.account_id, sum(c.quantity) as value from contracts c
        where ${inPeriod} ${inScope} group by c.account_id`;
    case 'margin':
      // Gross margin over the policy floor, on the lines whose floor is known.
      return sql`select c.account_id, sum((l.unit_price_fen - l.floor_fen) * l.quantity) as value
        from contract_lines l join contracts c on c.id = l.contract_id
        where ${inPeriod} and l.floor_fen > 0 ${inScope} group by c.account_id`;
  }
}

/**
 * CTEs for `with …`: `period_values(account_id, value)` of the scope's buyers, and
 * `ranked(id, value, rank, total, cumulative, abc)` of those that brought something (value > 0).
 * The values are integers, so "a larger value" is "at least one more": the positive value
 * before a run of equal values is the sum over `range … 1 preceding`.
 */
export function rankedCte(
  spec: ClassedSpec,
  scope: number | null,
  /** Read more than once: build it once. */
  materialized = false,
): RawBuilder<unknown> {
  const { a, b } = spec.cutoffs;
  return sql`
    period_values as (${periodValues(spec, scope)}),
    w as (
      select account_id as id, value,
        row_number() over (order by value desc, account_id) as rank,
        sum(value) over () as total,
        sum(value) over (order by value desc, account_id
          rows between unbounded preceding and current row) as cumulative,
        coalesce(sum(value) over (order by value desc
          range between unbounded preceding and 1 preceding), 0) as before_run
      from period_values where value > 0
    ),
    ranked as ${materialized ? sql`materialized` : sql``} (
      select id, value, rank, total, cumulative,
        case
          when before_run * 100 < ${a} * total then 'A'
          when before_run * 100 < ${b} * total then 'B'
          else 'C'
        end as abc
      from w
    )`;
}

/** The ids of the accounts in the filter's classes, as a subquery for `a.id in (…)`. */
export function valueClassIds(filter: ValueClassFilter, scope: number | null): RawBuilder<unknown> {
  const chosen = new Set(filter.classes);
  if (!chosen.has('C'))
    return sql`with ${rankedCte(filter, scope)}
      select id from ranked where abc in (${sql.join([...chosen])})`;
  // C is everyone of the scope but the A and B accounts not asked for.
  const excluded = (['A', 'B'] as const).filter((c) => !chosen.has(c));
  return sql`with ${rankedCte(filter, scope)}
    select a.id from accounts a where ${scopeCondition(scope)}
    ${
      excluded.length > 0
        ? sql`and a.id not in (select id from ranked where abc in (${sql.join(excluded)}))`
        : sql``
    }`;
}

interface RankedRecord {
  id: number;
  name: string;
  grade: Grade;
  value: number;
  rank: number;
  cumulative: number;
  abc: 'A' | 'B' | 'C';
}

interface PageRecord extends RankedRecord {
  accounts: number;
  buyers: number;
  total: number;
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
  const first = input.offset + 1;
  const last = input.offset + input.limit;
  // The ranking is built once (materialized) and read twice: for the page of the buyers' rows and
  // for the class totals, which every row carries; rank 1 always comes along so a page past the
  // buyers still carries them.
  const { rows: page } = await sql<PageRecord>`
    with ${rankedCte(input, scope, true)},
    totals as (
      select count(*) as buyers,
        coalesce(sum(case when abc = 'A' then 1 else 0 end), 0) as n_a,
        coalesce(sum(case when abc = 'B' then 1 else 0 end), 0) as n_b,
        coalesce(sum(case when abc = 'A' then value else 0 end), 0) as v_a,
        coalesce(sum(case when abc = 'B' then value else 0 end), 0) as v_b
      from ranked
    )
    select r.id, a.name, a.grade, r.value, r.rank, r.cumulative, r.abc,
      (select count(*) from accounts a where ${scopeCondition(scope)}) as accounts,
      t.buyers, r.total, t.n_a, t.n_b, t.v_a, t.v_b
    from ranked r join accounts a on a.id = r.id, totals t
    where (r.rank >= ${first} and r.rank <= ${last}) or r.rank = 1
    order by r.rank`.execute(db);
  const head = page[0];
  const s = head ?? {
    accounts: Number(
      (
        await sql<{ n: number }>`select count(*) as n from accounts a
          where ${scopeCondition(scope)}`.execute(db)
      ).rows[0]!.n,
    ),
    buyers: 0,
    total: 0,
    n_a: 0,
    n_b: 0,
    v_a: 0,
    v_b: 0,
  };
  const total = Number(s.total);
  const accounts = Number(s.accounts);
  const buyers = Number(s.buyers);
  const rows: ParetoRow[] = page
    .filter((r) => r.rank >= first && r.rank <= last)
    .map((r) => ({
      id: r.id,
      name: r.name,
      grade: r.grade,
      value: Number(r.value),
      rank: Number(r.rank),
      share: Number(r.value) / total,
      cumulativeShare: Number(r.cumulative) / total,
      abc: r.abc,
    }));
  // The page reaches past the buyers: the rest (nothing, or less than nothing), all C.
  if (last > buyers) {
    const skip = Math.max(0, first - 1 - buyers);
    const { rows: rest } = await sql<Omit<RankedRecord, 'rank' | 'cumulative' | 'abc'>>`
      with period_values as (${periodValues(input, scope)})
      select a.id, a.name, a.grade, coalesce(p.value, 0) as value
      from accounts a left join period_values p on p.account_id = a.id
      where ${scopeCondition(scope)} and coalesce(p.value, 0) <= 0
      order by coalesce(p.value, 0) desc, a.id
      limit ${last - Math.max(first - 1, buyers)} offset ${skip}`.execute(db);
    rest.forEach((r, i) =>
      rows.push({
        id: r.id,
        name: r.name,
        grade: r.grade,
        value: Number(r.value),
        rank: buyers + skip + i + 1,
        share: 0,
        cumulativeShare: total > 0 ? 1 : 0,
        abc: 'C',
      }),
    );
  }
  const summary = (n: number, value: number) => ({
    accounts: n,
    value,
    accountShare: accounts > 0 ? n / accounts : 0,
    valueShare: total > 0 ? value / total : 0,
  });
  const counts = { A: Number(s.n_a), B: Number(s.n_b) };
  const values = { A: Number(s.v_a), B: Number(s.v_b) };
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
    rows,
  };
}

/** The Pareto table as a read of the read worker (electron/reads/): off the thread that answers. */
export function paretoRead(
  db: Kysely<Database>,
  input: ClassedSpec & { offset: number; limit: number },
  scope: ReadScope,
): Promise<ParetoResult> {
  return paretoTable(db, input, teamOf(scope));
}
