/**
 * Applies a validated grid query (filters, sort, paging) to a kysely select. Each list maps its
 * whitelisted column names to SQL expressions; nothing from the request is ever used as SQL.
 */
import { type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { type ColumnSpec, type Filter, NONE } from '../../shared/list';

export interface GridColumn {
  spec: ColumnSpec;
  /** SQL expression for filtering and sorting (qualified column reference). */
  expr: RawBuilder<unknown>;
  /** Enum filters whose values are ids. */
  numeric?: boolean;
  /**
   * A column of many values per row (an opportunity's competitor brands): its `in` filter, as
   * SQL — a row matches when it holds any of `values`, or (`none`) when it holds none at all.
   */
  anyOf?: (values: readonly string[], none: boolean) => RawBuilder<boolean>;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}

export function containsPattern(value: string): string {
  return `%${escapeLike(value)}%`;
}

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any select over any tables
type AnyEb = ExpressionBuilder<any, any>;

function filterExpression(eb: AnyEb, column: GridColumn, filter: Filter) {
  const e = column.expr;
  switch (filter.op) {
    case 'contains':
      return sql<boolean>`${e} like ${containsPattern(filter.value.trim())} escape '\\'`;
    case 'in': {
      // "None" (NONE) is no value at all: SQL's `in` never matches a null, so it is asked apart.
      const none = filter.values.includes(NONE);
      const named = filter.values.filter((v) => v !== NONE);
      if (column.anyOf) return column.anyOf(named, none);
      const values = column.numeric ? named.map(Number).filter(Number.isFinite) : named;
      const isNull = eb(e, 'is', null);
      if (values.length === 0) return none ? isNull : eb(e, 'in', [null]);
      return none ? eb.or([eb(e, 'in', values), isNull]) : eb(e, 'in', values);
    }
    case 'range': {
      const parts = [];
      if (filter.min !== undefined) parts.push(eb(e, '>=', filter.min));
      if (filter.max !== undefined) parts.push(eb(e, '<=', filter.max));
      return eb.and(parts);
    }
    case 'dateRange': {
      const parts = [];
      if (filter.from !== undefined) parts.push(eb(e, '>=', filter.from));
      if (filter.to !== undefined)
        parts.push(
          filter.to.length === 10 ? eb(e, '<', nextDay(filter.to)) : eb(e, '<=', filter.to),
        );
      return eb.and(parts);
    }
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic over the list's tables
export function applyFilters<Q extends SelectQueryBuilder<any, any, any>>(
  query: Q,
  columns: Record<string, GridColumn>,
  filters: Filter[],
): Q {
  let q = query;
  for (const f of filters) {
    const column = columns[f.field];
    if (!column) continue; // the schema has already refused unknown fields
    q = q.where((eb) => filterExpression(eb, column, f)) as Q;
  }
  return q;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic over the list's tables
export function applySort<Q extends SelectQueryBuilder<any, any, any>>(
  query: Q,
  columns: Record<string, GridColumn>,
  sort: { field: string; desc: boolean }[],
  tiebreak: RawBuilder<unknown>,
): Q {
  let q = query;
  for (const s of sort) {
    const column = columns[s.field];
    if (column) q = q.orderBy(column.expr, s.desc ? 'desc' : 'asc') as Q;
  }
  // A unique last key keeps paging stable when sorted values repeat.
  return q.orderBy(tiebreak, 'asc') as Q;
}

/**
 * A column of a row joined by a left join that its foreign key guarantees (an activity's account):
 * typed as present. Grids left-join such rows so SQLite can leave the join out of a count or of a
 * page's key lookup that does not use it (grid/page.ts).
 */
export function guaranteedColumn<T>(ref: string) {
  return sql<T>`${sql.ref(ref)}`;
}
