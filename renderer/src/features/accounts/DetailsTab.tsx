/** 详情: every field of the account, read-only. */
import { Descriptions, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { ALIAS_KINDS, INDUSTRIES, SOURCES, VALUE_TYPES } from '../../../../shared/enums';
import { regionLabel } from '../../../../shared/regions';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDateTime } from '../../lib/format';
import { accountPath } from '../../lib/use-hash-route';
import { BuyerTypeTag, GradeTag, LifecycleBadge } from './account-tags';
import { AccountTeamValue } from './AccountTeamValue';
import { OrgNatureValue } from './OrgNatureValue';

const empty = <span className="cell-empty">—</span>;
const orEmpty = (v: ReactNode) => (v === null || v === undefined || v === '' ? empty : v);

export function DetailsTab({
  detail,
  onOpenAccount,
  onChanged,
}: {
  detail: AccountDetail;
  onOpenAccount: (id: number) => void;
  onChanged: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const d = detail;

  return (
    <Descriptions
      bordered
      size="small"
      column={2}
      className="details"
      data-testid="account-details"
      items={[
        { key: 'name', label: t('account.name'), children: d.name, span: 2 },
        {
          key: 'uscc',
          label: t('account.uscc'),
          children: orEmpty(d.uscc && <span className="mono">{d.uscc}</span>),
        },
        {
          key: 'aliases',
          label: t('account.aliases'),
          children: orEmpty(
            d.aliases.length > 0 && (
              <Space size={[4, 4]} wrap>
                {d.aliases.map((a) => (
                  <Tag key={`${a.kind}:${a.alias}`} variant="outlined">
                    {a.alias}
                    <span className="alias-kind">{label(ALIAS_KINDS, a.kind)}</span>
                  </Tag>
                ))}
              </Space>
            ),
          ),
        },
        {
          key: 'buyerType',
          label: t('account.buyerType'),
          children: <BuyerTypeTag value={d.buyerType} />,
        },
        {
          key: 'industry',
          label: t('account.industry'),
          children: orEmpty(label(INDUSTRIES, d.industry)),
        },
        {
          key: 'orgNature',
          label: t('account.orgNature'),
          children: <OrgNatureValue detail={d} onChanged={onChanged} />,
        },
        { key: 'region', label: t('account.region'), children: orEmpty(regionLabel(d)) },
        { key: 'address', label: t('account.address'), children: orEmpty(d.address) },
        {
          key: 'parent',
          label: t('account.parent'),
          children: orEmpty(
            d.parent && (
              <a
                href={`#${accountPath(d.parent.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  if (d.parent) onOpenAccount(d.parent.id);
                }}
                data-testid="account-parent-link"
              >
                {d.parent.name}
              </a>
            ),
          ),
        },
        { key: 'owner', label: t('account.mainOwner'), children: orEmpty(d.owner?.name) },
        {
          key: 'coOwners',
          label: t('account.coOwners'),
          children: <AccountTeamValue detail={d} onChanged={onChanged} />,
        },
        { key: 'grade', label: t('account.grade'), children: <GradeTag value={d.grade} /> },
        {
          key: 'valueType',
          label: t('account.valueType'),
          children: orEmpty(label(VALUE_TYPES, d.valueType)),
        },
        {
          key: 'lifecycle',
          label: t('account.lifecycle'),
          children: <LifecycleBadge value={d.lifecycle} />,
        },
        { key: 'source', label: t('account.source'), children: orEmpty(label(SOURCES, d.source)) },
        {
          key: 'fleetTotal',
          label: t('account.fleetTotal'),
          children: formatCount(d.fleetTotal, lang),
        },
        {
          key: 'subordinateCount',
          label: t('account.subordinateCount'),
          children: formatCount(d.subordinateCount, lang),
        },
        {
          key: 'createdAt',
          label: t('account.createdAt'),
          children: formatDateTime(d.createdAt, lang),
        },
        {
          key: 'updatedAt',
          label: t('account.updatedAt'),
          children: formatDateTime(d.updatedAt, lang),
        },
        {
          key: 'notes',
          label: t('account.notes'),
          span: 2,
          children: orEmpty(d.notes && <div className="pre-wrap">{d.notes}</div>),
        },
      ]}
    />
  );
}
