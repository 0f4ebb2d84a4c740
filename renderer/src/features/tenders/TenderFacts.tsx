/** The facts of a tender on its card: who buys, how, for how much, and the bid bond. */
import { ExportOutlined } from '@ant-design/icons';
import { Descriptions, type DescriptionsProps } from 'antd';
import { PROCUREMENT_METHODS } from '../../../../shared/sales-enums';
import type { TenderDetail } from '../../../../shared/schemas/tenders';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { accountPath, recordPath } from '../../lib/use-hash-route';
import { refundState } from './deadlines';
import { useMoney } from './money-format';
import { DayCell, Empty, MoneyCell, StatusTag, Text } from './tender-cells';
import { useNow } from './use-now';

export function TenderFacts({ detail: d }: { detail: TenderDetail }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const money = useMoney();

  const items: DescriptionsProps['items'] = [
    {
      key: 'projectNo',
      label: t('tenders.f.projectNo'),
      children: (
        <span className="mono" data-testid="tender-project-no">
          {d.projectNo}
        </span>
      ),
    },
    { key: 'method', label: t('tenders.f.method'), children: label(PROCUREMENT_METHODS, d.method) },
    {
      key: 'purchaser',
      label: t('tenders.f.purchaserId'),
      children: (
        <a href={`#${accountPath(d.purchaserId)}`} data-testid="tender-purchaser-link">
          {d.purchaserName}
        </a>
      ),
    },
    { key: 'agency', label: t('tenders.f.agency'), children: <Text value={d.agency} /> },
    {
      key: 'budget',
      label: t('tenders.f.budgetFen'),
      children: <MoneyCell fen={d.budgetFen} format={money.wan} />,
    },
    {
      key: 'quantity',
      label: t('tenders.card.quantity'),
      children: t('tenders.card.quantityValue', {
        units: formatCount(d.quantity, lang),
        lots: formatCount(d.lotCount, lang),
      }),
    },
    {
      key: 'status',
      label: t('tenders.f.status'),
      children: <StatusTag status={d.status} phase={d.phase} />,
    },
    { key: 'owner', label: t('tenders.f.ownerId'), children: <Text value={d.ownerName} /> },
    {
      key: 'opportunity',
      label: t('tenders.f.opportunityId'),
      children:
        d.opportunityId !== null ? (
          <a
            href={`#${recordPath('opportunities', d.opportunityId)}`}
            data-testid="tender-opportunity-link"
          >
            {d.opportunityTitle ?? `#${d.opportunityId}`}
          </a>
        ) : (
          <Empty />
        ),
    },
    {
      key: 'url',
      label: t('tenders.f.announcementUrl'),
      children: d.announcementUrl ? (
        // A new window: the desktop app hands it to the user's browser, a browser tab opens it
        // beside the app. Either way the app itself stays where it is.
        <a
          href={d.announcementUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="tender-url"
          title={d.announcementUrl}
          data-testid="tender-announcement-link"
        >
          <ExportOutlined /> {t('tenders.card.openAnnouncement')}
        </a>
      ) : (
        <Empty />
      ),
    },
    ...(d.notes
      ? [
          {
            key: 'notes',
            label: t('tenders.f.notes'),
            span: 2,
            children: <span className="pre-wrap">{d.notes}</span>,
          },
        ]
      : []),
  ];

  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      className="details tender-facts"
      items={items}
      data-testid="tender-facts"
    />
  );
}

export function BondFacts({ detail: d }: { detail: TenderDetail }) {
  const t = useT();
  const money = useMoney();
  const now = useNow();
  const refund = refundState({ ...d, paid: d.bondPaidOn !== null }, now);
  const items: DescriptionsProps['items'] = [
    {
      key: 'amount',
      label: t('tenders.f.bondFen'),
      children: <MoneyCell fen={d.bondFen} format={money.wan} />,
    },
    { key: 'paid', label: t('tenders.f.bondPaidOn'), children: <DayCell value={d.bondPaidOn} /> },
    {
      key: 'due',
      label: t('tenders.f.bondRefundDueOn'),
      children: (
        <span data-testid="tender-bond-due" data-state={refund ?? 'none'}>
          <DayCell value={d.bondRefundDueOn} urgency={refund} />
          {refund === 'overdue' && (
            <span className="tender-due--overdue tender-bond-note">
              {t('tenders.card.refundOverdue')}
            </span>
          )}
        </span>
      ),
    },
    {
      key: 'refunded',
      label: t('tenders.f.bondRefundedOn'),
      children: <DayCell value={d.bondRefundedOn} />,
    },
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      className="details tender-facts"
      items={items}
      data-testid="tender-bond"
    />
  );
}
