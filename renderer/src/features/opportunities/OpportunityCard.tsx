/** The opportunity card: a drawer with the title, account, stage steps, actions and tabs. */
import { useConfirmDelete } from '../../components/use-confirm-delete';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space, Tabs } from 'antd';
import type { OpportunityDetail } from '../../../../shared/schemas/opportunities';
import { call } from '../../api/client';
import { RecordDrawer } from '../../components/RecordDrawer';
import { RecordTitle } from '../../components/RecordTitle';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
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
  const { detail, error, loading, reload } = useOpportunity(opportunityId, revision);

  return (
    <RecordDrawer
      open={opportunityId !== null}
      onClose={onClose}
      detail={detail}
      error={error}
      loading={loading}
      onRetry={reload}
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
  const { deleting, confirm } = useConfirmDelete();
  const remove = () =>
    confirm({
      title: t('opp.deleteConfirmTitle', { title: detail.title }),
      body: t('opp.deleteConfirmBody'),
      done: t('opp.deleted', { title: detail.title }),
      refused: t('opp.deleteRefused'),
      confirmTestId: 'opp-delete-confirm',
      run: () => call('opportunities.delete', { id: detail.id }),
      onDeleted,
    });

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
      <Button
        danger
        icon={<DeleteOutlined />}
        loading={deleting}
        onClick={remove}
        data-testid="opp-delete"
      >
        {t('common.delete')}
      </Button>
    </Space>
  );
}

function CardTabs({ detail, revision }: { detail: OpportunityDetail; revision: number }) {
  const t = useT();
  const { lang } = useLang();
  const counted = (label: string, n: number) => (
    <span>
      {label}
      <span className="tab-count">{formatCount(n, lang)}</span>
    </span>
  );
  return (
    <Tabs
      className="account-card__tabs"
      items={[
        {
          key: 'details',
          label: <span data-testid="opp-tab-details">{t('opp.tabDetails')}</span>,
          children: <DetailsTab detail={detail} />,
        },
        {
          key: 'stages',
          label: (
            <span data-testid="opp-tab-stages">
              {counted(t('opp.tabStages'), detail.stageHistory.length)}
            </span>
          ),
          children: <StageHistoryTab detail={detail} />,
        },
        {
          key: 'links',
          label: (
            <span data-testid="opp-tab-links">
              {counted(t('opp.tabLinks'), detail.tenders.length + detail.contracts.length)}
            </span>
          ),
          children: <LinksTab detail={detail} />,
        },
        {
          key: 'changes',
          label: <span data-testid="opp-tab-changes">{t('opp.tabChanges')}</span>,
          children: <ChangesTab opportunityId={detail.id} revision={revision} />,
        },
      ]}
    />
  );
}
