/** The contract card: a drawer with the contract's header, what blocks it, actions and tabs. */
import { Alert, Button, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { ContractDetail } from '../../../../shared/schemas/contracts';
import { cardTab } from '../../components/card-tab';
import { ReasonList } from '../../components/ReasonList';
import { RecordDrawer } from '../../components/RecordDrawer';
import { RecordTitle } from '../../components/RecordTitle';
import { useT } from '../../i18n/context';
import { AllocationsTab } from './AllocationsTab';
import { ApprovalsTab } from './ApprovalsTab';
import { ContractActions } from './ContractActions';
import { AwardDifference } from './AwardDifference';
import { ContractSummary } from './ContractSummary';
import { ContractFollowUpsTab } from './ContractFollowUpsTab';
import { ContractKindTag, ContractStatusTag } from './contract-tags';
import { DeliveriesTab } from './DeliveriesTab';
import { InvoicesTab } from './InvoicesTab';
import { LinesTab } from './LinesTab';
import { PaymentsTab } from '../payments/PaymentsTab';
import { useContract } from './use-contract';
import './contracts.css';

interface Props {
  contractId: number | null;
  revision: number;
  onClose: () => void;
  onEdit: (detail: ContractDetail) => void;
  onChanged: () => void;
}

export function ContractCard({ contractId, revision, onClose, onEdit, onChanged }: Props) {
  const record = useContract(contractId, revision);
  // Every workflow call answers with the whole contract: show it, then refresh the lists.
  const applied = (next: ContractDetail) => {
    record.replace(next);
    onChanged();
  };

  return (
    <RecordDrawer
      open={contractId !== null}
      onClose={onClose}
      record={record}
      words={{
        card: 'contracts.card',
        notFound: 'contracts.notFound',
        loadFailed: 'contracts.loadFailed',
      }}
      testId="contract-card"
      title={(d) => <CardTitle detail={d} />}
      extra={(d) => <ContractActions detail={d} onEdit={onEdit} onApplied={applied} />}
    >
      {(d) => <CardBody key={d.id} detail={d} onApplied={applied} onChanged={onChanged} />}
    </RecordDrawer>
  );
}

function CardTitle({ detail }: { detail: ContractDetail }) {
  return (
    <RecordTitle name={detail.number} nameTestId="contract-number" mono>
      <ContractKindTag value={detail.kind} />
      <span data-testid="contract-status">
        <ContractStatusTag value={detail.status} />
      </span>
      <Typography.Text type="secondary">{detail.partyName}</Typography.Text>
    </RecordTitle>
  );
}

/** What still stops 生效, each worded as the rule it comes from. */
function Blockers(props: { detail: ContractDetail; onShowApprovals: () => void }) {
  const { detail, onShowApprovals } = props;
  const t = useT();
  if (detail.finalBlockers.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="gap-bottom"
      title={t('contracts.blockersTitle')}
      action={
        detail.finalBlockers.includes('contract.approval_missing') && (
          <Button size="small" onClick={onShowApprovals} data-testid="blockers-approval">
            {t('contracts.approvalRequest')}
          </Button>
        )
      }
      description={
        <ReasonList
          codes={detail.finalBlockers}
          className="con-blockers"
          testId="contract-blockers"
        />
      }
    />
  );
}

function CardBody(props: {
  detail: ContractDetail;
  onApplied: (d: ContractDetail) => void;
  onChanged: () => void;
}) {
  const { detail, onApplied, onChanged } = props;
  const t = useT();
  const [active, setActive] = useState('lines');
  const tab = cardTab('contract-tab-');
  const pendingApprovals = detail.approvals.filter((a) => a.state === 'pending').length;
  return (
    <>
      <Blockers detail={detail} onShowApprovals={() => setActive('approvals')} />
      {detail.status === 'cancelled' && (
        <Alert
          type="error"
          showIcon
          className="gap-bottom"
          title={t('contracts.cancelledNote')}
          data-testid="contract-cancelled"
        />
      )}
      <ContractSummary detail={detail} />
      {detail.tender && detail.status !== 'cancelled' && (
        <AwardDifference
          totalFen={detail.totalFen}
          awardFen={detail.tender.awardFen}
          projectNo={detail.tender.projectNo}
          className="gap-bottom"
          testId="contract-award-diff"
        />
      )}
      <Tabs
        className="account-card__tabs"
        activeKey={active}
        onChange={setActive}
        items={[
          tab('lines', t('contracts.tabLines'), detail.lines.length, <LinesTab detail={detail} />),
          tab(
            'approvals',
            t('contracts.tabApprovals'),
            pendingApprovals > 0 ? pendingApprovals : null,
            <ApprovalsTab detail={detail} onApplied={onApplied} />,
          ),
          ...(detail.kind === 'system'
            ? [
                tab(
                  'allocations',
                  t('contracts.tabAllocations'),
                  detail.allocations.length,
                  <AllocationsTab detail={detail} onApplied={onApplied} />,
                ),
              ]
            : []),
          tab(
            'deliveries',
            t('contracts.tabDeliveries'),
            detail.deliveries.length,
            <DeliveriesTab detail={detail} onApplied={onApplied} />,
          ),
          tab(
            'invoices',
            t('contracts.tabInvoices'),
            detail.invoices.length,
            <InvoicesTab detail={detail} onApplied={onApplied} />,
          ),
          tab(
            'payments',
            t('payments.tab'),
            null,
            <PaymentsTab detail={detail} onChanged={onChanged} />,
          ),
          tab(
            'followUps',
            t('contracts.tabCardFollowUps'),
            detail.followUps.filter((f) => f.doneAt === null).length,
            <ContractFollowUpsTab detail={detail} onChanged={onChanged} />,
          ),
        ]}
      />
    </>
  );
}
