/**
 * 厂家审核与激励款: after submission, the manufacturer's verdict, the incentive approved, received
 * and outstanding, and the payments, with the buttons that record them (for whoever may change the
 * filing, while it is submitted: a withdrawn filing takes nothing).
 */
import { AuditOutlined, MoneyCollectOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { INCENTIVE_REASONS, OEM_VERDICTS } from '../../../../shared/filing-enums';
import type { FilingDetail } from '../../../../shared/schemas/filings';
import type { IncentivePayment } from '../../../../shared/schemas/incentives';
import { formatFen } from '../../../../shared/values/money';
import { useSession } from '../../app/session';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/format';
import { canChangeFiling } from './filing-rules';
import { IncentiveStateTag } from './incentive-tags';
import { PaymentDialog, VerdictDialog } from './IncentiveDialogs';

const Empty = () => <span className="cell-empty">—</span>;

export function IncentivePanel(props: {
  detail: FilingDetail;
  onApplied: (detail: FilingDetail) => void;
}) {
  const { detail, onApplied } = props;
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { user } = useSession();
  const [dialog, setDialog] = useState<'verdict' | 'payment' | null>(null);
  if (detail.status === 'draft') return null;
  const i = detail.incentive;
  const open = detail.status === 'submitted' && canChangeFiling(user, detail);
  const payable = i.verdict === 'approved' || i.verdict === 'partial';
  const done = (next: FilingDetail) => {
    setDialog(null);
    onApplied(next);
  };

  return (
    <Card
      size="small"
      className="fil-panel"
      title={t('incentive.title')}
      data-testid="filing-incentive"
      extra={
        <Space>
          <IncentiveStateTag value={i.state} />
          {open && (
            <Button
              size="small"
              icon={<AuditOutlined />}
              onClick={() => setDialog('verdict')}
              data-testid="incentive-verdict"
            >
              {i.verdict ? t('incentive.changeVerdict') : t('incentive.recordVerdict')}
            </Button>
          )}
          {open && payable && (
            <Button
              size="small"
              type="primary"
              icon={<MoneyCollectOutlined />}
              onClick={() => setDialog('payment')}
              data-testid="incentive-payment"
            >
              {t('incentive.recordPayment')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" className="fil-panel__hint">
        {i.verdict && i.recordedBy && i.recordedAt
          ? t('incentive.recordedBy', {
              name: i.recordedBy.name,
              at: formatDateTime(i.recordedAt, lang),
            })
          : i.verdict
            ? null
            : t('incentive.none')}
      </Typography.Paragraph>
      <Descriptions size="small" column={3} className="gap-bottom">
        <Descriptions.Item label={t('incentive.verdict')}>
          <span data-testid="incentive-verdict-value">
            {i.verdict ? label(OEM_VERDICTS, i.verdict) : <Empty />}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('incentive.decidedOn')}>
          {i.decidedOn ? formatDate(i.decidedOn, lang) : <Empty />}
        </Descriptions.Item>
        <Descriptions.Item label={t('incentive.reason')}>
          {i.reason ? label(INCENTIVE_REASONS, i.reason) : <Empty />}
        </Descriptions.Item>
        <Descriptions.Item label={t('incentive.approved')}>
          <span data-testid="incentive-approved">
            {i.approvedFen !== null ? formatFen(i.approvedFen) : <Empty />}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('incentive.received')}>
          <span data-testid="incentive-received">{formatFen(i.receivedFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('incentive.outstanding')}>
          <span data-testid="incentive-outstanding">{formatFen(i.outstandingFen)}</span>
        </Descriptions.Item>
        {i.note && (
          <Descriptions.Item label={t('incentive.note')} span={3}>
            <span className="pre-wrap">{i.note}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {payable && (
        <Table<IncentivePayment>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={i.payments}
          data-testid="incentive-payments"
          locale={{ emptyText: t('incentive.paymentsNone') }}
          columns={[
            {
              key: 'on',
              title: t('incentive.colReceivedOn'),
              width: 130,
              render: (_, p) => formatDate(p.receivedOn, lang),
            },
            {
              key: 'amount',
              title: t('incentive.colAmount'),
              width: 140,
              align: 'right',
              render: (_, p) => formatFen(p.amountFen),
            },
            {
              key: 'ref',
              title: t('incentive.colReference'),
              render: (_, p) => p.reference ?? <Empty />,
            },
            {
              key: 'over',
              title: t('incentive.colOverReason'),
              render: (_, p) => p.overReason ?? <Empty />,
            },
            {
              key: 'by',
              title: t('incentive.colBy'),
              width: 100,
              render: (_, p) => p.recordedBy?.name ?? <Empty />,
            },
          ]}
        />
      )}
      {dialog === 'verdict' && (
        <VerdictDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'payment' && (
        <PaymentDialog detail={detail} onClose={() => setDialog(null)} onDone={done} />
      )}
    </Card>
  );
}
