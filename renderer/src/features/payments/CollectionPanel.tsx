/**
 * 回款率: received ÷ invoiced per specialist (contract owner) and month, quarter or year, with the
 * team's total; a specialist sees the figures of their own accounts, a manager everyone's.
 */
import { Segmented, Table, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ApiError } from '../../../../shared/result';
import type { CollectionPeriod, CollectionReport } from '../../../../shared/schemas/payments';
import { formatFen, formatFenAsWan } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TableExportButton, type ExportTable } from '../export/TableExportButton';
import { useT } from '../../i18n/context';
import { formatRate } from './ReceivablesPanel';

interface Cell {
  invoicedFen: number;
  receivedFen: number;
  rate: number | null;
}
interface PivotRow {
  key: string;
  name: string;
  total: boolean;
  cells: Map<string, Cell>;
}

/** One row per specialist, one column per period; the team's total last. */
function pivot(report: CollectionReport, noOwner: string, totalName: string): PivotRow[] {
  const rows = new Map<string, PivotRow>();
  for (const r of report.rows) {
    const key = String(r.ownerId ?? 'none');
    let row = rows.get(key);
    if (!row) {
      row = { key, name: r.ownerName ?? noOwner, total: false, cells: new Map() };
      rows.set(key, row);
    }
    row.cells.set(r.periodKey, r);
  }
  const total: PivotRow = {
    key: 'total',
    name: totalName,
    total: true,
    cells: new Map(report.totals.map((x) => [x.periodKey, x])),
  };
  return [...[...rows.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')), total];
}

/** The rate, and what it is made of (received / invoiced, in 万元) beneath it. */
function RateCell({ cell }: { cell: Cell | undefined }) {
  const t = useT();
  if (!cell || (cell.invoicedFen === 0 && cell.receivedFen === 0))
    return <span className="cell-empty">—</span>;
  return (
    <Tooltip title={`${formatFen(cell.receivedFen)} / ${formatFen(cell.invoicedFen)}`}>
      <div className={cell.rate !== null && cell.rate < 0.5 ? 'pay-rate--low mono' : 'mono'}>
        {formatRate(cell.rate)}
      </div>
      <div className="pay-rate__parts">
        {t('payments.receivedOfInvoiced', {
          received: formatFenAsWan(cell.receivedFen),
          invoiced: formatFenAsWan(cell.invoicedFen),
        })}
      </div>
    </Tooltip>
  );
}

export function CollectionPanel({ revision }: { revision: number }) {
  const t = useT();
  const today = chinaDate();
  const [period, setPeriod] = useState<CollectionPeriod>('month');
  const [range, setRange] = useState<[string, string]>([`${today.slice(0, 4)}-01-01`, today]);
  const [report, setReport] = useState<CollectionReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void call('payments.collection', { period, from: range[0], to: range[1] }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setReport(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [period, range, revision]);

  // The report as a long table (one row per specialist and period, the totals last) for Excel.
  const exportTable = (): ExportTable => {
    const periodWord = {
      month: t('payments.periodMonth'),
      quarter: t('payments.periodQuarter'),
      year: t('payments.periodYear'),
    }[period];
    const lines = report
      ? [
          ...report.rows.map((r) => [
            r.periodKey,
            r.ownerName ?? t('payments.noOwner'),
            r.invoicedFen,
            r.receivedFen,
            r.rate,
          ]),
          ...report.totals.map((r) => [
            r.periodKey,
            t('payments.teamTotal'),
            r.invoicedFen,
            r.receivedFen,
            r.rate,
          ]),
        ]
      : [];
    return {
      title: t('payments.tabCollection'),
      columns: [
        { header: t('payments.period'), kind: 'text' },
        { header: t('payments.owner'), kind: 'text' },
        { header: t('payments.invoiced'), kind: 'money' },
        { header: t('payments.received'), kind: 'money' },
        { header: t('payments.rate'), kind: 'percent' },
      ],
      rows: lines,
      about: [
        [t('payments.period'), periodWord],
        [t('payments.range'), `${range[0]} – ${range[1]}`],
      ],
    };
  };

  const rows = useMemo(
    () => (report ? pivot(report, t('payments.noOwner'), t('payments.teamTotal')) : []),
    [report, t],
  );

  return (
    <div data-testid="collection-panel">
      <div className="pay-panel-toolbar">
        <span>{t('payments.period')}</span>
        <Segmented<CollectionPeriod>
          value={period}
          onChange={setPeriod}
          options={[
            { value: 'month', label: t('payments.periodMonth') },
            { value: 'quarter', label: t('payments.periodQuarter') },
            { value: 'year', label: t('payments.periodYear') },
          ]}
          data-testid="collection-period"
        />
        <span>{t('payments.range')}</span>
        <span className="pay-date">
          <DateInput
            value={range[0]}
            onChange={(v) => v && v <= range[1] && setRange([v, range[1]])}
            testId="collection-from"
          />
        </span>
        –
        <span className="pay-date">
          <DateInput
            value={range[1]}
            onChange={(v) => v && v >= range[0] && setRange([range[0], v])}
            testId="collection-to"
          />
        </span>
        <TableExportButton table={exportTable} disabled={!report || report.rows.length === 0} />
      </div>
      <Typography.Paragraph type="secondary">{t('payments.collectionHint')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<PivotRow>
        size="small"
        rowKey="key"
        loading={!report && !error}
        dataSource={report && report.rows.length > 0 ? rows : []}
        pagination={false}
        locale={{ emptyText: t('payments.collectionEmpty') }}
        scroll={{ x: 'max-content' }}
        data-testid="collection-table"
        onRow={(r) => ({ className: r.total ? 'pay-total-row' : undefined })}
        columns={[
          {
            key: 'name',
            title: t('payments.owner'),
            fixed: 'left',
            width: 120,
            render: (_, r) => (r.total ? <strong>{r.name}</strong> : r.name),
          },
          ...(report?.periods ?? []).map((p) => ({
            key: p,
            title: p,
            width: 170,
            align: 'right' as const,
            render: (_: unknown, r: PivotRow) => <RateCell cell={r.cells.get(p)} />,
          })),
        ]}
      />
    </div>
  );
}
