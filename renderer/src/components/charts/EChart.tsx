/**
 * One Apache ECharts chart in a React tree: the only place features touch echarts. Only the chart
 * kinds and components the dashboards use are registered (tree-shaken), drawn on canvas, resized
 * with its box, and disposed with the component. Clicks come back for drill-down; the ref gives
 * the picture as PNG for "save chart".
 */
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { BarChart, HeatmapChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ECElementEvent, EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useReducedMotion } from '../../lib/use-reduced-motion';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  HeatmapChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = EChartsCoreOption;
export type ChartClick = ECElementEvent;

export interface EChartHandle {
  /** The chart as a PNG data URL on a white background (2× for print and slides). */
  png(): string;
}

export function EChart(props: {
  option: ChartOption;
  height?: number;
  onClick?: (event: ChartClick) => void;
  /** For tests and screen readers: what the chart shows. */
  label: string;
  testId?: string;
  ref?: Ref<EChartHandle>;
}) {
  const { option, onClick, ref } = props;
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const reduced = useReducedMotion();

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // A new option replaces the old one whole: a drill-down never shows stale series.
    chart.current?.setOption({ animation: !reduced, ...option }, { notMerge: true });
  }, [option, reduced]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return;
    instance.on('click', onClick);
    return () => {
      instance.off('click', onClick);
    };
  }, [onClick]);

  useImperativeHandle(
    ref,
    () => ({
      png: () =>
        chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? '',
    }),
    [],
  );

  return (
    <div
      ref={box}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      style={{ width: '100%', height: props.height ?? 320 }}
    />
  );
}
