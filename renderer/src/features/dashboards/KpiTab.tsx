/**
 * KPI 达成: the team table (each person's daily targets summed over China's working days of the
 * week or month, done, attainment %) and the attainment trend over the last periods. A person's
 * bar or row opens their activities of the period; a trend point the period's activities.
 */
import { Alert, DatePicker, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ACTIVITY_TYPES, ACTIVITY_TYPE_VALUES } from '../../../../shared/sales-enums';
import type { KpiBoard, KpiBoardRow } from '../../../../shared/schemas/dashboards';
import type { Filter } from '../../../../shared/list';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { drillPath } from '../../lib/drill-down';
import { formatDate } from '../../lib/format';
import { useHashRoute } from '../../lib/use-hash-route';
import { AnalysisPanel } from './AnalysisPanel';
import type { AnalysisColumn } from './analysis-table';
import { DashboardState } from './DashboardState';
import { between, inValues } from './drills';
import { useDashboard } from './use-dashboard';

const TREND = 6;
type Period = KpiBoard['period'];
type TrendPoint = KpiBoard['trend'][number];

export function KpiTab(props: { today: string; revision: number; about: [string, string][] }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { navigate } = useHashRoute();
  const [period, setPeriod] = useState<Period>('month');
  const [date, setDate] = useState(props.today);
  const {
    value: k,
    loading,
    error,
  } = useDashboard('dashboards.kpi', { period, date, trend: TREND }, props.revision);
  const activities = (filters: Filter[]) => navigate(drillPath('activities', filters));
  const ofPerson = (staffId: number, from: string, to: string) =>
    activities([inValues('staffId', [staffId]), between('occurredOn', from, to)]);

  const rows = k?.rows ?? [];
  const types = ACTIVITY_TYPE_VALUES.filter((type) =>
    rows.some((r) => r.items.some((i) => i.type === type)),
  );
  const itemOf = (r: KpiBoardRow, type: string) => r.items.find((i) => i.type === type);
  const columns: AnalysisColumn<KpiBoardRow>[] = [
    { key: 'name', header: t('dash.col.name'), kind: 'text', value: (r) => r.name },
    ...types.flatMap((type): AnalysisColumn<KpiBoardRow>[] => {
      const name = label(ACTIVITY_TYPES, type);
      const done = (r: KpiBoardRow) => itemOf(r, type)?.done ?? 0;
      const target = (r: KpiBoardRow) => itemOf(r, type)?.target ?? 0;
      return [
        {
          key: type,
          header: name,
          kind: 'text',
          only: 'view',
          value: (r) => `${done(r)} / ${target(r)}`,
        },
        {
          key: `${type}-done`,
          header: `${name} · ${t('dash.col.done')}`,
          kind: 'integer',
          only: 'export',
          value: done,
        },
        {
          key: `${type}-target`,
          header: `${name} · ${t('dash.col.target')}`,
          kind: 'integer',
          only: 'export',
          value: target,
        },
      ];
    }),
    { key: 'done', header: t('dash.col.done'), kind: 'integer', value: (r) => r.done },
    { key: 'target', header: t('dash.col.target'), kind: 'integer', value: (r) => r.target },
    {
      key: 'attainment',
      header: t('dash.col.attainment'),
      kind: 'percent',
      value: (r) => r.attainment,
    },
  ];
  const periodName = (p: { from: string; to: string }) =>
    period === 'month' ? p.from.slice(0, 7) : formatDate(p.from, lang);
  const trend = k?.trend ?? [];
  const about: [string, string][] = k
    ? [
        ...props.about,
        [t('dash.col.period'), `${k.from} – ${k.to}`],
        [t('dash.col.workingDays'), String(k.workingDays)],
      ]
    : props.about;

  return (
    <DashboardState loading={loading} error={error} empty={k === null}>
      <Space className="dash-controls" wrap>
        <Typography.Text>{t('dash.kpi.period')}</Typography.Text>
        <Segmented<Period>
          value={period}
          onChange={setPeriod}
          options={[
            { value: 'week', label: t('dash.kpi.week') },
            { value: 'month', label: t('dash.kpi.month') },
          ]}
          data-testid="dash-kpi-period"
        />
        <DatePicker
          picker={period}
          allowClear={false}
          value={dayjs(date)}
          onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
        />
        <Typography.Text type="secondary">{t('dash.drillHint')}</Typography.Text>
      </Space>
      {k && !k.scheduleKnown && (
        <Alert
          type="warning"
          showIcon
          message={t('dash.kpi.scheduleUnknown')}
          className="dash-error"
        />
      )}
      <div className="dash-grid">
        <AnalysisPanel
          title={
            k
              ? t('dash.kpi.table', {
                  from: formatDate(k.from, lang),
                  to: formatDate(k.to, lang),
                  days: k.workingDays,
                })
              : ''
          }
          testId="dash-kpi-table"
          about={about}
          chart={{
            option: {
              tooltip: {},
              grid: { left: 48, right: 24, top: 16, bottom: 24, containLabel: true },
              xAxis: { type: 'category', data: rows.map((r) => r.name) },
              yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
              series: [
                {
                  type: 'bar',
                  data: rows.map((r) => r.attainment ?? 0),
                  markLine: { silent: true, symbol: 'none', data: [{ yAxis: 100 }] },
                },
              ],
            },
            onClick: (e) => {
              const r = rows[e.dataIndex];
              if (r && k) ofPerson(r.staffId, k.from, k.to);
            },
          }}
          columns={columns}
          rows={rows}
          rowKey={(r) => String(r.staffId)}
          onRowClick={(r) => k && ofPerson(r.staffId, k.from, k.to)}
        />
        <AnalysisPanel
          title={t('dash.kpi.trend', { n: TREND })}
          testId="dash-kpi-trend"
          about={props.about}
          chart={{
            option: {
              tooltip: { trigger: 'axis' },
              legend: { type: 'scroll', top: 0 },
              grid: { left: 48, right: 24, top: 32, bottom: 24, containLabel: true },
              xAxis: { type: 'category', data: trend.map(periodName) },
              yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
              series: [
                {
                  name: t('dash.kpi.team'),
                  type: 'line',
                  lineStyle: { width: 3 },
                  data: trend.map((p) => p.attainment),
                },
                ...rows.map((r) => ({
                  name: r.name,
                  type: 'line',
                  data: trend.map(
                    (p) => p.people.find((x) => x.staffId === r.staffId)?.attainment ?? null,
                  ),
                })),
              ],
            },
            onClick: (e) => {
              const p = trend[e.dataIndex];
              if (!p) return;
              const person = e.seriesIndex ? rows[e.seriesIndex - 1] : undefined;
              if (person) ofPerson(person.staffId, p.from, p.to);
              else activities([between('occurredOn', p.from, p.to)]);
            },
          }}
          columns={[
            {
              key: 'period',
              header: t('dash.col.period'),
              kind: 'text',
              value: (p: TrendPoint) => periodName(p),
            },
            {
              key: 'days',
              header: t('dash.col.workingDays'),
              kind: 'integer',
              value: (p: TrendPoint) => p.workingDays,
            },
            {
              key: 'done',
              header: t('dash.col.done'),
              kind: 'integer',
              value: (p: TrendPoint) => p.done,
            },
            {
              key: 'target',
              header: t('dash.col.target'),
              kind: 'integer',
              value: (p: TrendPoint) => p.target,
            },
            {
              key: 'attainment',
              header: t('dash.col.attainment'),
              kind: 'percent',
              value: (p: TrendPoint) => p.attainment,
            },
          ]}
          rows={trend}
          rowKey={(p) => p.from}
          onRowClick={(p) => activities([between('occurredOn', p.from, p.to)])}
        />
      </div>
    </DashboardState>
  );
}
