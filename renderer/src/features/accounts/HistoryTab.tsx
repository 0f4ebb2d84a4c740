/** 变更记录: the audit entries about this account and its contacts, newest first, as readable diffs. */
import { Table, Tag } from 'antd';
import type { AuditEntry } from '../../../../shared/schemas/system';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { AUDIT_PAGE_SIZE, useAuditPage } from '../../lib/use-audit-page';
import { ACTION_KEYS } from './action-labels';
import { HistoryChanges } from './HistoryChanges';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  read: 'default',
};

export function HistoryTab({ accountId, revision }: { accountId: number; revision: unknown }) {
  const t = useT();
  const { lang } = useLang();
  const { page, setPage, error, rows, total, loading } = useAuditPage(
    'accounts.history',
    accountId,
    revision,
  );

  // An action this version does not know gets a neutral name, never its raw key.
  const actionLabel = (action: string) => t(ACTION_KEYS[action] ?? 'history.other');

  return (
    <>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        className="history-table"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: t('history.empty') }}
        data-testid="history-table"
        pagination={{
          current: page,
          pageSize: AUDIT_PAGE_SIZE,
          total,
          showSizeChanger: false,
          size: 'small',
          onChange: setPage,
        }}
        columns={[
          {
            key: 'at',
            title: t('history.at'),
            width: 170,
            render: (_, e) => <span className="cell-date">{formatDateTime(e.at, lang)}</span>,
          },
          {
            key: 'who',
            title: t('history.who'),
            width: 110,
            render: (_, e) => e.actorName ?? t('history.system'),
          },
          {
            key: 'action',
            title: t('history.action'),
            width: 150,
            render: (_, e) => (
              <Tag color={ACTION_COLORS[e.action.split('.').pop() ?? ''] ?? 'default'}>
                {actionLabel(e.action)}
              </Tag>
            ),
          },
          {
            key: 'changes',
            title: t('history.changes'),
            render: (_, e) => <HistoryChanges entry={e} />,
          },
        ]}
      />
    </>
  );
}
