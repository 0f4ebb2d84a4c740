/**
 * 交易 on the account card: the account's stored facts, its computed value class beside the
 * hand-set grade (and where they disagree), its segment and KA qualification with the reasons,
 * the scorecard line by line, and its contracts. Everything from value.account.
 */
import { Alert, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { CONTRACT_STATUSES } from '../../../../shared/sales-enums';
import { formatFenAsWan } from '../../../../shared/values/money';
import { useReasonText } from './reason-text';
import { ScoreLines } from './ScoreLines';
import { useValueQuery } from './use-value-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../lib/format';

export function TransactionsTab({ accountId, revision }: { accountId: number; revision: number }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const reasonText = useReasonText();

  const { data, error } = useValueQuery('value.account', { id: accountId }, revision);

  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const f = data.facts;
  const wan = (fen: number | null) => (fen === null ? '—' : formatFenAsWan(fen));
  const disagrees = data.grade !== data.abc;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="value-tab">
      {disagrees && (
        <Alert
          type="warning"
          showIcon
          data-testid="value-grade-disagrees"
          message={t('value.gradeDisagrees', { grade: data.grade, rank: data.rank, abc: data.abc })}
        />
      )}
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('value.class')}>
          <Tag color={data.abc === 'A' ? 'red' : data.abc === 'B' ? 'orange' : 'default'}>
            {data.abc}
          </Tag>
          {t('value.classOf', { abc: data.abc, rank: data.rank })}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.segment')}>
          <Tag data-testid="value-segment">{t(`segment.${data.segment}`)}</Tag>
          {reasonText(data.segmentReason)}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.ka')} span={2}>
          {data.kaReason ? reasonText(data.kaReason) : t('value.kaNo')}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.revenue')}>{wan(f.revenueFen)}</Descriptions.Item>
        <Descriptions.Item label={t('value.units')}>{formatCount(f.units, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('value.purchases')}>
          {formatCount(f.purchases, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.firstLast')}>
          {formatDate(f.firstPurchaseOn, lang)} / {formatDate(f.lastPurchaseOn, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.perYear')}>
          {f.purchasesPerYear ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.repeat')}>
          {f.repeatBuyer ? t('value.yes') : t('value.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.marginFloor')}>
          {wan(f.marginFloorFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.marginRetail')}>
          {wan(f.marginRetailFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.lastContact')}>
          {formatDate(f.lastContactOn, lang)}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.pipeline')}>{wan(f.openPipelineFen)}</Descriptions.Item>
        <Descriptions.Item label={t('value.cancelled')}>{f.cancelledContracts}</Descriptions.Item>
        <Descriptions.Item label={t('value.lostTenders')}>{f.lostTenders}</Descriptions.Item>
        <Descriptions.Item label={t('value.invoiced')}>{wan(f.invoicedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('value.received')}>{wan(f.receivedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('value.receivable')}>{wan(f.receivableFen)}</Descriptions.Item>
        <Descriptions.Item label={t('value.overdue')}>
          <span data-testid="value-overdue">
            {f.overdueFen > 0
              ? t('value.overdueDays', { amount: wan(f.overdueFen), days: f.overdueDays ?? 0 })
              : wan(0)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('value.fleetShare')}>
          {f.fleetShare === null ? '—' : `${Math.round(f.fleetShare * 1000) / 10} %`}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>
        {t('value.score')}: <span data-testid="value-score">{data.score}</span>
      </Typography.Title>
      <ScoreLines lines={data.scoreLines} />
      <Typography.Title level={5}>{t('value.contracts')}</Typography.Title>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="id"
        dataSource={data.contracts}
        columns={[
          { key: 'number', title: t('value.contractNo'), dataIndex: 'number' },
          {
            key: 'status',
            title: t('value.status'),
            dataIndex: 'status',
            render: (s: keyof typeof CONTRACT_STATUSES) => label(CONTRACT_STATUSES, s),
          },
          {
            key: 'signedOn',
            title: t('value.signedOn'),
            dataIndex: 'signedOn',
            render: (d: string | null) => formatDate(d, lang),
          },
          { key: 'quantity', title: t('value.quantity'), dataIndex: 'quantity', align: 'right' },
          {
            key: 'total',
            title: t('value.total'),
            dataIndex: 'totalFen',
            align: 'right',
            render: (fen: number) => formatFenAsWan(fen),
          },
        ]}
      />
    </Space>
  );
}
