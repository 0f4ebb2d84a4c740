/** 商机 on the account card: the account's opportunities, each opening its card, and a new one. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Table } from 'antd';
import { useEffect, useState } from 'react';
import { MAX_PAGE_SIZE } from '../../../../shared/list';
import type { OpportunityRow } from '../../../../shared/schemas/opportunities';
import { OPPORTUNITY_COLUMN_LABELS } from '../../../../shared/schemas/opportunities';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert, ErrorBody } from '../../components/ErrorAlert';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';
import { Wan } from './Money';
import { OpportunityForm } from './OpportunityForm';
import { isOverdue } from './overdue';
import { StageTag } from './StageTag';
import './opportunities.css';

const PAGE_SIZE = 20;

export function AccountOpportunitiesTab({
  accountId,
  revision,
}: {
  accountId: number;
  revision: number;
}) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { modal } = App.useApp();
  const { navigate } = useHashRoute();
  const [saved, setSaved] = useState(0);
  const [data, setData] = useState<{ key: string; rows: OpportunityRow[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [form, setForm] = useState<{ id: number; name: string } | null>(null);
  const key = JSON.stringify([accountId, revision, saved]);

  useEffect(() => {
    let live = true;
    void call('opportunities.list', {
      filters: [{ field: 'accountId', op: 'in', values: [String(accountId)] }],
      // Open ones in the order of the sales process, the closed ones after them.
      sort: [
        { field: 'stage', desc: false },
        { field: 'expectedCloseOn', desc: false },
      ],
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
  }, [accountId, key]);

  // The form shows the account by name: the card's account is read once when it opens.
  const startNew = async () => {
    const r = await call('accounts.get', { id: accountId });
    if (r.ok) setForm({ id: r.value.id, name: r.value.name });
    else modal.error({ title: t('opp.loadFailed'), content: <ErrorBody error={r.error} /> });
  };

  const open = (id: number) => navigate(recordPath('opportunities', id));
  const col = (id: keyof typeof OPPORTUNITY_COLUMN_LABELS) => label(OPPORTUNITY_COLUMN_LABELS, id);

  return (
    <div data-testid="account-opportunities">
      <div className="tab-toolbar">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => void startNew()}
          data-testid="account-opp-new"
        >
          {t('opp.new')}
        </Button>
      </div>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<OpportunityRow>
        size="small"
        rowKey="id"
        loading={data?.key !== key && !error}
        dataSource={data?.rows ?? []}
        locale={{ emptyText: t('opp.accountEmpty') }}
        pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true, size: 'small' }}
        onRow={(row) => ({
          onClick: () => open(row.id),
          className: 'opp-clickable-row',
          'data-testid': `account-opp-${row.id}`,
        })}
        columns={[
          {
            key: 'title',
            title: col('title'),
            render: (_, r) => (
              <a
                href={`#${recordPath('opportunities', r.id)}`}
                onClick={(e) => e.stopPropagation()}
                data-testid={`account-opp-link-${r.id}`}
              >
                {r.title}
              </a>
            ),
          },
          {
            key: 'stage',
            title: col('stage'),
            width: 110,
            render: (_, r) => <StageTag stage={r.stage} probability={r.probability} />,
          },
          {
            key: 'amount',
            title: col('amountFen'),
            align: 'right',
            width: 130,
            render: (_, r) => <Wan fen={r.amountFen} />,
          },
          {
            key: 'close',
            title: col('expectedCloseOn'),
            width: 140,
            render: (_, r) =>
              r.expectedCloseOn ? (
                <span className={isOverdue(r) ? 'opp-overdue' : undefined}>
                  {formatDate(r.expectedCloseOn, lang)}
                </span>
              ) : (
                <span className="cell-empty">—</span>
              ),
          },
          {
            key: 'owner',
            title: col('ownerId'),
            width: 100,
            render: (_, r) => r.ownerName ?? <span className="cell-empty">—</span>,
          },
        ]}
      />
      {form && (
        <OpportunityForm
          detail={null}
          account={form}
          onClose={() => setForm(null)}
          onSaved={() => {
            setForm(null);
            setSaved((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
