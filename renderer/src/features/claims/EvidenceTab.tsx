/**
 * 开发记录: our development activities on the account (the second rule in a conflict), newest
 * first, with a way to log one; for another dealer's claim, the count the manufacturer reported.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Table, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { ACTIVITY_OUTCOMES, ACTIVITY_TYPES } from '../../../../shared/sales-enums';
import type { ClaimDetail, evidenceActivity } from '../../../../shared/schemas/claims';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../lib/format';
import { ActivityForm } from '../activities/ActivityForm';

type Evidence = z.infer<typeof evidenceActivity>;

const isOutcome = (v: string | null): v is keyof typeof ACTIVITY_OUTCOMES =>
  v !== null && Object.prototype.hasOwnProperty.call(ACTIVITY_OUTCOMES, v);

export function EvidenceTab(props: {
  detail: ClaimDetail;
  canLog: boolean;
  onChanged: () => void;
}) {
  const { detail, canLog, onChanged } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const [logging, setLogging] = useState(false);

  if (detail.source !== 'ours')
    return (
      <Typography.Paragraph data-testid="claim-evidence-external">
        {detail.evidenceCount > 0
          ? t('claims.evidenceExternal', { n: formatCount(detail.evidenceCount, lang) })
          : t('claims.evidenceExternalNone')}
      </Typography.Paragraph>
    );

  return (
    <div data-testid="claim-evidence">
      <div className="tab-toolbar">
        <Typography.Text type="secondary" className="tab-toolbar__note">
          {t('claims.evidenceCount', { n: formatCount(detail.activities.length, lang) })}
        </Typography.Text>
        {canLog && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => setLogging(true)}
            data-testid="claim-log-activity"
          >
            {t('claims.logActivity')}
          </Button>
        )}
      </div>
      <Table<Evidence>
        size="small"
        rowKey="id"
        dataSource={detail.activities}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  <div>{t('claims.evidenceEmpty')}</div>
                  <div className="clm-muted">{t('claims.evidenceEmptyHint')}</div>
                </>
              }
            />
          ),
        }}
        onRow={(a) => ({ className: 'clm-evidence-row', 'data-testid': `evidence-row-${a.id}` })}
        columns={[
          {
            key: 'date',
            title: t('claims.colDate'),
            width: 130,
            render: (_, a) => formatDate(a.occurredOn, lang),
          },
          {
            key: 'type',
            title: t('claims.colType'),
            width: 120,
            render: (_, a) => label(ACTIVITY_TYPES, a.type),
          },
          {
            key: 'staff',
            title: t('claims.colStaff'),
            width: 90,
            render: (_, a) => a.staffName ?? <span className="cell-empty">—</span>,
          },
          {
            key: 'summary',
            title: t('claims.colSummary'),
            render: (_, a) => a.summary ?? <span className="cell-empty">—</span>,
          },
          {
            key: 'outcome',
            title: t('claims.colOutcome'),
            width: 90,
            render: (_, a) =>
              isOutcome(a.outcome) ? (
                label(ACTIVITY_OUTCOMES, a.outcome)
              ) : (
                <span className="cell-empty">{a.outcome ?? '—'}</span>
              ),
          },
        ]}
      />
      {logging && (
        <ActivityForm
          activity={null}
          account={{ id: detail.accountId, name: detail.accountName }}
          lockAccount
          onClose={() => setLogging(false)}
          onSaved={() => {
            setLogging(false);
            void message.success(t('claims.activityLogged'));
            onChanged();
          }}
        />
      )}
    </div>
  );
}
