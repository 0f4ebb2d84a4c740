/** Shares as the dashboards show them: percent with one decimal, null when nothing was counted. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
}
