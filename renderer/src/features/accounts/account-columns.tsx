/** The columns of account grids (the main list and a head office's subordinate units). */
import { type ReactNode, useMemo } from 'react';
import {
  BUYER_TYPES,
  GRADES,
  INDUSTRIES,
  ORG_NATURES,
  ORG_NATURE_STATES,
  LIFECYCLES,
  SOURCES,
  VALUE_TYPES,
} from '../../../../shared/enums';
import { PROVINCES, regionName } from '../../../../shared/regions';
import {
  ACCOUNT_COLUMN_LABELS,
  type AccountColumn,
  type AccountRow,
} from '../../../../shared/schemas/accounts';
import { formatFenAsWan } from '../../../../shared/values/money';
import type { Lang } from '../../i18n/lang';
import { useSession } from '../../app/session';
import type { GridColumnDef } from '../../components/DataGrid';
import { useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { BuyerTypeTag, GradeTag, LifecycleBadge } from './account-tags';

type Col = GridColumnDef<AccountRow, AccountColumn>;

function Text({ value }: { value: string | null | undefined }) {
  return value ? (
    <span className="cell-text" title={value}>
      {value}
    </span>
  ) : (
    <span className="cell-empty">—</span>
  );
}

function provinceCity(row: AccountRow): string {
  return [row.provinceCode, row.cityCode]
    .map((c) => regionName(c))
    .filter((n) => n && n !== '市辖区' && n !== '县')
    .join(' / ');
}

/** The account's facts (electron/value/facts.ts): optional columns, hidden until chosen. */
function factColumns(lang: Lang): Col[] {
  const header = (id: AccountColumn) => ACCOUNT_COLUMN_LABELS[id][lang === 'en' ? 'en' : 'zh'];
  const empty = <span className="cell-empty">—</span>;
  const number = (id: AccountColumn, width: number, cell: (r: AccountRow) => ReactNode): Col => ({
    id,
    header: header(id),
    kind: 'number',
    width,
    align: 'right',
    defaultVisible: false,
    cell,
  });
  const wan = (fen: number | null) => (fen === null ? empty : formatFenAsWan(fen));
  const date = (id: AccountColumn, value: (r: AccountRow) => string | null): Col => ({
    id,
    header: header(id),
    kind: 'date',
    width: 130,
    defaultVisible: false,
    cell: (r) => <span className="cell-date">{formatDate(value(r), lang)}</span>,
  });
  return [
    number('revenueWan', 130, (r) => wan(r.revenueFen)),
    number('units', 100, (r) => (r.units === null ? empty : formatCount(r.units, lang))),
    number('purchases', 100, (r) =>
      r.purchases === null ? empty : formatCount(r.purchases, lang),
    ),
    date('lastPurchaseOn', (r) => r.lastPurchaseOn),
    date('lastContactOn', (r) => r.lastContactOn),
    number('pipelineWan', 130, (r) => wan(r.openPipelineFen)),
    number('marginFloorWan', 140, (r) => wan(r.marginFloorFen)),
    number('fleetSharePct', 130, (r) =>
      r.fleetShare === null ? empty : `${Math.round(r.fleetShare * 1000) / 10} %`,
    ),
  ];
}

export function useAccountColumns(): Col[] {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { staff } = useSession();

  return useMemo<Col[]>(() => {
    const count = (n: number) => (
      <span className={n === 0 ? 'cell-zero' : undefined}>{formatCount(n, lang)}</span>
    );
    return [
      {
        id: 'name',
        header: t('account.name'),
        kind: 'text',
        width: 260,
        cell: (r) => (
          <span className="cell-text cell-name" title={r.name}>
            {r.name}
          </span>
        ),
      },
      {
        id: 'uscc',
        header: t('account.uscc'),
        kind: 'text',
        width: 180,
        cell: (r) =>
          r.uscc ? <span className="mono">{r.uscc}</span> : <span className="cell-empty">—</span>,
      },
      {
        id: 'buyerType',
        header: t('account.buyerType'),
        kind: 'enum',
        width: 130,
        options: options(BUYER_TYPES),
        cell: (r) => <BuyerTypeTag value={r.buyerType} />,
      },
      {
        id: 'industry',
        header: t('account.industry'),
        kind: 'enum',
        width: 120,
        options: options(INDUSTRIES),
        cell: (r) => <Text value={label(INDUSTRIES, r.industry)} />,
      },
      {
        id: 'orgNature',
        header: t('account.orgNature'),
        kind: 'enum',
        width: 120,
        options: options(ORG_NATURES),
        cell: (r) => (
          <Text
            value={
              r.orgNature
                ? r.orgNatureState === 'confirmed'
                  ? label(ORG_NATURES, r.orgNature)
                  : t('orgNature.suggestedValue', { nature: label(ORG_NATURES, r.orgNature) })
                : null
            }
          />
        ),
      },
      {
        id: 'orgNatureState',
        header: t('account.orgNatureState'),
        kind: 'enum',
        width: 110,
        options: options(ORG_NATURE_STATES),
        cell: (r) => <Text value={label(ORG_NATURE_STATES, r.orgNatureState)} />,
      },
      {
        id: 'provinceCode',
        header: t('account.region'),
        kind: 'enum',
        width: 150,
        options: PROVINCES.map((p) => ({ value: p.code, label: p.name })),
        cell: (r) => <Text value={provinceCity(r)} />,
      },
      {
        id: 'grade',
        header: t('account.grade'),
        kind: 'enum',
        width: 110,
        options: options(GRADES),
        cell: (r) => <GradeTag value={r.grade} />,
      },
      {
        id: 'valueType',
        header: t('account.valueType'),
        kind: 'enum',
        width: 120,
        options: options(VALUE_TYPES),
        cell: (r) => <Text value={label(VALUE_TYPES, r.valueType)} />,
      },
      {
        id: 'lifecycle',
        header: t('account.lifecycle'),
        kind: 'enum',
        width: 90,
        options: options(LIFECYCLES),
        cell: (r) => <LifecycleBadge value={r.lifecycle} />,
      },
      {
        id: 'source',
        header: t('account.source'),
        kind: 'enum',
        width: 120,
        options: options(SOURCES),
        cell: (r) => <Text value={label(SOURCES, r.source)} />,
      },
      {
        id: 'ownerId',
        header: t('account.owner'),
        kind: 'enum',
        width: 100,
        options: staff.map((s) => ({ value: String(s.id), label: s.name })),
        cell: (r) => <Text value={r.ownerName} />,
      },
      {
        id: 'parentName',
        header: t('account.parent'),
        kind: 'text',
        width: 200,
        cell: (r) => <Text value={r.parentName} />,
      },
      {
        id: 'fleetTotal',
        header: t('account.fleetTotal'),
        kind: 'number',
        width: 110,
        align: 'right',
        cell: (r) => count(r.fleetTotal),
      },
      {
        id: 'contactCount',
        header: t('account.contactCount'),
        kind: 'number',
        width: 96,
        align: 'right',
        cell: (r) => count(r.contactCount),
      },
      {
        id: 'subordinateCount',
        header: t('account.subordinateCount'),
        kind: 'number',
        width: 104,
        align: 'right',
        cell: (r) => count(r.subordinateCount),
      },
      {
        id: 'address',
        header: t('account.address'),
        kind: 'text',
        width: 240,
        defaultVisible: false,
        cell: (r) => <Text value={r.address} />,
      },
      {
        id: 'createdAt',
        header: t('account.createdAt'),
        kind: 'date',
        width: 160,
        cell: (r) => <span className="cell-date">{formatDateTime(r.createdAt, lang)}</span>,
      },
      {
        id: 'updatedAt',
        header: t('account.updatedAt'),
        kind: 'date',
        width: 160,
        cell: (r) => <span className="cell-date">{formatDateTime(r.updatedAt, lang)}</span>,
      },
      ...factColumns(lang),
    ];
  }, [t, lang, label, options, staff]);
}
