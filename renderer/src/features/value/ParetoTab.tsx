/**
 * 20/80 and ABC: the Pareto chart (accounts by value, bars, with the cumulative share as a line and
 * the cut-offs marked), the classes (share of accounts and of value; a click on a class bar or its
 * link opens the accounts grid filtered to exactly those accounts) and the table with the
 * hand-set grade beside the computed class.
 */
import { Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { addDays, addMonths, chinaDate } from '../../../../shared/dates';
import { GRADES } from '../../../../shared/enums';
import type { ParetoRow, ValueBasis, ValueClassFilter } from '../../../../shared/schemas/value';
import { formatFenAsWan } from '../../../../shared/values/money';
import { type ChartClick, type ChartOption, EChart } from '../../components/charts/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { useHashRoute } from '../../lib/use-hash-route';
import { useValueQuery } from './use-value-query';
import { valueClassPath } from './value-route';

type PeriodKey = 'thisYear' | 'lastYear' | 'last12';
const CLASSES = ['A', 'B', 'C'] as const;
const COLORS = { A: '#cf1322', B: '#fa8c16', C: '#8c8c8c' } as const;
const PAGE = 50;

function periodOf(key: PeriodKey, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  if (key === 'thisYear') return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (key === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  return { from: addDays(addMonths(today, -12), 1), to: today };
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)} %`;

/** `revision`: change it to read the figures again (the dashboards' refresh, live changes). */
export function ParetoTab({ revision = 0 }: { revision?: number }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { navigate } = useHashRoute();
  const [periodKey, setPeriodKey] = useState<PeriodKey>('last12');
  const [basis, setBasis] = useState<ValueBasis>('revenue');
  const [page, setPage] = useState(1);
  const period = useMemo(() => periodOf(periodKey, chinaDate()), [periodKey]);

  const { data, error } = useValueQuery(
    'value.pareto',
    { ...period, basis, offset: (page - 1) * PAGE, limit: PAGE },
    revision,
  );

  const amount = useCallback(
    (v: number) => (basis === 'units' ? formatCount(v, lang) : formatFenAsWan(v)),
    [basis, lang],
  );

  const drill = useCallback(
    (classes: ValueClassFilter['classes']) => {
      if (!data) return;
      navigate(valueClassPath({ ...period, basis, cutoffs: data.cutoffs, classes }));
    },
    [data, period, basis, navigate],
  );

  const paretoOption = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    const rows = data.rows;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 64, right: 56, top: 32, bottom: 64 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { rotate: 40, width: 90, overflow: 'truncate', fontSize: 11 },
      },
      yAxis: [
        { type: 'value', name: t(`value.basis.${basis}`) },
        { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      ],
      series: [
        {
          type: 'bar',
          name: t('value.valueCol'),
          data: rows.map((r) => ({
            value: basis === 'units' ? r.value : r.value / 1_000_000,
            itemStyle: { color: COLORS[r.abc] },
          })),
        },
        {
          type: 'line',
          name: t('value.cumulative'),
          yAxisIndex: 1,
          data: rows.map((r) => Math.round(r.cumulativeShare * 1000) / 10),
          markLine: {
            silent: true,
            symbol: 'none',
            label: { formatter: '{c} %', position: 'insideStartTop' },
            data: [{ yAxis: data.cutoffs.a }, { yAxis: data.cutoffs.b }],
          },
        },
      ],
    };
  }, [data, basis, t]);

  const classOption = useMemo<ChartOption | null>(() => {
    if (!data) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: CLASSES.map((c) => t('value.classN', { abc: c })) },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        {
          type: 'bar',
          name: t('value.accountShare'),
          data: CLASSES.map((c) => ({
            value: Math.round(data.classes[c].accountShare * 1000) / 10,
            itemStyle: { color: COLORS[c], opacity: 0.55 },
          })),
        },
        {
          type: 'bar',
          name: t('value.valueShare'),
          data: CLASSES.map((c) => ({
            value: Math.round(data.classes[c].valueShare * 1000) / 10,
            itemStyle: { color: COLORS[c] },
          })),
        },
      ],
    };
  }, [data, t]);

  const onParetoClick = useCallback(
    (e: ChartClick) => {
      const row = data?.rows[e.dataIndex];
      if (row) drill([row.abc]);
    },
    [data, drill],
  );
  const onClassClick = useCallback(
    (e: ChartClick) => {
      const abc = CLASSES[e.dataIndex];
      if (abc) drill([abc]);
    },
    [drill],
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="value-pareto">
      <Space wrap>
        <Select<PeriodKey>
          value={periodKey}
          onChange={(k) => {
            setPeriodKey(k);
            setPage(1);
          }}
          style={{ width: 160 }}
          data-testid="value-period"
          options={(['last12', 'thisYear', 'lastYear'] as const).map((k) => ({
            value: k,
            label: t(`value.period.${k}`),
          }))}
        />
        <Segmented<ValueBasis>
          value={basis}
          onChange={(b) => {
            setBasis(b);
            setPage(1);
          }}
          options={(['revenue', 'units', 'margin'] as const).map((b) => ({
            value: b,
            label: t(`value.basis.${b}`),
          }))}
        />
        {data && (
          <Typography.Text type="secondary">
            {t('value.summary', {
              accounts: formatCount(data.accounts, lang),
              total: amount(data.total),
              a: data.cutoffs.a,
              b: data.cutoffs.b,
            })}
          </Typography.Text>
        )}
      </Space>
      {error && <ErrorAlert error={error} />}
      {data && classOption && paretoOption && (
        <>
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 2fr', gap: 16 }}>
            <EChart
              option={classOption}
              height={280}
              onClick={onClassClick}
              label={t('value.classChart')}
              testId="value-class-chart"
            />
            <EChart
              option={paretoOption}
              height={280}
              onClick={onParetoClick}
              label={t('value.paretoChart')}
              testId="value-pareto-chart"
            />
          </div>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="abc"
            data-testid="value-classes"
            dataSource={CLASSES.map((abc) => ({ abc, ...data.classes[abc] }))}
            columns={[
              {
                key: 'abc',
                title: t('value.classCol'),
                dataIndex: 'abc',
                render: (abc: (typeof CLASSES)[number]) => <Tag color={COLORS[abc]}>{abc}</Tag>,
              },
              {
                key: 'accounts',
                title: t('value.accountsCol'),
                align: 'right',
                render: (_: unknown, c) =>
                  `${formatCount(c.accounts, lang)}（${pct(c.accountShare)}）`,
              },
              {
                key: 'value',
                title: t('value.valueCol'),
                align: 'right',
                render: (_: unknown, c) => `${amount(c.value)}（${pct(c.valueShare)}）`,
              },
              {
                key: 'open',
                title: '',
                width: 140,
                render: (_: unknown, c) => (
                  <a onClick={() => drill([c.abc])} data-testid={`value-drill-${c.abc}`}>
                    {t('value.showAccounts')}
                  </a>
                ),
              },
            ]}
          />
          <Table<ParetoRow>
            size="small"
            bordered
            rowKey="id"
            data-testid="value-pareto-table"
            dataSource={data.rows}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: data.accounts,
              showSizeChanger: false,
              onChange: setPage,
            }}
            columns={[
              { key: 'rank', title: t('value.rank'), dataIndex: 'rank', width: 70, align: 'right' },
              {
                key: 'name',
                title: t('value.account'),
                dataIndex: 'name',
                render: (name: string, r) => <a href={`#/accounts/${r.id}`}>{name}</a>,
              },
              {
                key: 'value',
                title: t(`value.basis.${basis}`),
                dataIndex: 'value',
                align: 'right',
                render: (v: number) => amount(v),
              },
              {
                key: 'share',
                title: t('value.share'),
                dataIndex: 'share',
                align: 'right',
                render: pct,
              },
              {
                key: 'cumulative',
                title: t('value.cumulative'),
                dataIndex: 'cumulativeShare',
                align: 'right',
                render: pct,
              },
              {
                key: 'abc',
                title: t('value.classCol'),
                dataIndex: 'abc',
                width: 70,
                render: (abc: ParetoRow['abc']) => <Tag color={COLORS[abc]}>{abc}</Tag>,
              },
              {
                key: 'grade',
                title: t('value.grade'),
                render: (_: unknown, r) => (
                  <Space size={4}>
                    <span>{label(GRADES, r.grade)}</span>
                    {r.grade !== r.abc && (
                      <Tag color="warning" data-testid="value-disagrees">
                        {t('value.disagreesShort', {
                          grade: r.grade,
                          rank: r.rank,
                          basis: t(`value.basis.${basis}`),
                        })}
                      </Tag>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
