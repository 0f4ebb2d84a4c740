/** The columns of the opportunities grid: every whitelisted column, headed in the UI language. */
import { useMemo } from 'react';
import { BUYER_TYPES, SOURCES } from '../../../../shared/enums';
import { LOST_REASONS, STAGES } from '../../../../shared/sales-enums';
import {
  OPPORTUNITY_COLUMN_LABELS,
  type OpportunityColumn,
  type OpportunityRow,
} from '../../../../shared/schemas/opportunities';
import { useSession } from '../../app/session';
import type { GridColumnDef } from '../../components/DataGrid';
import { useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { BuyerTypeTag } from '../accounts/account-tags';
import { Wan } from './Money';
import { isOverdue } from './overdue';
import { StageTag } from './StageTag';
import { useCompetitorBrands } from './use-competitor-brands';

type Col = GridColumnDef<OpportunityRow, OpportunityColumn>;

function Text({ value }: { value: string | null | undefined }) {
  return value ? (
    <span className="cell-text" title={value}>
      {value}
    </span>
  ) : (
    <span className="cell-empty">—</span>
  );
}

export function useOpportunityColumns(): Col[] {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { staff } = useSession();
  const brands = useCompetitorBrands();

  return useMemo<Col[]>(() => {
    const header = (id: OpportunityColumn) => label(OPPORTUNITY_COLUMN_LABELS, id);
    const date = (iso: string) => <span className="cell-date">{formatDateTime(iso, lang)}</span>;
    return [
      {
        id: 'title',
        header: header('title'),
        kind: 'text',
        width: 240,
        cell: (r) => (
          <span className="cell-text cell-name" title={r.title}>
            {r.title}
          </span>
        ),
      },
      {
        id: 'accountName',
        header: header('accountName'),
        kind: 'text',
        width: 220,
        cell: (r) => <Text value={r.accountName} />,
      },
      {
        id: 'buyerType',
        header: header('buyerType'),
        kind: 'enum',
        width: 130,
        options: options(BUYER_TYPES),
        cell: (r) => <BuyerTypeTag value={r.buyerType} />,
      },
      {
        id: 'stage',
        header: header('stage'),
        kind: 'enum',
        width: 110,
        options: options(STAGES),
        cell: (r) => <StageTag stage={r.stage} probability={r.probability} />,
      },
      {
        id: 'probability',
        header: header('probability'),
        kind: 'number',
        width: 72,
        align: 'right',
        defaultVisible: false,
        cell: (r) => <span className="cell-date">{r.probability}%</span>,
      },
      {
        id: 'amountFen',
        header: header('amountFen'),
        filterUnit: { scale: 1_000_000, label: t('money.wan') },
        kind: 'number',
        width: 120,
        align: 'right',
        cell: (r) => <Wan fen={r.amountFen} className={r.amountFen === 0 ? 'cell-zero' : ''} />,
      },
      {
        id: 'weightedFen',
        header: header('weightedFen'),
        filterUnit: { scale: 1_000_000, label: t('money.wan') },
        kind: 'number',
        width: 120,
        align: 'right',
        cell: (r) => <Wan fen={r.weightedFen} className={r.weightedFen === 0 ? 'cell-zero' : ''} />,
      },
      {
        id: 'budgetFen',
        header: header('budgetFen'),
        filterUnit: { scale: 1_000_000, label: t('money.wan') },
        kind: 'number',
        width: 120,
        align: 'right',
        cell: (r) => <Wan fen={r.budgetFen} />,
      },
      {
        id: 'quantity',
        header: header('quantity'),
        kind: 'number',
        width: 72,
        align: 'right',
        cell: (r) => (
          <span className={r.quantity === 0 ? 'cell-zero' : undefined}>
            {formatCount(r.quantity, lang)}
          </span>
        ),
      },
      {
        id: 'expectedCloseOn',
        header: header('expectedCloseOn'),
        kind: 'date',
        width: 130,
        cell: (r) =>
          r.expectedCloseOn ? (
            <span
              className={isOverdue(r) ? 'cell-date opp-overdue' : 'cell-date'}
              title={isOverdue(r) ? t('opp.overdue') : undefined}
            >
              {formatDate(r.expectedCloseOn, lang)}
            </span>
          ) : (
            <span className="cell-empty">—</span>
          ),
      },
      {
        id: 'ownerId',
        header: header('ownerId'),
        kind: 'enum',
        width: 96,
        options: staff.map((s) => ({ value: String(s.id), label: s.name })),
        cell: (r) => <Text value={r.ownerName} />,
      },
      {
        id: 'source',
        header: header('source'),
        kind: 'enum',
        width: 120,
        options: options(SOURCES),
        cell: (r) => <Text value={label(SOURCES, r.source)} />,
      },
      {
        id: 'accountId',
        header: header('accountId'),
        kind: 'enum',
        width: 90,
        align: 'right',
        defaultVisible: false,
        cell: (r) => <span className="mono">{r.accountId}</span>,
      },
      {
        id: 'tenderNo',
        header: header('tenderNo'),
        kind: 'text',
        width: 150,
        cell: (r) =>
          r.tenderNo ? (
            <span className="mono cell-text" title={r.tenderNo}>
              {r.tenderNo}
            </span>
          ) : (
            <span className="cell-empty">—</span>
          ),
      },
      {
        id: 'lostReason',
        header: header('lostReason'),
        kind: 'enum',
        width: 120,
        options: options(LOST_REASONS),
        cell: (r) => <Text value={label(LOST_REASONS, r.lostReason)} />,
      },
      {
        id: 'winnerName',
        header: header('winnerName'),
        kind: 'text',
        width: 150,
        cell: (r) => <Text value={r.winnerName} />,
      },
      {
        id: 'competitorBrands',
        header: header('competitorBrands'),
        kind: 'enum',
        width: 150,
        options: brands.map((b) => ({ value: b, label: b })),
        cell: (r) => <Text value={r.competitorBrands.join(t('grid.chipSeparator'))} />,
      },
      {
        id: 'stageChangedAt',
        header: header('stageChangedAt'),
        kind: 'date',
        width: 160,
        defaultVisible: false,
        cell: (r) => date(r.stageChangedAt),
      },
      {
        id: 'createdAt',
        header: header('createdAt'),
        kind: 'date',
        width: 160,
        defaultVisible: false,
        cell: (r) => date(r.createdAt),
      },
      {
        id: 'updatedAt',
        header: header('updatedAt'),
        kind: 'date',
        width: 160,
        cell: (r) => date(r.updatedAt),
      },
    ];
  }, [t, lang, label, options, staff, brands]);
}
