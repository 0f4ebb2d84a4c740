/** 客户活动 on the account card: this account's activities, newest first, paged; log one more. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ACTIVITY_COLUMN_LABELS, type ActivityRow } from '../../../../shared/schemas/activities';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { ActivityForm } from './ActivityForm';
import { ActivityRowActions } from './ActivityRowActions';
import { ActivityTypeTag, NextStep, OutcomeTag } from './activity-tags';
import { ACTIVITY_DEFAULT_SORT } from './fetch-activities';
import { useActivityActions } from './use-activity-actions';
import './activities.css';

const PAGE_SIZE = 20;

interface Loaded {
  key: string;
  rows: ActivityRow[];
  total: number;
  error: ApiError | null;
}

type Editing = { row: ActivityRow } | { account: { id: number; name: string } } | null;

export function AccountActivitiesTab({
  accountId,
  revision,
}: {
  accountId: number;
  revision: number;
}) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [changes, setChanges] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [opening, setOpening] = useState(false);
  const reload = useCallback(() => setChanges((c) => c + 1), []);
  const { toggleNextStep, remove } = useActivityActions(reload);
  const key = JSON.stringify([accountId, page, revision, changes]);

  useEffect(() => {
    let live = true;
    void call('activities.list', {
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
      filters: [{ field: 'accountId', op: 'in', values: [String(accountId)] }],
      sort: ACTIVITY_DEFAULT_SORT,
    }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setLoaded({ key, rows: r.value.rows, total: r.value.total, error: null });
      } else
        setLoaded((prev) => ({
          key,
          rows: prev?.rows ?? [],
          total: prev?.total ?? 0,
          error: r.error,
        }));
    });
    return () => {
      live = false;
    };
  }, [key, accountId, page]);

  // The form shows the account by name: from a row, or asked for when there is none yet.
  const logNew = async () => {
    const known = loaded?.rows[0];
    if (known) return setEditing({ account: { id: accountId, name: known.accountName } });
    setOpening(true);
    const r = await call('accounts.get', { id: accountId });
    setOpening(false);
    if (r.ok) setEditing({ account: { id: accountId, name: r.value.name } });
    else void message.error(t('activities.loadFailed'));
  };

  const rows = loaded?.rows ?? [];
  const error = loaded?.key === key ? loaded.error : null;

  return (
    <div className="act-tab" data-testid="account-activities">
      <div className="tab-toolbar">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          loading={opening}
          onClick={() => void logNew()}
          data-testid="activity-new"
        >
          {t('activities.new')}
        </Button>
        {loaded && (
          <span className="tab-toolbar__note">
            {t('grid.total', { total: formatCount(loaded.total, lang) })}
          </span>
        )}
      </div>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<ActivityRow>
        size="small"
        rowKey="id"
        loading={loaded?.key !== key}
        dataSource={rows}
        locale={{ emptyText: t('activities.tabEmpty') }}
        scroll={{ x: 1100 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: loaded?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        onRow={(row) => ({
          onClick: () => setEditing({ row }),
          ...testId(`activity-row-${row.id}`),
        })}
        columns={[
          {
            key: 'occurredOn',
            title: t('activity.occurredOn'),
            width: 110,
            render: (_, r) => <span className="cell-date">{formatDate(r.occurredOn, lang)}</span>,
          },
          {
            key: 'type',
            title: t('activity.type'),
            width: 110,
            render: (_, r) => <ActivityTypeTag type={r.type} />,
          },
          {
            key: 'staff',
            title: label(ACTIVITY_COLUMN_LABELS, 'staffId'),
            width: 80,
            render: (_, r) => r.staffName ?? '—',
          },
          {
            key: 'contact',
            title: t('activity.contact'),
            width: 90,
            render: (_, r) => r.contactName ?? <span className="cell-empty">—</span>,
          },
          {
            key: 'opportunity',
            title: t('activity.opportunity'),
            width: 170,
            ellipsis: true,
            render: (_, r) => r.opportunityTitle ?? <span className="cell-empty">—</span>,
          },
          {
            key: 'outcome',
            title: t('activity.outcome'),
            width: 90,
            render: (_, r) => <OutcomeTag outcome={r.outcome} />,
          },
          {
            key: 'summary',
            title: t('activity.summary'),
            render: (_, r) =>
              r.summary ? (
                <span className="act-summary" title={r.summary}>
                  {r.summary}
                </span>
              ) : (
                <span className="cell-empty">—</span>
              ),
          },
          {
            key: 'nextStep',
            title: t('activity.nextStep'),
            width: 220,
            render: (_, r) => <NextStep row={r} />,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 100,
            fixed: 'right',
            render: (_, r) => (
              <ActivityRowActions
                row={r}
                onEdit={(row) => setEditing({ row })}
                onToggleNextStep={(row) => void toggleNextStep(row)}
                onDelete={(row) => void remove(row)}
              />
            ),
          },
        ]}
      />
      {editing && (
        <ActivityForm
          key={'row' in editing ? `edit-${editing.row.id}` : 'new'}
          activity={'row' in editing ? editing.row : null}
          account={'account' in editing ? editing.account : null}
          lockAccount
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(
              'row' in editing ? t('activities.saved') : t('activities.created'),
            );
            reload();
          }}
          onDelete={(row) =>
            void remove(row).then((ok) => {
              if (ok) setEditing(null);
            })
          }
        />
      )}
    </div>
  );
}
