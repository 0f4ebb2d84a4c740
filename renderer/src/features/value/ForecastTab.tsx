/**
 * Replacement forecast: fleet lines due for replacement by month (their year plus the service
 * life), each with a button that opens an opportunity for it through the ordinary create path.
 */
import { App, Button, Table, Typography } from 'antd';
import type { ForecastResult } from '../../../../shared/schemas/value';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';
import { useValueQuery } from './use-value-query';

type Row = ForecastResult['rows'][number];

export function ForecastTab() {
  const t = useT();
  const { message } = App.useApp();
  const { navigate } = useHashRoute();

  const { data, error } = useValueQuery('value.forecast', { months: 24 });

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
        <Typography.Paragraph type="secondary">
          {t('value.forecastHint', { years: data.serviceLifeYears })}
        </Typography.Paragraph>
      )}
      <Table<Row>
        size="small"
        bordered
        rowKey={(r) => `${r.month}:${r.accountId}:${r.brand}:${r.model}:${r.year}`}
        dataSource={data?.rows ?? []}
        loading={!data && !error}
        pagination={{ pageSize: 50, showSizeChanger: false }}
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
