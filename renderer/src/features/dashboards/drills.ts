/** The drill-down filters the dashboards hand to the grids behind their charts (lib/drill-down.ts). */
export {
  between,
  closedDrill,
  inValues,
  keyFilter,
  monthRange,
  ownerFilter,
} from '../../../../shared/drill-filters';

/** 万元 for charts: fen ÷ 1,000,000, two decimals. */
export const wan = (fen: number) => Math.round(fen / 10_000) / 100;
