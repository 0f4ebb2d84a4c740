/** The columns of the payments grid: headers from PAYMENT_COLUMN_LABELS, money in 元. */
import { Tag } from 'antd';
import { useMemo } from 'react';
import {
  PAYMENT_COLUMN_LABELS,
  PAYMENT_METHODS,
  type PaymentColumn,
  type PaymentRow,
} from '../../../../shared/schemas/payments';
import { useSession } from '../../app/session';
import type { GridColumnDef } from '../../components/DataGrid';
import { useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/format';
import { Money } from './ReceivableFigures';

type Col = GridColumnDef<PaymentRow, PaymentColumn>;

function Text({ value, mono }: { value: string | null; mono?: boolean }) {
  return value ? (
    <span className={mono ? 'cell-text mono' : 'cell-text'} title={value}>
      {value}
    </span>
  ) : (
    <span className="cell-empty">—</span>
  );
}

export function usePaymentColumns(): Col[] {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { staff } = useSession();
  return useMemo<Col[]>(() => {
    const header = (id: PaymentColumn) => label(PAYMENT_COLUMN_LABELS, id);
    const wan = { scale: 1_000_000, label: t('money.wan') };
    return [
      {
        id: 'receivedOn',
        header: header('receivedOn'),
        kind: 'date',
        width: 120,
        cell: (r) => <span className="cell-date">{formatDate(r.receivedOn, lang)}</span>,
      },
      {
        id: 'contractNo',
        header: header('contractNo'),
        kind: 'text',
        width: 150,
        cell: (r) => <Text value={r.contractNo} mono />,
      },
      {
        id: 'accountName',
        header: header('accountName'),
        kind: 'text',
        width: 240,
        cell: (r) => <Text value={r.accountName} />,
      },
      {
        id: 'amountFen',
        header: header('amountFen'),
        kind: 'number',
        filterUnit: wan,
        width: 150,
        align: 'right',
        cell: (r) => <Money fen={r.amountFen} />,
      },
      {
        id: 'method',
        header: header('method'),
        kind: 'enum',
        width: 110,
        options: options(PAYMENT_METHODS),
        cell: (r) => label(PAYMENT_METHODS, r.method),
      },
      {
        id: 'invoiceNo',
        header: header('invoiceNo'),
        kind: 'text',
        width: 120,
        cell: (r) => <Text value={r.invoiceNo} mono />,
      },
      {
        id: 'reference',
        header: header('reference'),
        kind: 'text',
        width: 160,
        cell: (r) => <Text value={r.reference} mono />,
      },
      {
        id: 'payer',
        header: header('payer'),
        kind: 'text',
        width: 200,
        cell: (r) => <Text value={r.payer} />,
      },
      {
        id: 'overpayment',
        header: header('overpayment'),
        kind: 'enum',
        width: 100,
        options: [
          { value: 'yes', label: t('payments.overpaymentTag') },
          { value: 'no', label: t('payments.regular') },
        ],
        cell: (r) =>
          r.overpayment ? (
            <Tag color="orange">{t('payments.overpaymentTag')}</Tag>
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
        defaultVisible: false,
        cell: (r) => <span className="cell-date">{formatDateTime(r.updatedAt, lang)}</span>,
      },
    ];
  }, [lang, label, options, staff, t]);
}
