/** The columns of the tender grid: every TENDER_COLUMNS field, headed by its shared label. */
import { useMemo } from 'react';
import { PROCUREMENT_METHODS, TENDER_STATUSES } from '../../../../shared/sales-enums';
import {
  TENDER_COLUMN_LABELS,
  type TenderColumn,
  type TenderRow,
} from '../../../../shared/schemas/tenders';
import { useSession } from '../../app/session';
import type { GridColumnDef } from '../../components/DataGrid';
import { useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { pickLabel } from '../../i18n/lang';
import { formatCount, formatDateTime } from '../../lib/format';
import { dayUrgency, instantUrgency, isOpenTender, refundState, type Urgency } from './deadlines';
import { useMoney } from './money-format';
import { DayCell, Empty, InstantCell, MoneyCell, StatusTag, Text } from './tender-cells';
import { useNow } from './use-now';

type Col = GridColumnDef<TenderRow, TenderColumn>;

export function useTenderColumns(): Col[] {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const money = useMoney();
  const { staff } = useSession();
  const now = useNow();

  return useMemo<Col[]>(() => {
    const header = (id: TenderColumn) => pickLabel(TENDER_COLUMN_LABELS[id], lang);
    // Passed dates step back for every tender; near ones stand out only while it is under way.
    const watch = (r: TenderRow, u: Urgency) =>
      u === 'passed' || isOpenTender(r.status) ? u : null;
    const dayDue = (r: TenderRow, v: string | null) => (v ? watch(r, dayUrgency(v, now)) : null);
    const instantDue = (r: TenderRow, v: string | null) =>
      v ? watch(r, instantUrgency(v, now)) : null;
    return [
      {
        id: 'projectNo',
        header: header('projectNo'),
        kind: 'text',
        width: 150,
        cell: (r) => (
          <span className="cell-text mono" title={r.projectNo}>
            {r.projectNo}
          </span>
        ),
      },
      {
        id: 'name',
        header: header('name'),
        kind: 'text',
        width: 260,
        cell: (r) => (
          <span className="cell-text cell-name" title={r.name}>
            {r.name}
          </span>
        ),
      },
      {
        id: 'method',
        header: header('method'),
        kind: 'enum',
        width: 110,
        options: options(PROCUREMENT_METHODS),
        cell: (r) => <Text value={label(PROCUREMENT_METHODS, r.method)} />,
      },
      {
        id: 'purchaserName',
        header: header('purchaserName'),
        kind: 'text',
        width: 200,
        cell: (r) => <Text value={r.purchaserName} />,
      },
      {
        id: 'agency',
        header: header('agency'),
        kind: 'text',
        width: 180,
        defaultVisible: false,
        cell: (r) => <Text value={r.agency} />,
      },
      {
        id: 'status',
        header: header('status'),
        kind: 'enum',
        width: 220,
        options: options(TENDER_STATUSES),
        cell: (r) => <StatusTag status={r.status} phase={r.phase} />,
      },
      {
        id: 'budgetFen',
        header: header('budgetFen'),
        filterUnit: { scale: 1_000_000, label: t('money.wan') },
        kind: 'number',
        width: 130,
        align: 'right',
        cell: (r) => <MoneyCell fen={r.budgetFen} format={money.wan} />,
      },
      {
        id: 'quantity',
        header: header('quantity'),
        kind: 'number',
        width: 80,
        align: 'right',
        cell: (r) => <span className="tender-money">{formatCount(r.quantity, lang)}</span>,
      },
      {
        id: 'ownerId',
        header: header('ownerId'),
        kind: 'enum',
        width: 90,
        options: staff.map((s) => ({ value: String(s.id), label: s.name })),
        cell: (r) => <Text value={r.ownerName} />,
      },
      {
        id: 'announcedOn',
        header: header('announcedOn'),
        kind: 'date',
        width: 130,
        cell: (r) => <DayCell value={r.announcedOn} />,
      },
      {
        id: 'docSaleEndOn',
        header: header('docSaleEndOn'),
        kind: 'date',
        width: 130,
        cell: (r) => <DayCell value={r.docSaleEndOn} urgency={dayDue(r, r.docSaleEndOn)} />,
      },
      {
        id: 'bidDeadlineAt',
        header: header('bidDeadlineAt'),
        kind: 'date',
        width: 170,
        cell: (r) => (
          <InstantCell value={r.bidDeadlineAt} urgency={instantDue(r, r.bidDeadlineAt)} />
        ),
      },
      {
        id: 'openingAt',
        header: header('openingAt'),
        kind: 'date',
        width: 170,
        cell: (r) => <InstantCell value={r.openingAt} urgency={instantDue(r, r.openingAt)} />,
      },
      {
        id: 'publicityEndOn',
        header: header('publicityEndOn'),
        kind: 'date',
        width: 130,
        defaultVisible: false,
        cell: (r) => (
          <DayCell
            value={r.publicityEndOn}
            urgency={
              r.publicityEndOn && r.status === 'awarded' ? dayUrgency(r.publicityEndOn, now) : null
            }
          />
        ),
      },
      {
        id: 'awardedOn',
        header: header('awardedOn'),
        kind: 'date',
        width: 130,
        cell: (r) => <DayCell value={r.awardedOn} />,
      },
      {
        id: 'bondFen',
        header: header('bondFen'),
        filterUnit: { scale: 100, label: t('money.yuan') },
        kind: 'number',
        width: 120,
        align: 'right',
        cell: (r) => <MoneyCell fen={r.bondFen} format={money.wan} />,
      },
      {
        id: 'bondRefundDueOn',
        header: header('bondRefundDueOn'),
        kind: 'date',
        width: 140,
        cell: (r) => (
          <DayCell
            value={r.bondRefundDueOn}
            urgency={refundState({ ...r, paid: r.bondFen !== null }, now)}
          />
        ),
      },
      {
        id: 'bondRefundedOn',
        header: header('bondRefundedOn'),
        kind: 'date',
        width: 140,
        defaultVisible: false,
        cell: (r) => <DayCell value={r.bondRefundedOn} />,
      },
      {
        id: 'wonLots',
        header: header('wonLots'),
        kind: 'number',
        width: 100,
        align: 'right',
        // "won / lots" once there is an award; before it, the number of lots alone says nothing.
        cell: (r) =>
          r.status === 'awarded' ? (
            <span className={r.wonLots > 0 ? 'tender-won' : 'cell-zero'}>
              {t('tenders.wonOfLots', { won: r.wonLots, lots: r.lotCount })}
            </span>
          ) : (
            <Empty />
          ),
      },
      {
        id: 'opportunityTitle',
        header: header('opportunityTitle'),
        kind: 'text',
        width: 180,
        cell: (r) => <Text value={r.opportunityTitle} />,
      },
      {
        id: 'updatedAt',
        header: header('updatedAt'),
        kind: 'date',
        width: 160,
        defaultVisible: false,
        cell: (r) => <span className="cell-date">{formatDateTime(r.updatedAt, lang)}</span>,
      },
    ];
  }, [t, lang, label, options, money, staff, now]);
}
