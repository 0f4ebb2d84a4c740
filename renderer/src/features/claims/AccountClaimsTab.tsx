/**
 * 报备 on the account card: the claims on this account (ours and other dealers'), each opening
 * its card, and a new draft.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Table } from 'antd';
import { useEffect, useState } from 'react';
import { MAX_PAGE_SIZE } from '../../../../shared/list';
import { CLAIM_COLUMN_LABELS, type ClaimRow } from '../../../../shared/schemas/claims';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/format';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';
import { ClaimForm } from './ClaimForm';
import { AuthStateTag, ClaimSourceTag, ClaimStatusTag } from './claim-tags';
import { useClaimSettings } from './use-claim-settings';
import './claims.css';

export function AccountClaimsTab(props: {
  account: { id: number; name: string };
  revision: number;
}) {
  const { account, revision } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { navigate } = useHashRoute();
  const settings = useClaimSettings();
  const [creating, setCreating] = useState(false);
  const [data, setData] = useState<{ key: string; rows: ClaimRow[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const key = JSON.stringify([account.id, revision]);

  useEffect(() => {
    let live = true;
    void call('claims.list', {
      filters: [{ field: 'accountId', op: 'in', values: [String(account.id)] }],
      sort: [{ field: 'filedAt', desc: true }],
      limit: MAX_PAGE_SIZE,
    }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setError(null);
        setData({ key, rows: r.value.rows });
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [account.id, key]);

  const open = (id: number) => navigate(recordPath('claims', id));
  const col = (id: keyof typeof CLAIM_COLUMN_LABELS) => label(CLAIM_COLUMN_LABELS, id);

  return (
    <div data-testid="account-claims">
      <div className="tab-toolbar">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="account-claims-new"
        >
          {t('claims.new')}
        </Button>
      </div>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<ClaimRow>
        size="small"
        rowKey="id"
        loading={data?.key !== key && !error}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('claims.accountEmpty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        onRow={(row) => ({
          onClick: () => open(row.id),
          className: 'clm-conflict__row',
          'data-testid': `account-claim-${row.id}`,
        })}
        columns={[
          {
            key: 'status',
            title: col('status'),
            width: 90,
            render: (_, r) => <ClaimStatusTag value={r.status} />,
          },
          {
            key: 'party',
            title: col('claimantId'),
            render: (_, r) => (
              <span className="clm-inline">
                {r.source === 'ours' ? (r.claimant?.name ?? '—') : r.dealerName}
                <ClaimSourceTag value={r.source} />
              </span>
            ),
          },
          {
            key: 'filedAt',
            title: col('filedAt'),
            width: 170,
            render: (_, r) =>
              r.filedAt ? (
                formatDateTime(r.filedAt, lang)
              ) : (
                <span className="cell-empty">{t('claims.notFiled')}</span>
              ),
          },
          {
            key: 'expiresOn',
            title: col('expiresOn'),
            width: 130,
            render: (_, r) =>
              r.expiresOn ? formatDate(r.expiresOn, lang) : <span className="cell-empty">—</span>,
          },
          {
            key: 'auth',
            title: col('authState'),
            width: 120,
            render: (_, r) =>
              // Another dealer's record has no territory of ours to check.
              r.source === 'ours' ? (
                <AuthStateTag value={r.authState} />
              ) : (
                <span className="cell-empty">—</span>
              ),
          },
        ]}
      />
      {creating && (
        <ClaimForm
          detail={null}
          account={account}
          settings={settings}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            open(saved.id);
          }}
        />
      )}
    </div>
  );
}
