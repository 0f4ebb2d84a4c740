/**
 * 销售漏斗: the stage × owner × close-month matrix (seed 001's table), the weighted forecast by
 * month, each owner's realised win rate, stage conversion and ageing — each drilling down to the
 * opportunities grid with the filters that make up the figure.
 */
import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { OPEN_STAGES, STAGES, STAGE_VALUES, type Stage } from '../../../../shared/sales-enums';
import type { PipelineCell, PipelineFlow } from '../../../../shared/schemas/dashboards';
import { addDays } from '../../../../shared/dates';
import type { Filter } from '../../../../shared/list';
import { useEnumLabel, useT } from '../../i18n/context';
import { drillPath } from '../../lib/drill-down';
import { useHashRoute } from '../../lib/use-hash-route';
import { AnalysisPanel } from './AnalysisPanel';
import type { AnalysisColumn } from './analysis-table';
import { between, inValues, monthRange, ownerFilter, wan } from './drills';
import { barOption } from './bar-chart';
import { DashboardState } from './DashboardState';
import { useDashboard } from './use-dashboard';

type Range = { from: string; to: string };

export function yearOf(today: string): Range {
  return { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` };
}

export function PipelineTab(props: { today: string; revision: number; about: [string, string][] }) {
  const t = useT();
  const label = useEnumLabel();
  const { navigate } = useHashRoute();
  const [range, setRange] = useState<Range>(() => yearOf(props.today));
  const matrix = useDashboard('dashboards.pipeline', range, props.revision);
  const flow = useDashboard('dashboards.pipelineFlow', range, props.revision);
  const m = matrix.value;
  const f = flow.value;

  const about: [string, string][] = [
    ...props.about,
    [t('dash.closeRange'), `${range.from} – ${range.to}`],
  ];
  const closing = between('expectedCloseOn', range.from, range.to);
  const opportunities = (filters: Filter[]) => navigate(drillPath('opportunities', filters));
  const stageName = (s: Stage) => label(STAGES, s);
  const owners = m?.owners ?? [];
  const ownerName = (id: number | null) =>
    owners.find((o) => o.id === id)?.name ?? t('dash.noOwner');

  // The matrix: amount per stage and owner over the period, count and weighted in the table.
  const stages = STAGE_VALUES.filter((s) => m?.cells.some((c) => c.stage === s));
  const heat = stages.flatMap((s, y) =>
    owners.map((o, x) => {
      const cells = m?.cells.filter((c) => c.stage === s && c.ownerId === o.id) ?? [];
      // Whole 万元: a dozen owners' cells leave no room for decimals (the table has them).
      return [x, y, Math.round(cells.reduce((sum, c) => sum + c.amountFen, 0) / 1_000_000)];
    }),
  );
  const cellColumns: AnalysisColumn<PipelineCell>[] = [
    { key: 'stage', header: t('dash.col.stage'), kind: 'text', value: (c) => stageName(c.stage) },
    { key: 'owner', header: t('dash.col.owner'), kind: 'text', value: (c) => ownerName(c.ownerId) },
    { key: 'month', header: t('dash.col.month'), kind: 'text', value: (c) => c.month },
    { key: 'count', header: t('dash.col.count'), kind: 'integer', value: (c) => c.count },
    { key: 'amount', header: t('dash.col.amount'), kind: 'money', value: (c) => c.amountFen },
    { key: 'rate', header: t('dash.col.winRate'), kind: 'percent', value: (c) => c.probability },
    { key: 'weighted', header: t('dash.col.weighted'), kind: 'money', value: (c) => c.weightedFen },
  ];
  const cells = [...(m?.cells ?? [])].sort(
    (a, b) =>
      STAGE_VALUES.indexOf(a.stage) - STAGE_VALUES.indexOf(b.stage) ||
      ownerName(a.ownerId).localeCompare(ownerName(b.ownerId)) ||
      a.month.localeCompare(b.month),
  );

  const ageingTops = [
    [0, 30],
    [31, 60],
    [61, 90],
    [91, null],
  ] as const;

  return (
    <>
      <DashboardState loading={matrix.loading} error={matrix.error} empty={m === null}>
        <Space className="dash-controls" wrap>
          <Typography.Text>{t('dash.closeRange')}</Typography.Text>
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[dayjs(range.from), dayjs(range.to)]}
            onChange={(v) => {
              const [a, b] = v ?? [];
              if (a && b)
                setRange({
                  from: a.startOf('month').format('YYYY-MM-DD'),
                  to: b.endOf('month').format('YYYY-MM-DD'),
                });
            }}
            data-testid="dash-pipeline-range"
          />
          <Typography.Text type="secondary">{t('dash.drillHint')}</Typography.Text>
        </Space>
        <div className="dash-grid">
          <AnalysisPanel
            title={t('dash.pipeline.matrix')}
            testId="dash-pipeline-matrix"
            about={about}
            chart={{
              height: 60 + 34 * Math.max(stages.length, 3),
              option: {
                tooltip: { position: 'top' },
                grid: { left: 80, right: 16, top: 8, bottom: 56 },
                xAxis: { type: 'category', data: owners.map((o) => o.name ?? t('dash.noOwner')) },
                yAxis: { type: 'category', data: stages.map(stageName), inverse: true },
                visualMap: {
                  min: 0,
                  max: Math.max(1, ...heat.map((h) => h[2] ?? 0)),
                  calculable: false,
                  orient: 'horizontal',
                  left: 'center',
                  bottom: 0,
                  itemHeight: 120,
                },
                series: [{ type: 'heatmap', data: heat, label: { show: true } }],
              },
              onClick: (e) => {
                const [x, y] = Array.isArray(e.data) ? e.data : [];
                const owner = typeof x === 'number' ? owners[x] : undefined;
                const stage = typeof y === 'number' ? stages[y] : undefined;
                if (owner && stage)
                  opportunities([
                    inValues('stage', [stage]),
                    ...ownerFilter('ownerId', owner.id),
                    closing,
                  ]);
              },
            }}
            columns={cellColumns}
            rows={cells}
            paged
            rowKey={(c) => `${c.stage}-${c.ownerId}-${c.month}`}
            onRowClick={(c) =>
              opportunities([
                inValues('stage', [c.stage]),
                ...ownerFilter('ownerId', c.ownerId),
                between('expectedCloseOn', ...monthRange(c.month)),
              ])
            }
          />
          <AnalysisPanel
            title={t('dash.pipeline.forecast')}
            testId="dash-pipeline-forecast"
            about={about}
            chart={{
              option: {
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 56, right: 16, top: 32, bottom: 24 },
                xAxis: { type: 'category', data: (m?.forecast ?? []).map((p) => p.month) },
                yAxis: { type: 'value', name: '万元' },
                series: [
                  {
                    name: t('dash.col.weighted'),
                    type: 'bar',
                    data: (m?.forecast ?? []).map((p) => wan(p.weightedFen)),
                  },
                  {
                    name: t('dash.col.amount'),
                    type: 'line',
                    data: (m?.forecast ?? []).map((p) => wan(p.amountFen)),
                  },
                ],
              },
              onClick: (e) => {
                const month = m?.forecast[e.dataIndex]?.month;
                if (month)
                  opportunities([
                    inValues('stage', OPEN_STAGES),
                    between('expectedCloseOn', ...monthRange(month)),
                  ]);
              },
            }}
            columns={[
              { key: 'month', header: t('dash.col.month'), kind: 'text', value: (p) => p.month },
              { key: 'count', header: t('dash.col.count'), kind: 'integer', value: (p) => p.count },
              {
                key: 'amount',
                header: t('dash.col.amount'),
                kind: 'money',
                value: (p) => p.amountFen,
              },
              {
                key: 'weighted',
                header: t('dash.col.weighted'),
                kind: 'money',
                value: (p) => p.weightedFen,
              },
            ]}
            rows={m?.forecast ?? []}
            rowKey={(p) => p.month}
            onRowClick={(p) =>
              opportunities([
                inValues('stage', OPEN_STAGES),
                between('expectedCloseOn', ...monthRange(p.month)),
              ])
            }
          />
          <AnalysisPanel
            title={t('dash.pipeline.winRates')}
            testId="dash-pipeline-win-rates"
            about={about}
            chart={{
              option: barOption(
                (m?.winRates ?? []).map((w) => ownerName(w.ownerId)),
                (m?.winRates ?? []).map((w) => w.winRate),
                'percent',
              ),
              onClick: (e) => {
                const w = m?.winRates[e.dataIndex];
                if (w)
                  opportunities([
                    inValues('stage', ['won', 'lost']),
                    ...ownerFilter('ownerId', w.ownerId),
                    closing,
                  ]);
              },
            }}
            columns={[
              {
                key: 'owner',
                header: t('dash.col.owner'),
                kind: 'text',
                value: (w) => ownerName(w.ownerId),
              },
              { key: 'won', header: t('dash.col.won'), kind: 'integer', value: (w) => w.won },
              { key: 'lost', header: t('dash.col.lost'), kind: 'integer', value: (w) => w.lost },
              {
                key: 'rate',
                header: t('dash.col.realisedWinRate'),
                kind: 'percent',
                value: (w) => w.winRate,
              },
            ]}
            rows={m?.winRates ?? []}
            rowKey={(w) => String(w.ownerId)}
            onRowClick={(w) =>
              opportunities([
                inValues('stage', ['won', 'lost']),
                ...ownerFilter('ownerId', w.ownerId),
                closing,
              ])
            }
          />
        </div>
      </DashboardState>
      {/* Conversion and ageing read the stage history: they follow when ready, the matrix first. */}
      <DashboardState loading={flow.loading} error={flow.error} empty={f === null}>
        <div className="dash-grid dash-grid--next">
          <AnalysisPanel
            title={t('dash.pipeline.conversion')}
            testId="dash-pipeline-conversion"
            about={about}
            chart={{
              option: barOption(
                (f?.conversion ?? []).map((c) => stageName(c.stage)),
                (f?.conversion ?? []).map((c) => c.rate),
                'percent',
              ),
              onClick: (e) => {
                const c = f?.conversion[e.dataIndex];
                if (c) opportunities([inValues('stage', [c.stage]), closing]);
              },
            }}
            columns={[
              {
                key: 'stage',
                header: t('dash.col.stage'),
                kind: 'text',
                value: (c) => stageName(c.stage),
              },
              {
                key: 'reached',
                header: t('dash.col.reached'),
                kind: 'integer',
                value: (c) => c.reached,
              },
              {
                key: 'advanced',
                header: t('dash.col.advanced'),
                kind: 'integer',
                value: (c) => c.advanced,
              },
              {
                key: 'rate',
                header: t('dash.col.conversion'),
                kind: 'percent',
                value: (c) => c.rate,
              },
            ]}
            rows={f?.conversion ?? []}
            rowKey={(c) => c.stage}
            onRowClick={(c) => opportunities([inValues('stage', [c.stage]), closing])}
          />
          <AnalysisPanel
            title={t('dash.pipeline.ageing')}
            testId="dash-pipeline-ageing"
            about={props.about}
            chart={{
              option: {
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 48, right: 16, top: 32, bottom: 24 },
                xAxis: { type: 'category', data: (f?.ageing ?? []).map((a) => stageName(a.stage)) },
                yAxis: { type: 'value' },
                series: ageingTops.map((_, i) => ({
                  name: t(`dash.col.bucket${i as 0 | 1 | 2 | 3}`),
                  type: 'bar',
                  stack: 'age',
                  data: (f?.ageing ?? []).map((a) => a.buckets[i] ?? 0),
                })),
              },
              onClick: (e) => {
                const a = f?.ageing[e.dataIndex];
                const tops = ageingTops[e.seriesIndex ?? -1];
                if (!a || !tops) return;
                const [low, high] = tops;
                opportunities([
                  inValues('stage', [a.stage]),
                  between(
                    'stageChangedAt',
                    high === null ? undefined : addDays(props.today, -high),
                    addDays(props.today, -low),
                  ),
                ]);
              },
            }}
            columns={[
              {
                key: 'stage',
                header: t('dash.col.stage'),
                kind: 'text',
                value: (a) => stageName(a.stage),
              },
              { key: 'count', header: t('dash.col.count'), kind: 'integer', value: (a) => a.count },
              {
                key: 'avg',
                header: t('dash.col.averageDays'),
                kind: 'integer',
                value: (a) => a.averageDays,
              },
              {
                key: 'max',
                header: t('dash.col.maxDays'),
                kind: 'integer',
                value: (a) => a.maxDays,
              },
              ...ageingTops.map((_, i) => ({
                key: `b${i}`,
                header: t(`dash.col.bucket${i as 0 | 1 | 2 | 3}`),
                kind: 'integer' as const,
                value: (a: PipelineFlow['ageing'][number]) => a.buckets[i] ?? 0,
              })),
            ]}
            rows={f?.ageing ?? []}
            rowKey={(a) => a.stage}
            onRowClick={(a) => opportunities([inValues('stage', [a.stage])])}
          />
        </div>
      </DashboardState>
    </>
  );
}
