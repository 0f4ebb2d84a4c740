/** The columns of the filings grid: headers from FILING_COLUMN_LABELS. */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMemo } from 'react';
import { BUYER_TYPES } from '../../../../shared/enums';
import { FILING_STATUSES } from '../../../../shared/filing-enums';
import {
  FILING_COLUMN_LABELS,
  type FilingColumn,
  type FilingRow,
} from '../../../../shared/schemas/filings';
import { useSession } from '../../app/session';
import type { GridColumnDef } from '../../components/DataGrid';
import { useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { formatCount, formatDateTime } from '../../lib/format';
import { BuyerTypeTag } from '../accounts/account-tags';
import { FilingStatusTag } from './filing-tags';

type Col = GridColumnDef<FilingRow, FilingColumn>;

function Text({ value }: { value: string | null | undefined }) {
  return value ? (
    <span className="cell-text" title={value}>
      {value}
    </span>
  ) : (
    <span className="cell-empty">—</span>
  );
}

export function useFilingColumns(): Col[] {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { staff } = useSession();

  return useMemo<Col[]>(() => {
    const header = (id: FilingColumn) => label(FILING_COLUMN_LABELS, id);
    const yesNo = [
      { value: 'yes', label: t('filings.yes') },
      { value: 'no', label: t('filings.no') },
    ];
    return [
      {
        id: 'number',
        header: header('number'),
        kind: 'text',
        width: 130,
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
        width: 105,
        options: options(FILING_STATUSES),
        cell: (r) => <FilingStatusTag value={r.status} />,
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
        id: 'contractNo',
        header: header('contractNo'),
        kind: 'text',
        width: 140,
        cell: (r) => <span className="cell-text mono">{r.contractNo}</span>,
      },
      {
        id: 'units',
        header: header('units'),
        kind: 'number',
        width: 80,
        align: 'right',
        cell: (r) => formatCount(r.units, lang),
      },
      {
        id: 'eligible',
        header: header('eligible'),
        kind: 'enum',
        width: 90,
        align: 'center',
        options: yesNo,
        cell: (r) =>
          r.eligible ? (
            <CheckOutlined className="fil-yes" aria-label={t('filings.eligible')} />
          ) : (
            <CloseOutlined className="fil-no" aria-label={t('filings.notEligible')} />
          ),
      },
      {
        id: 'failedChecks',
        header: header('failedChecks'),
        kind: 'number',
        width: 120,
        align: 'right',
        cell: (r) =>
          r.failedChecks > 0 ? (
            <span className="fil-no">{formatCount(r.failedChecks, lang)}</span>
          ) : (
            <span className="cell-zero">0</span>
          ),
      },
      {
        id: 'overridden',
        header: header('overridden'),
        kind: 'enum',
        width: 110,
        align: 'center',
        options: yesNo,
        cell: (r) =>
          r.overridden ? (
            <span className="fil-overridden">{t('filings.yes')}</span>
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
        cell: (r) => <Text value={r.owner?.name} />,
      },
      {
        id: 'createdAt',
        header: header('createdAt'),
        kind: 'date',
        width: 160,
        cell: (r) => <span className="cell-date">{formatDateTime(r.createdAt, lang)}</span>,
      },
      {
        id: 'submittedAt',
        header: header('submittedAt'),
        kind: 'date',
        width: 160,
        cell: (r) =>
          r.submittedAt ? (
            <span className="cell-date">{formatDateTime(r.submittedAt, lang)}</span>
          ) : (
            <span className="cell-empty">—</span>
          ),
      },
    ];
  }, [lang, label, options, staff, t]);
}
