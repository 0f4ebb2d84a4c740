/** 招标与合同: the tenders and contracts serving this opportunity, each opening its own card. */
import { Table, Tag } from 'antd';
import {
  CONTRACT_STATUSES,
  type ContractStatus,
  TENDER_STATUSES,
  type TenderStatus,
} from '../../../../shared/sales-enums';
import type { OpportunityDetail } from '../../../../shared/schemas/opportunities';
import { formatFen } from '../../../../shared/values/money';
import { useEnumLabel, useT } from '../../i18n/context';
import { recordPath } from '../../lib/use-hash-route';

const CONTRACT_COLORS: Record<ContractStatus, string> = {
  draft: 'default',
  pending_approval: 'orange',
  final: 'green',
  cancelled: 'red',
};
const TENDER_COLORS: Record<TenderStatus, string> = {
  planned: 'default',
  announced: 'blue',
  awarded: 'green',
  failed: 'red',
  cancelled: 'default',
};

// The backend sends statuses as plain strings; unknown ones are shown as they are.
const isTenderStatus = (s: string): s is TenderStatus => s in TENDER_STATUSES;
const isContractStatus = (s: string): s is ContractStatus => s in CONTRACT_STATUSES;

export function LinksTab({ detail }: { detail: OpportunityDetail }) {
  const t = useT();
  const label = useEnumLabel();
  return (
    <div className="opp-links">
      <h4 className="opp-links__title">{t('opp.tenders')}</h4>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={detail.tenders}
        locale={{ emptyText: t('opp.tendersEmpty') }}
        data-testid="opp-tenders"
        columns={[
          {
            key: 'no',
            title: t('opp.tenderNo'),
            width: 200,
            render: (_, tender) => (
              <a
                href={`#${recordPath('tenders', tender.id)}`}
                className="mono"
                data-testid={`opp-tender-link-${tender.id}`}
              >
                {tender.projectNo}
              </a>
            ),
          },
          { key: 'name', title: t('opp.tenderName'), dataIndex: 'name' },
          {
            key: 'status',
            title: t('opp.status'),
            width: 120,
            render: (_, tender) =>
              isTenderStatus(tender.status) ? (
                <Tag color={TENDER_COLORS[tender.status]}>
                  {label(TENDER_STATUSES, tender.status)}
                </Tag>
              ) : (
                tender.status
              ),
          },
        ]}
      />
      <h4 className="opp-links__title">{t('opp.contracts')}</h4>
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={detail.contracts}
        locale={{ emptyText: t('opp.contractsEmpty') }}
        data-testid="opp-contracts"
        columns={[
          {
            key: 'no',
            title: t('opp.contractNo'),
            width: 200,
            render: (_, c) => (
              <a
                href={`#${recordPath('contracts', c.id)}`}
                className="mono"
                data-testid={`opp-contract-link-${c.id}`}
              >
                {c.number}
              </a>
            ),
          },
          {
            key: 'status',
            title: t('opp.status'),
            width: 120,
            render: (_, c) =>
              isContractStatus(c.status) ? (
                <Tag color={CONTRACT_COLORS[c.status]}>{label(CONTRACT_STATUSES, c.status)}</Tag>
              ) : (
                c.status
              ),
          },
          {
            key: 'total',
            title: t('opp.contractTotal'),
            align: 'right',
            render: (_, c) => formatFen(c.totalFen),
          },
        ]}
      />
    </div>
  );
}
