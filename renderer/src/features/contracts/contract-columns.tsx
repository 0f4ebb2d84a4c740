/** The columns of the contract grid: headers from CONTRACT_COLUMN_LABELS, money in 元. */
import { useMemo } from 'react';
import { BUYER_TYPES } from '../../../../shared/enums';
import { chinaDate } from '../../../../shared/dates';
import { CONTRACT_KINDS, CONTRACT_STATUSES } from '../../../../shared/sales-enums';
import {
  CONTRACT_COLUMN_LABELS,
  type ContractColumn,
  type ContractRow,
} from '../../../../shared/schemas/contracts';
import { formatFen, formatFenAsWan } from '../../../../shared/values/money';
import { useSession } from '../../app/session';
import type { GridColumnDef } from '../../components/DataGrid';
import { useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { BuyerTypeTag } from '../accounts/account-tags';
import { BelowFloorTag, ContractKindTag, ContractStatusTag } from './contract-tags';
import { deliveryOverdue } from './contract-rules';

type Col = GridColumnDef<ContractRow, ContractColumn>;

export function Text({ value }: { value: string | null | undefined }) {
  return value ? (
    <span className="cell-text" title={value}>
      {value}
    </span>
  ) : (
    <span className="cell-empty">—</span>
  );
}

/** Exact yuan in the cell; 万元, the unit budgets are discussed in, on hover. */
export function Money({ fen }: { fen: number }) {
  return (
    <span className={fen === 0 ? 'cell-zero mono' : 'mono'} title={formatFenAsWan(fen)}>
      {formatFen(fen)}
    </span>
  );
}

export function useContractColumns(): Col[] {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { staff } = useSession();

  return useMemo<Col[]>(() => {
    const header = (id: ContractColumn) => label(CONTRACT_COLUMN_LABELS, id);
    const today = chinaDate();
    const wan = { scale: 1_000_000, label: t('money.wan') };
    return [
      {
        id: 'number',
        header: header('number'),
        kind: 'text',
        width: 150,
        cell: (r) => (
          <span className="cell-text cell-name mono" title={r.number}>
            {r.number}
          </span>
        ),
      },
      {
        id: 'status',
        header: header('status'),
        kind: 'enum',
        width: 100,
        options: options(CONTRACT_STATUSES),
        cell: (r) => <ContractStatusTag value={r.status} />,
      },
      {
        id: 'kind',
        header: header('kind'),
        kind: 'enum',
        width: 120,
        options: options(CONTRACT_KINDS),
        cell: (r) => <ContractKindTag value={r.kind} />,
      },
      {
        id: 'accountName',
        header: header('accountName'),
        kind: 'text',
        width: 240,
        cell: (r) => <Text value={r.accountName} />,
      },
      {
        id: 'buyerType',
        header: header('buyerType'),
        kind: 'enum',
        width: 120,
        options: options(BUYER_TYPES),
        cell: (r) => <BuyerTypeTag value={r.buyerType} />,
      },
      {
        id: 'partyName',
        header: header('partyName'),
        kind: 'text',
        width: 220,
        defaultVisible: false,
        cell: (r) => <Text value={r.partyName} />,
      },
      {
        id: 'signedOn',
        header: header('signedOn'),
        kind: 'date',
        width: 120,
        cell: (r) => <span className="cell-date">{formatDate(r.signedOn, lang)}</span>,
      },
      {
        id: 'deliveryDueOn',
        header: header('deliveryDueOn'),
        kind: 'date',
        width: 120,
        cell: (r) => (
          <span className={deliveryOverdue(r, today) ? 'cell-date con-overdue' : 'cell-date'}>
            {formatDate(r.deliveryDueOn, lang)}
          </span>
        ),
      },
      {
        id: 'quantity',
        header: header('quantity'),
        kind: 'number',
        width: 80,
        align: 'right',
        cell: (r) => formatCount(r.quantity, lang),
      },
      {
        id: 'totalFen',
        header: header('totalFen'),
        filterUnit: wan,
        kind: 'number',
        width: 150,
        align: 'right',
        cell: (r) => <Money fen={r.totalFen} />,
      },
      {
        id: 'delivered',
        header: header('delivered'),
        kind: 'number',
        width: 96,
        align: 'right',
        cell: (r) => (
          <span
            className={
              r.quantity > 0 && r.delivered >= r.quantity ? 'con-complete' : 'con-progress'
            }
          >
            {formatCount(r.delivered, lang)} / {formatCount(r.quantity, lang)}
          </span>
        ),
      },
      {
        id: 'invoicedFen',
        header: header('invoicedFen'),
        filterUnit: wan,
        kind: 'number',
        width: 150,
        align: 'right',
        cell: (r) => <Money fen={r.invoicedFen} />,
      },
      {
        id: 'belowFloor',
        header: header('belowFloor'),
        kind: 'number',
        width: 110,
        cell: (r) =>
          r.belowFloor > 0 ? (
            <span>
              <BelowFloorTag /> {formatCount(r.belowFloor, lang)}
            </span>
          ) : (
            <span className="cell-empty">—</span>
          ),
      },
      {
        id: 'ownerId',
        header: header('ownerId'),
        kind: 'enum',
        width: 100,
        options: staff.map((s) => ({ value: String(s.id), label: s.name })),
        cell: (r) => <Text value={r.ownerName} />,
      },
      {
        id: 'updatedAt',
        header: header('updatedAt'),
        kind: 'date',
        width: 160,
        cell: (r) => <span className="cell-date">{formatDateTime(r.updatedAt, lang)}</span>,
      },
    ];
  }, [lang, label, options, staff, t]);
}
