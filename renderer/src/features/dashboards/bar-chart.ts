/** A single-series bar chart of counts or percentages: the option most dashboard panels share. */
import type { ChartOption } from '../../components/charts/EChart';

export function barOption(
  names: string[],
  values: (number | null)[],
  unit: 'count' | 'percent' = 'count',
): ChartOption {
  return {
    tooltip: {},
    grid: { left: 40, right: 16, top: 16, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: names },
    yAxis:
      unit === 'percent'
        ? { type: 'value', axisLabel: { formatter: '{value}%' } }
        : { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: values.map((v) => v ?? 0) }],
  };
}
