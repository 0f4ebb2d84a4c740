/**
 * 应收款: receivables by contract or by account, overdue first — contract total, invoiced,
 * received, the receivable (invoiced − received), days outstanding and overdue, the collection
 * rate; a contract opens its card. Paged in the database.
 */
import { Checkbox, Input, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import type { ReceivableRow } from '../../../../shared/schemas/payments';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { testId } from '../../lib/test-id';
import { AgeTag, Money } from './ReceivableFigures';

type By = 'contract' | 'account';
const PAGE = 50;

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function ReceivablesPanel(props: {
  revision: number;
  onOpenContract: (id: number) => void;
  onOpenAccount: (id: number) => void;
}) {
  const { revision, onOpenContract, onOpenAccount } = props;
  const t = useT();
  const { lang } = useLang();
  const [by, setBy] = useState<By>('contract');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search, 300);
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{
    rows: ReceivableRow[];
    total: number;
    termDays: number;
  } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void call('payments.receivables', {
      by,
      overdueOnly,
      search: debounced.trim() || undefined,
      offset: (page - 1) * PAGE,
      limit: PAGE,
    }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [by, overdueOnly, debounced, page, revision]);

  return (
    <div data-testid="receivables-panel">
      <div className="pay-panel-toolbar">
        <Segmented<By>
          value={by}
          onChange={(v) => {
            setBy(v);
            setPage(1);
          }}
          options={[
            { value: 'contract', label: t('payments.byContract') },
            { value: 'account', label: t('payments.byAccount') },
          ]}
          data-testid="receivables-by"
        />
        <Checkbox
          checked={overdueOnly}
          onChange={(e) => {
            setOverdueOnly(e.target.checked);
            setPage(1);
          }}
          data-testid="receivables-overdue-only"
        >
          {t('payments.overdueOnly')}
        </Checkbox>
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setPage(1);
          }}
          placeholder={t('payments.searchPlaceholder')}
          style={{ width: 300 }}
        />
        {data && (
          <Typography.Text className="pay-panel-toolbar__hint">
            {t('payments.receivablesHint', { n: data.termDays })}
          </Typography.Text>
        )}
      </div>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<ReceivableRow>
        size="small"
        rowKey={(r) => `${r.accountId}-${r.contractId ?? 0}`}
        loading={!data && !error}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('payments.receivablesEmpty') }}
        scroll={{ x: 'max-content' }}
        data-testid="receivables-table"
        onRow={(r) => ({
          className: r.daysOverdue !== null ? 'pay-overdue-row' : undefined,
          ...testId(`receivable-row-${r.contractNo ?? r.accountId}`),
        })}
        pagination={{
          current: page,
          pageSize: PAGE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
          showTotal: (n) => t('payments.rows', { n: formatCount(n, lang) }),
        }}
        columns={[
          ...(by === 'contract'
            ? [
                {
                  key: 'contract',
                  title: t('payments.contract'),
                  width: 150,
                  render: (_: unknown, r: ReceivableRow) => (
                    <button
                      type="button"
                      className="pay-link mono"
                      onClick={() => r.contractId !== null && onOpenContract(r.contractId)}
                    >
                      {r.contractNo}
                    </button>
                  ),
                },
              ]
            : []),
          {
            key: 'account',
            title: t('payments.account'),
            width: 200,
            ellipsis: true,
            render: (_, r) => (
              <button type="button" className="pay-link" onClick={() => onOpenAccount(r.accountId)}>
                {r.accountName}
              </button>
            ),
          },
          ...(by === 'account'
            ? [
                {
                  key: 'contracts',
                  title: t('payments.contracts'),
                  width: 90,
                  align: 'right' as const,
                  render: (_: unknown, r: ReceivableRow) => formatCount(r.contracts, lang),
                },
              ]
            : []),
          {
            key: 'owner',
            title: t('payments.owner'),
            width: 90,
            render: (_, r) => r.ownerName ?? '—',
          },
          {
            key: 'total',
            title: t('payments.total'),
            width: 128,
            align: 'right',
            render: (_, r) => <Money fen={r.totalFen} />,
          },
          {
            key: 'invoiced',
            title: t('payments.invoiced'),
            width: 128,
            align: 'right',
            render: (_, r) => <Money fen={r.invoicedFen} />,
          },
          {
            key: 'received',
            title: t('payments.received'),
            width: 128,
            align: 'right',
            render: (_, r) => <Money fen={r.receivedFen} />,
          },
          {
            key: 'invoicedOpen',
            title: t('payments.invoicedOpen'),
            width: 128,
            align: 'right',
            render: (_, r) =>
              r.creditFen > 0 ? (
                <Tooltip title={t('payments.credit')}>
                  <Tag color="orange">{t('payments.overpaymentTag')}</Tag>
                  <Money fen={r.creditFen} />
                </Tooltip>
              ) : (
                <Money
                  fen={r.invoicedOpenFen}
                  className={r.daysOverdue !== null ? 'pay-open-cell' : ''}
                />
              ),
          },
          {
            key: 'age',
            title: t('payments.daysOutstanding'),
            width: 150,
            render: (_, r) => (
              <AgeTag daysOutstanding={r.daysOutstanding} daysOverdue={r.daysOverdue} />
            ),
          },
          {
            key: 'rate',
            title: t('payments.rate'),
            width: 90,
            align: 'right',
            render: (_, r) => (
              <span
                className={
                  r.collectionRate !== null && r.collectionRate < 0.5 ? 'pay-rate--low' : ''
                }
              >
                {formatRate(r.collectionRate)}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
