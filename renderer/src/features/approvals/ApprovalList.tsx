/**
 * Price approvals in 我的今天: what waits for this manager's decision (oldest first), or what
 * became of this person's requests. Each opens the contract card, whose approvals tab decides.
 */
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExportOutlined,
  FieldTimeOutlined,
} from '@ant-design/icons';
import { Button, Empty } from 'antd';
import { chinaDate } from '../../../../shared/dates';
import { APPROVAL_STATES } from '../../../../shared/sales-enums';
import type { ApprovalItem } from '../../../../shared/schemas/contracts';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';

export function ApprovalList({
  items,
  decided,
  testId,
}: {
  items: ApprovalItem[];
  /** Decisions on my requests rather than requests to decide. */
  decided?: boolean;
  testId: string;
}) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { navigate } = useHashRoute();
  const open = (a: ApprovalItem) => navigate(recordPath('contracts', a.contractId));

  if (items.length === 0)
    return (
      <Empty
        className="md-list__empty"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={<div className="md-list__empty-title">{t('approvals.noneToDecide')}</div>}
        data-testid={testId}
      />
    );
  return (
    <div className="md-list" data-count={items.length} data-testid={testId}>
      {items.map((a) => (
        <div key={a.id} className="md-item" data-testid={`${testId}-${a.id}`}>
          <div className="md-item__when">
            <span className="md-item__date">
              {formatDate(
                chinaDate(new Date(decided ? (a.decidedAt ?? a.requestedAt) : a.requestedAt)),
                lang,
              )}
            </span>
          </div>
          <div className="md-item__main">
            <div className="md-item__top">
              {!decided ? (
                <FieldTimeOutlined />
              ) : a.state === 'approved' ? (
                <CheckCircleOutlined style={{ color: '#389e0d' }} />
              ) : (
                <CloseCircleOutlined style={{ color: '#cf1322' }} />
              )}
              <button
                type="button"
                className="md-item__title"
                title={`${a.contractNo} · ${a.accountName}`}
                onClick={() => open(a)}
              >
                {a.contractNo} · {a.accountName}
              </button>
            </div>
            <div className="md-item__sub">
              {decided
                ? t('approvals.decidedBy', {
                    name: a.decidedBy?.name ?? '—',
                    state: label(APPROVAL_STATES, a.state),
                  })
                : t('approvals.requestedBy', {
                    name: a.requestedBy?.name ?? '—',
                    lines: a.lineCount,
                  })}
            </div>
          </div>
          <div className="md-item__actions">
            <Button
              size="small"
              icon={<ExportOutlined />}
              onClick={() => open(a)}
              data-testid={`${testId}-open-${a.id}`}
            >
              {t('approvals.open')}
            </Button>
          </div>
        </div>
      ))}
    </div>
  );
}
