/**
 * The grid filters behind a dashboard figure (the drill-down from a chart to its grid,
 * renderer/src/lib/drill-down.ts): one key of a figure — "none" for a null key —, a period, the
 * won and lost deals of a period. Shared so the tests can run the very filters the charts send
 * through the grids' queries and compare the totals with the figures.
 */
import { type Filter, NONE } from './list';
import { endOfMonth } from './dates';

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

/** The rows of one key of a figure; a null key (无负责人, no source) is the grid's "none". */
export const keyFilter = (field: string, key: string | number | null): Filter =>
  inValues(field, [key ?? NONE]);

/** A staff filter: that person's records, or (null) nobody's — 负责人：无. */
export const ownerFilter = (field: string, id: number | null): Filter[] => [keyFilter(field, id)];

/**
 * The opportunities behind a win/loss figure (dashboards.winLoss): won (series 0), lost (series 1)
 * or both (a table row), closed — stage changed — in the period, with the figure's key `filters`.
 */
export function closedDrill(
  range: { from: string; to: string },
  seriesIndex: number | undefined,
  filters: readonly Filter[],
): Filter[] {
  const stages = seriesIndex === 0 ? ['won'] : seriesIndex === 1 ? ['lost'] : ['won', 'lost'];
  return [inValues('stage', stages), between('stageChangedAt', range.from, range.to), ...filters];
}
