/**
 * The columns of the delivery (交车) and invoice (发票) grids on the contracts page: headers from
 * the shared column labels, dates as the user reads them, money in 元 (filtered in 万元).
 */
import { useMemo } from 'react';
import {
  DELIVERY_COLUMN_LABELS,
  type DeliveryColumn,
  type DeliveryRow,
  INVOICE_COLUMN_LABELS,
  type InvoiceColumn,
  type InvoiceRow,
} from '../../../../shared/schemas/contract-records';
import { useSession } from '../../app/session';
import type { FilterOption, GridColumnDef } from '../../components/DataGrid';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../lib/format';
import { Money, Text } from './contract-columns';

function Mono({ value }: { value: string | null }) {
  return value ? (
    <span className="cell-text mono" title={value}>
      {value}
    </span>
  ) : (
    <span className="cell-empty">—</span>
  );
}

/** The columns that name the contract a record belongs to: number, account and owner. */
function contractColumns<
  R extends { contractNo: string; accountName: string; ownerName: string | null },
>(
  header: (id: 'contractNo' | 'accountName' | 'ownerId') => string,
  owners: FilterOption[],
): GridColumnDef<R, 'contractNo' | 'accountName' | 'ownerId'>[] {
  return [
    {
      id: 'contractNo',
      header: header('contractNo'),
      kind: 'text',
      width: 150,
      cell: (r) => <Mono value={r.contractNo} />,
    },
    {
      id: 'accountName',
      header: header('accountName'),
      kind: 'text',
      width: 220,
      cell: (r) => <Text value={r.accountName} />,
    },
    {
      id: 'ownerId',
      header: header('ownerId'),
      kind: 'enum',
      width: 100,
      options: owners,
      cell: (r) => <Text value={r.ownerName} />,
    },
  ];
}

function useOwnerOptions(): FilterOption[] {
  const { staff } = useSession();
  return useMemo(() => staff.map((s) => ({ value: String(s.id), label: s.name })), [staff]);
}

export function useDeliveryColumns(): GridColumnDef<DeliveryRow, DeliveryColumn>[] {
  const { lang } = useLang();
  const label = useEnumLabel();
  const owners = useOwnerOptions();
  return useMemo(() => {
    const header = (id: DeliveryColumn) => label(DELIVERY_COLUMN_LABELS, id);
    const day = (value: string | null) =>
      value ? <span className="cell-date">{formatDate(value, lang)}</span> : <Text value={null} />;
    return [
      {
        id: 'vin',
        header: header('vin'),
        kind: 'text',
        width: 190,
        cell: (r) => <Mono value={r.vin} />,
      },
      {
        id: 'model',
        header: header('model'),
        kind: 'text',
        width: 140,
        cell: (r) => <Text value={r.model} />,
      },
      {
        id: 'deliveredOn',
        header: header('deliveredOn'),
        kind: 'date',
        width: 130,
        cell: (r) => day(r.deliveredOn),
      },
      ...contractColumns(header, owners),
      {
        id: 'unitName',
        header: header('unitName'),
        kind: 'text',
        width: 180,
        cell: (r) => <Text value={r.unitName} />,
      },
      {
        id: 'plate',
        header: header('plate'),
        kind: 'text',
        width: 110,
        cell: (r) => <Mono value={r.plate} />,
      },
      {
        id: 'registeredOn',
        header: header('registeredOn'),
        kind: 'date',
        width: 130,
        cell: (r) => day(r.registeredOn),
      },
      {
        id: 'registrationOwner',
        header: header('registrationOwner'),
        kind: 'text',
        width: 180,
        defaultVisible: false,
        cell: (r) => <Text value={r.registrationOwner} />,
      },
      {
        id: 'invoiceNo',
        header: header('invoiceNo'),
        kind: 'text',
        width: 140,
        cell: (r) => <Mono value={r.invoiceNo} />,
      },
    ];
  }, [label, lang, owners]);
}

export function useInvoiceColumns(): GridColumnDef<InvoiceRow, InvoiceColumn>[] {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const owners = useOwnerOptions();
  return useMemo(() => {
    const header = (id: InvoiceColumn) => label(INVOICE_COLUMN_LABELS, id);
    const wan = { scale: 1_000_000, label: t('money.wan') };
    return [
      {
        id: 'number',
        header: header('number'),
        kind: 'text',
        width: 150,
        cell: (r) => <Mono value={r.number} />,
      },
      {
        id: 'issuedOn',
        header: header('issuedOn'),
        kind: 'date',
        width: 130,
        cell: (r) => <span className="cell-date">{formatDate(r.issuedOn, lang)}</span>,
      },
      {
        id: 'buyerName',
        header: header('buyerName'),
        kind: 'text',
        width: 220,
        cell: (r) => <Text value={r.buyerName} />,
      },
      {
        id: 'amountFen',
        header: header('amountFen'),
        kind: 'number',
        width: 140,
        align: 'right',
        filterUnit: wan,
        cell: (r) => <Money fen={r.amountFen} />,
      },
      {
        id: 'vehicles',
        header: header('vehicles'),
        kind: 'number',
        width: 110,
        align: 'right',
        cell: (r) => <span className="mono">{formatCount(r.vehicles, lang)}</span>,
      },
      ...contractColumns(header, owners),
    ];
  }, [label, lang, owners, t]);
}
