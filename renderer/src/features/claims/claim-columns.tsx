/** The columns of the claims grid: headers from CLAIM_COLUMN_LABELS, claims ending soon marked. */
import { Tag } from 'antd';
import { useMemo } from 'react';
import { chinaDate } from '../../../../shared/dates';
import { BUYER_TYPES } from '../../../../shared/enums';
import { AUTH_STATES, CLAIM_SOURCES, CLAIM_STATUSES } from '../../../../shared/filing-enums';
import {
  CLAIM_COLUMN_LABELS,
  type ClaimColumn,
  type ClaimRow,
} from '../../../../shared/schemas/claims';
import { useSession } from '../../app/session';
import type { GridColumnDef } from '../../components/DataGrid';
import { useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { BuyerTypeTag } from '../accounts/account-tags';
import { AuthStateTag, ClaimSourceTag, ClaimStatusTag } from './claim-tags';
import { daysUntil, endingSoon } from './claim-rules';
import { territoryLabel } from './territory';

type Col = GridColumnDef<ClaimRow, ClaimColumn>;

function Text({ value, className }: { value: string | null | undefined; className?: string }) {
  return value ? (
    <span className={`cell-text${className ? ` ${className}` : ''}`} title={value}>
      {value}
    </span>
  ) : (
    <span className="cell-empty">—</span>
  );
}

export function useClaimColumns(warnDays: number): Col[] {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const { staff } = useSession();

  return useMemo<Col[]>(() => {
    const header = (id: ClaimColumn) => label(CLAIM_COLUMN_LABELS, id);
    const today = chinaDate();
    return [
      {
        id: 'accountName',
        header: header('accountName'),
        kind: 'text',
        width: 260,
        cell: (r) => <Text value={r.accountName} className="cell-name" />,
      },
      {
        id: 'status',
        header: header('status'),
        kind: 'enum',
        width: 150,
        options: options(CLAIM_STATUSES),
        cell: (r) => (
          <span className="clm-inline">
            <ClaimStatusTag value={r.status} />
            {r.overlapSince && (
              <Tag color="orange" className="cell-tag" data-testid={`claim-overlap-tag-${r.id}`}>
                {t('claims.overlapTag')}
              </Tag>
            )}
          </span>
        ),
      },
      {
        id: 'source',
        header: header('source'),
        kind: 'enum',
        width: 150,
        options: options(CLAIM_SOURCES),
        cell: (r) =>
          r.source === 'ours' ? (
            <span className="cell-empty">{label(CLAIM_SOURCES, r.source)}</span>
          ) : (
            <ClaimSourceTag value={r.source} />
          ),
      },
      {
        id: 'claimantId',
        header: header('claimantId'),
        kind: 'enum',
        width: 100,
        options: staff.map((s) => ({ value: String(s.id), label: s.name })),
        cell: (r) => <Text value={r.claimant?.name} />,
      },
      {
        id: 'dealerName',
        header: header('dealerName'),
        kind: 'text',
        width: 180,
        cell: (r) => <Text value={r.dealerName} />,
      },
      {
        id: 'filedAt',
        header: header('filedAt'),
        kind: 'date',
        width: 160,
        cell: (r) =>
          r.filedAt ? (
            <span className="cell-date">{formatDateTime(r.filedAt, lang)}</span>
          ) : (
            <span className="cell-empty">{t('claims.notFiled')}</span>
          ),
      },
      {
        id: 'expiresOn',
        header: header('expiresOn'),
        kind: 'date',
        width: 190,
        cell: (r) => {
          if (!r.expiresOn) return <span className="cell-empty">—</span>;
          const soon = endingSoon(r, today, warnDays);
          const left = daysUntil(r.expiresOn, today);
          return (
            <span
              className={soon ? 'cell-date clm-ending' : 'cell-date'}
              data-ending={soon ? 'true' : undefined}
            >
              {formatDate(r.expiresOn, lang)}
              {soon && (
                <span className="clm-ending__left">
                  {left === 0 ? t('claims.endsToday') : t('claims.daysLeft', { n: left })}
                </span>
              )}
            </span>
          );
        },
      },
      {
        id: 'territoryCode',
        header: header('territoryCode'),
        kind: 'text',
        width: 120,
        cell: (r) => <Text value={territoryLabel(r.territoryCode, r.territoryName)} />,
      },
      {
        id: 'authState',
        header: header('authState'),
        kind: 'enum',
        width: 120,
        options: options(AUTH_STATES),
        cell: (r) =>
          r.source !== 'ours' ? (
            <span className="cell-empty">—</span>
          ) : r.authState === 'not_needed' ? (
            <span className="cell-empty">{label(AUTH_STATES, r.authState)}</span>
          ) : (
            <AuthStateTag value={r.authState} />
          ),
      },
      {
        id: 'evidenceCount',
        header: header('evidenceCount'),
        kind: 'number',
        width: 90,
        align: 'right',
        cell: (r) => formatCount(r.evidenceCount, lang),
      },
      {
        id: 'buyerType',
        header: header('buyerType'),
        kind: 'enum',
        width: 120,
        options: options(BUYER_TYPES),
        defaultVisible: false,
        cell: (r) => <BuyerTypeTag value={r.buyerType} />,
      },
      {
        id: 'uscc',
        header: header('uscc'),
        kind: 'text',
        width: 180,
        defaultVisible: false,
        cell: (r) => <Text value={r.uscc} className="mono" />,
      },
      {
        id: 'oemReference',
        header: header('oemReference'),
        kind: 'text',
        width: 130,
        cell: (r) => <Text value={r.oemReference} className="mono" />,
      },
      {
        id: 'overlapSince',
        header: header('overlapSince'),
        kind: 'date',
        width: 160,
        defaultVisible: false,
        cell: (r) =>
          r.overlapSince ? (
            <span className="cell-date">{formatDateTime(r.overlapSince, lang)}</span>
          ) : (
            <span className="cell-empty">—</span>
          ),
      },
      {
        id: 'renewals',
        header: header('renewals'),
        kind: 'number',
        width: 90,
        align: 'right',
        defaultVisible: false,
        cell: (r) => formatCount(r.renewals, lang),
      },
    ];
  }, [label, lang, options, staff, t, warnDays]);
}
