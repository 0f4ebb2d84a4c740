/** The drill-down filters the dashboards hand to the grids behind their charts (lib/drill-down.ts). */
import type { Filter } from '../../../../shared/list';
import { endOfMonth } from '../../../../shared/dates';

export const inValues = (field: string, values: readonly (string | number)[]): Filter => ({
  field,
  op: 'in',
  values: values.map(String),
});

export const between = (field: string, from?: string, to?: string): Filter => ({
  field,
  op: 'dateRange',
  ...(from ? { from } : {}),
  ...(to ? { to } : {}),
});

/** The first and last day of a `YYYY-MM` month. */
export function monthRange(month: string): [string, string] {
  return [`${month}-01`, endOfMonth(`${month}-01`)];
}

/** A staff filter, unless the figure is of nobody's records (the grids cannot filter on "none"). */
export const ownerFilter = (field: string, id: number | null): Filter[] =>
  id === null ? [] : [inValues(field, [id])];

/** 万元 for charts: fen ÷ 1,000,000, two decimals. */
export const wan = (fen: number) => Math.round(fen / 10_000) / 100;
