/** Won and lost side by side per key: the chart option the win/loss panels share. */
import type { ChartOption } from '../../components/charts/EChart';

export function outcomeOption(
  names: string[],
  won: number[],
  lost: number[],
  words: { won: string; lost: string },
): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: words.won, type: 'bar', stack: 'o', data: won, itemStyle: { color: '#52c41a' } },
      { name: words.lost, type: 'bar', stack: 'o', data: lost, itemStyle: { color: '#ff7875' } },
    ],
  };
}
