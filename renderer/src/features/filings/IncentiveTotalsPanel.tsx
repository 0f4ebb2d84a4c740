/**
 * 激励款统计: the incentive totals per month, quarter or year (filings.incentiveTotals) — submitted,
 * approved, partly approved, rejected, awaiting, withdrawn, the amounts approved, received and
 * outstanding — for the caller's accounts, or the store's for a manager. Self-contained (it fetches
 * its own figures), so the filings page and the manager's dashboards can both place it; the table
 * exports as shown, with its total and an about sheet (period, years, whose filings).
 */
import { Card, Segmented, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import { INCENTIVE_PERIODS, type IncentivePeriod } from '../../../../shared/filing-enums';
import type { ApiError } from '../../../../shared/result';
import type { IncentiveFigures, IncentiveTotals } from '../../../../shared/schemas/incentives';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type Translate, useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { type AnalysisColumn, exportTableOf } from '../dashboards/analysis-table';
import { TableExportButton } from '../export/TableExportButton';

type Row = IncentiveFigures & { key: string };

/** 2026-06 → 2026年6月, 2026-Q2 → 2026年第2季度, 2026 → 2026年 (English: 2026-06, 2026 Q2, 2026). */
export function periodLabel(key: string, t: Translate): string {
  const year = key.slice(0, 4);
  if (key.length === 4) return t('incentiveTotals.yearKey', { year });
  if (key[5] === 'Q') return t('incentiveTotals.quarter', { year, quarter: key.slice(6) });
  const mm = key.slice(5, 7);
  return t('incentiveTotals.month', { year, month: Number(mm), mm });
}

const YEARS_SHOWN = 5;

function rangeOf(period: IncentivePeriod, year: number): { from: string; to: string } {
  if (period === 'year') return { from: `${year - YEARS_SHOWN + 1}-01-01`, to: `${year}-12-31` };
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * `title`: false where the host names the panel; `height`: the rows scroll within it (px);
 * `revision`: change it to read the figures again (the dashboards' refresh, live changes).
 */
export function IncentiveTotalsPanel({
  title = true,
  height,
  revision = 0,
}: {
  title?: boolean;
  height?: number;
  revision?: number;
}) {
  const t = useT();
  const { lang } = useLang();
  const options = useEnumOptions();
  const label = useEnumLabel();
  const thisYear = Number(chinaDate().slice(0, 4));
  const [period, setPeriod] = useState<IncentivePeriod>('month');
  const [year, setYear] = useState(thisYear);
  const [totals, setTotals] = useState<IncentiveTotals | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const request = JSON.stringify([period, year]);

  useEffect(() => {
    let live = true;
    void call('filings.incentiveTotals', { period, ...rangeOf(period, year) }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setTotals(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [period, year, revision]);

  const shown = totals && JSON.stringify([totals.period, year]) === request ? totals : null;
  const n = (v: number) => formatCount(v, lang);
  const money = (v: number) => formatFen(v);
  const counts: [keyof IncentiveFigures, string][] = [
    ['submitted', t('incentiveTotals.colSubmitted')],
    ['approved', t('incentiveTotals.colApproved')],
    ['partial', t('incentiveTotals.colPartial')],
    ['rejected', t('incentiveTotals.colRejected')],
    ['awaiting', t('incentiveTotals.colAwaiting')],
    ['withdrawn', t('incentiveTotals.colWithdrawn')],
  ];
  const amounts: [keyof IncentiveFigures, string][] = [
    ['approvedFen', t('incentiveTotals.colApprovedFen')],
    ['receivedFen', t('incentiveTotals.colReceivedFen')],
    ['outstandingFen', t('incentiveTotals.colOutstandingFen')],
  ];

  /** The table as shown, its total last, for exports.table. */
  const exportTable = () => {
    const columns: AnalysisColumn<IncentiveFigures & { label: string }>[] = [
      {
        key: 'period',
        header: t('incentiveTotals.colPeriod'),
        kind: 'text',
        value: (r) => r.label,
      },
      ...counts.map(([k, header]) => ({
        key: k,
        header,
        kind: 'integer' as const,
        value: (r: IncentiveFigures) => r[k],
      })),
      ...amounts.map(([k, header]) => ({
        key: k,
        header,
        kind: 'money' as const,
        value: (r: IncentiveFigures) => r[k],
      })),
    ];
    const rows = shown
      ? [
          ...shown.rows.map((r) => ({ ...r, label: periodLabel(r.key, t) })),
          { ...shown.total, label: t('incentiveTotals.total') },
        ]
      : [];
    const { from, to } = rangeOf(period, year);
    const years =
      period === 'year'
        ? t('incentiveTotals.years', { from: from.slice(0, 4), to: to.slice(0, 4) })
        : t('incentiveTotals.year', { year });
    const about: [string, string][] = [
      [t('incentiveTotals.aboutPeriod'), label(INCENTIVE_PERIODS, period)],
      [t('incentiveTotals.aboutYears'), years],
      [
        t('incentiveTotals.aboutScope'),
        shown?.scope === 'all' ? t('incentiveTotals.scopeAll') : t('incentiveTotals.scopeTeam'),
      ],
    ];
    return exportTableOf(t('incentiveTotals.title'), columns, rows, about);
  };

  return (
    <Card
      size="small"
      className="incentive-totals"
      title={title ? t('incentiveTotals.title') : undefined}
      data-testid="incentive-totals"
      extra={
        <Space>
          <Segmented<IncentivePeriod>
            size="small"
            value={period}
            onChange={setPeriod}
            options={options(INCENTIVE_PERIODS)}
            data-testid="incentive-totals-period"
          />
          {period !== 'year' && (
            <Select<number>
              size="small"
              value={year}
              onChange={setYear}
              style={{ width: 100 }}
              options={Array.from({ length: YEARS_SHOWN }, (_, i) => thisYear - i).map((y) => ({
                value: y,
                label: t('incentiveTotals.year', { year: y }),
              }))}
              data-testid="incentive-totals-year"
            />
          )}
          <TableExportButton disabled={!shown} table={exportTable} />
        </Space>
      }
    >
      {shown && (
        <Typography.Paragraph type="secondary" className="incentive-totals__scope">
          {shown.scope === 'all' ? t('incentiveTotals.scopeAll') : t('incentiveTotals.scopeTeam')}
        </Typography.Paragraph>
      )}
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<Row>
        size="small"
        rowKey="key"
        loading={!shown && !error}
        pagination={false}
        scroll={{ x: 'max-content', y: height }}
        dataSource={shown?.rows ?? []}
        onRow={(r) => ({
          className: r.submitted + r.withdrawn === 0 ? 'incentive-totals__quiet' : '',
        })}
        columns={[
          {
            key: 'period',
            title: t('incentiveTotals.colPeriod'),
            fixed: 'left',
            render: (_, r) => periodLabel(r.key, t),
          },
          ...counts.map(([k, title]) => ({
            key: k,
            title,
            align: 'right' as const,
            render: (_: unknown, r: Row) => n(r[k]),
          })),
          ...amounts.map(([k, title]) => ({
            key: k,
            title,
            align: 'right' as const,
            render: (_: unknown, r: Row) => money(r[k]),
          })),
        ]}
        summary={() =>
          shown && (
            <Table.Summary fixed>
              <Table.Summary.Row
                className="incentive-totals__total"
                data-testid="incentive-totals-total"
              >
                <Table.Summary.Cell index={0}>{t('incentiveTotals.total')}</Table.Summary.Cell>
                {counts.map(([k], i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">
                    <span data-total={k}>{n(shown.total[k])}</span>
                  </Table.Summary.Cell>
                ))}
                {amounts.map(([k], i) => (
                  <Table.Summary.Cell key={k} index={counts.length + i + 1} align="right">
                    <span data-total={k}>{money(shown.total[k])}</span>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          )
        }
      />
    </Card>
  );
}
