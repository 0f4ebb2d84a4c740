/** The opportunity card: a drawer with the title, account, stage steps, actions and tabs. */
import { EditOutlined } from '@ant-design/icons';
import { Button, Space, Tabs } from 'antd';
import type { OpportunityDetail } from '../../../../shared/schemas/opportunities';
import { call } from '../../api/client';
import { cardTab } from '../../components/card-tab';
import { DeleteButton } from '../../components/DeleteButton';
import { RecordDrawer } from '../../components/RecordDrawer';
import { RecordTitle } from '../../components/RecordTitle';
import { useT } from '../../i18n/context';
import { accountPath } from '../../lib/use-hash-route';
import { BuyerTypeTag } from '../accounts/account-tags';
import { ChangesTab } from './ChangesTab';
import { DetailsTab } from './DetailsTab';
import { LinksTab } from './LinksTab';
import { Wan } from './Money';
import { MoveMenu } from './MoveMenu';
import { StageHistoryTab } from './StageHistoryTab';
import { StageSteps } from './StageSteps';
import { StageTag } from './StageTag';
import { useOpportunity } from './use-opportunity';
import type { RequestMove } from './use-stage-move';

interface Props {
  opportunityId: number | null;
  revision: number;
  onClose: () => void;
  onEdit: (detail: OpportunityDetail) => void;
  onMove: RequestMove;
  onChanged: () => void;
}

export function OpportunityCard(props: Props) {
  const { opportunityId, revision, onClose, onEdit, onMove, onChanged } = props;
  const record = useOpportunity(opportunityId, revision);

  return (
    <RecordDrawer
      open={opportunityId !== null}
      onClose={onClose}
      record={record}
      words={{ card: 'opp.card', notFound: 'opp.notFound', loadFailed: 'opp.loadFailed' }}
      testId="opportunity-card"
      retryTestId="opp-card-retry"
      title={(d) => <CardTitle detail={d} />}
      extra={(d) => (
        <CardActions
          detail={d}
          onEdit={onEdit}
          onMove={onMove}
          onDeleted={() => {
            onClose();
            onChanged();
          }}
        />
      )}
    >
      {(d) => (
        <>
          <StageSteps detail={d} />
          <CardTabs key={d.id} detail={d} revision={revision} />
        </>
      )}
    </RecordDrawer>
  );
}

function CardTitle({ detail }: { detail: OpportunityDetail }) {
  return (
    <RecordTitle name={detail.title} nameTestId="opp-card-title">
      <a href={`#${accountPath(detail.accountId)}`} data-testid="opp-card-account">
        {detail.accountName}
      </a>
      <BuyerTypeTag value={detail.buyerType} />
      <StageTag stage={detail.stage} probability={detail.probability} />
      <Wan fen={detail.amountFen} className="opp-card-amount" />
    </RecordTitle>
  );
}

function CardActions(props: {
  detail: OpportunityDetail;
  onEdit: (d: OpportunityDetail) => void;
  onMove: RequestMove;
  onDeleted: () => void;
}) {
  const { detail, onEdit, onMove, onDeleted } = props;
  const t = useT();
  return (
    <Space>
      <Button icon={<EditOutlined />} onClick={() => onEdit(detail)} data-testid="opp-edit">
        {t('common.edit')}
      </Button>
      <MoveMenu
        variant="button"
        stage={detail.stage}
        onMove={(to) => onMove(detail, to)}
        testId="opp-move"
      />
      <DeleteButton
        testId="opp-delete"
        request={{
          title: t('opp.deleteConfirmTitle', { title: detail.title }),
          body: t('opp.deleteConfirmBody'),
          done: t('opp.deleted', { title: detail.title }),
          refused: t('opp.deleteRefused'),
          confirmTestId: 'opp-delete-confirm',
          run: () => call('opportunities.delete', { id: detail.id }),
          onDeleted,
        }}
      />
    </Space>
  );
}

function CardTabs({ detail, revision }: { detail: OpportunityDetail; revision: number }) {
  const t = useT();
  const tab = cardTab('opp-tab-');
  return (
    <Tabs
      className="account-card__tabs"
      items={[
        tab('details', t('opp.tabDetails'), null, <DetailsTab detail={detail} />),
        tab(
          'stages',
          t('opp.tabStages'),
          detail.stageHistory.length,
          <StageHistoryTab detail={detail} />,
        ),
        tab(
          'links',
          t('opp.tabLinks'),
          detail.tenders.length + detail.contracts.length,
          <LinksTab detail={detail} />,
        ),
        tab(
          'changes',
          t('opp.tabChanges'),
          null,
          <ChangesTab opportunityId={detail.id} revision={revision} />,
        ),
      ]}
    />
  );
}
