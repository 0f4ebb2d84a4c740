/**
 * Replacement forecast: fleet lines due for replacement by month (their year plus the service
 * life) — the true totals and the vehicles due each month, counted over every line by the
 * server, then the lines a page at a time, each with a button that opens an opportunity for it
 * through the ordinary create path.
 */
import { App, Button, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { addMonths } from '../../../../shared/dates';
import type { ForecastResult } from '../../../../shared/schemas/value';
import { call } from '../../api/client';
import { type ChartOption, EChart } from '../../components/charts/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';
import { useValueQuery } from './use-value-query';

type Row = ForecastResult['rows'][number];

const MONTHS = 24;
const PAGE = 50;

export function ForecastTab() {
  const t = useT();
  const { message } = App.useApp();
  const { lang } = useLang();
  const { navigate } = useHashRoute();
  const [page, setPage] = useState(1);

  const { data, error } = useValueQuery('value.forecast', {
    months: MONTHS,
    offset: (page - 1) * PAGE,
    limit: PAGE,
  });

  const chart = useMemo<ChartOption | null>(() => {
    if (!data || data.months.length === 0) return null;
    // Every month of the span, those with nothing due at zero: a timeline, not a list of bars.
    const due = new Map(data.months.map((m) => [m.month, m.units]));
    const last = data.months[data.months.length - 1]!.month;
    const months: string[] = [];
    for (let m = data.months[0]!.month; m <= last; m = addMonths(`${m}-01`, 1).slice(0, 7))
      months.push(m);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: t('value.forecastUnits') },
      series: [
        {
          type: 'bar',
          name: t('value.forecastUnits'),
          data: months.map((m) => due.get(m) ?? 0),
        },
      ],
    };
  }, [data, t]);

  const openOpportunity = async (row: Row) => {
    const r = await call('opportunities.create', {
      accountId: row.accountId,
      title: t('value.forecastTitle', { model: row.model, year: row.year, count: row.count }),
      lines: [{ model: row.model, quantity: row.count }],
    });
    if (r.ok) navigate(recordPath('opportunities', r.value.id));
    else void message.error(r.error.message);
  };

  return (
    <div data-testid="value-forecast">
      {error && <ErrorAlert error={error} />}
      {data && (
        <>
          <Typography.Paragraph type="secondary">
            {t('value.forecastHint', { years: data.serviceLifeYears })}
          </Typography.Paragraph>
          <Typography.Paragraph data-testid="value-forecast-totals">
            {t('value.forecastTotals', {
              months: MONTHS,
              units: formatCount(data.units, lang),
              lines: formatCount(data.lines, lang),
            })}
          </Typography.Paragraph>
        </>
      )}
      {chart && (
        <EChart
          option={chart}
          height={220}
          label={t('value.forecastChart')}
          testId="value-forecast-chart"
        />
      )}
      <Table<Row>
        size="small"
        bordered
        rowKey={(r) => `${r.month}:${r.accountId}:${r.brand}:${r.model}:${r.year}`}
        dataSource={data?.rows ?? []}
        loading={!data && !error}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.lines ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          { key: 'month', title: t('value.month'), dataIndex: 'month', width: 100 },
          {
            key: 'account',
            title: t('value.account'),
            dataIndex: 'accountName',
            render: (name: string, r) => <a href={`#/accounts/${r.accountId}`}>{name}</a>,
          },
          {
            key: 'vehicle',
            title: t('value.vehicle'),
            render: (_: unknown, r) => `${r.brand} ${r.model}`,
          },
          { key: 'year', title: t('fleet.year'), dataIndex: 'year', width: 80 },
          { key: 'count', title: t('fleet.count'), dataIndex: 'count', width: 80, align: 'right' },
          {
            key: 'open',
            title: '',
            width: 150,
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => void openOpportunity(r)}>
                {r.openOpportunities > 0
                  ? t('value.openAnother', { n: r.openOpportunities })
                  : t('value.openOpportunity')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
