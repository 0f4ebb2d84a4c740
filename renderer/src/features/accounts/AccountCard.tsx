/**
 * The account card (大客户档案卡): a drawer with the account's header, its weekly review, printing,
 * actions and tabs.
 */
import { EditOutlined } from '@ant-design/icons';
import { Button, Space, Tabs, Typography } from 'antd';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import { call } from '../../api/client';
import { canChangeAccount, useSession } from '../../app/session';
import { cardTab } from '../../components/card-tab';
import { DeleteButton } from '../../components/DeleteButton';
import { RecordDrawer } from '../../components/RecordDrawer';
import { RecordTitle } from '../../components/RecordTitle';
import { useT } from '../../i18n/context';
import { ContactsTab } from '../contacts/ContactsTab';
import { BuyerTypeTag, GradeTag, LifecycleBadge } from './account-tags';
import { DetailsTab } from './DetailsTab';
import { AccountActivitiesTab } from '../activities/AccountActivitiesTab';
import { AccountClaimsTab } from '../claims/AccountClaimsTab';
import { AccountOpportunitiesTab } from '../opportunities/AccountOpportunitiesTab';
import { FleetTab } from './FleetTab';
import { HistoryTab } from './HistoryTab';
import { SubordinatesTab } from './SubordinatesTab';
import { useAccount } from './use-account';
import { CardPrintButton } from './CardPrint';
import { ReviewControl } from './ReviewControl';
import { TransactionsTab } from '../value/TransactionsTab';

interface Props {
  accountId: number | null;
  revision: number;
  onClose: () => void;
  onOpenAccount: (id: number) => void;
  onEdit: (detail: AccountDetail) => void;
  onChanged: () => void;
}

export function AccountCard({
  accountId,
  revision,
  onClose,
  onOpenAccount,
  onEdit,
  onChanged,
}: Props) {
  const record = useAccount(accountId, revision);

  return (
    <RecordDrawer
      open={accountId !== null}
      onClose={onClose}
      record={record}
      words={{
        card: 'account.card',
        notFound: 'account.notFound',
        loadFailed: 'account.loadFailed',
      }}
      testId="account-card"
      title={(d) => <CardTitle detail={d} />}
      extra={(d) => (
        <Space>
          <ReviewControl detail={d} revision={revision + record.generation} />
          <CardPrintButton detail={d} />
          <CardActions
            detail={d}
            onEdit={onEdit}
            onDeleted={() => {
              onClose();
              onChanged();
            }}
          />
        </Space>
      )}
    >
      {(d) => (
        <CardTabs
          key={d.id}
          detail={d}
          // Both only grow: the tabs refetch after a change here and after a colleague's live one.
          revision={revision + record.generation}
          onOpenAccount={onOpenAccount}
          onChanged={onChanged}
        />
      )}
    </RecordDrawer>
  );
}

function CardTitle({ detail }: { detail: AccountDetail }) {
  return (
    <RecordTitle name={detail.name} nameTestId="account-card-name">
      {detail.uscc && (
        <Typography.Text type="secondary" className="mono" copyable data-testid="account-card-uscc">
          {detail.uscc}
        </Typography.Text>
      )}
      <BuyerTypeTag value={detail.buyerType} />
      <GradeTag value={detail.grade} />
      <LifecycleBadge value={detail.lifecycle} />
    </RecordTitle>
  );
}

function CardActions(props: {
  detail: AccountDetail;
  onEdit: (d: AccountDetail) => void;
  onDeleted: () => void;
}) {
  const { detail, onEdit, onDeleted } = props;
  const t = useT();
  const { user } = useSession();

  // Editing and deleting are for the account's team and managers (the server checks it too).
  if (!canChangeAccount(user, detail)) return null;
  return (
    <Space>
      <Button icon={<EditOutlined />} onClick={() => onEdit(detail)} data-testid="account-edit">
        {t('common.edit')}
      </Button>
      <DeleteButton
        testId="account-delete"
        request={{
          title: t('account.deleteConfirmTitle', { name: detail.name }),
          body: t('account.deleteConfirmBody'),
          done: t('account.deleted', { name: detail.name }),
          refused: t('account.deleteRefused'),
          confirmTestId: 'account-delete-confirm',
          run: () => call('accounts.delete', { id: detail.id }),
          onDeleted,
        }}
      />
    </Space>
  );
}

function CardTabs(props: {
  detail: AccountDetail;
  revision: number;
  onOpenAccount: (id: number) => void;
  onChanged: () => void;
}) {
  const { detail, revision, onOpenAccount, onChanged } = props;
  const t = useT();
  const tab = cardTab('tab-');
  return (
    <Tabs
      className="account-card__tabs"
      items={[
        tab(
          'details',
          t('account.tabDetails'),
          null,
          <DetailsTab detail={detail} onOpenAccount={onOpenAccount} onChanged={onChanged} />,
        ),
        tab(
          'contacts',
          t('account.tabContacts'),
          detail.contactCount,
          <ContactsTab account={detail} revision={revision} onChanged={onChanged} />,
        ),
        tab(
          'subordinates',
          t('account.tabSubordinates'),
          detail.subordinateCount,
          <SubordinatesTab accountId={detail.id} onOpenAccount={onOpenAccount} />,
        ),
        tab('fleet', t('account.tabFleet'), detail.fleetTotal, <FleetTab fleet={detail.fleet} />),
        tab(
          'opportunities',
          t('nav.opportunities'),
          null,
          <AccountOpportunitiesTab accountId={detail.id} revision={revision} />,
        ),
        tab(
          'activities',
          t('nav.activities'),
          null,
          <AccountActivitiesTab accountId={detail.id} revision={revision} />,
        ),
        tab(
          'claims',
          t('claims.accountTab'),
          null,
          <AccountClaimsTab account={{ id: detail.id, name: detail.name }} revision={revision} />,
        ),
        tab(
          'transactions',
          t('value.tab'),
          null,
          <TransactionsTab accountId={detail.id} revision={revision} />,
        ),
        tab(
          'history',
          t('account.tabHistory'),
          null,
          <HistoryTab accountId={detail.id} revision={revision} />,
        ),
      ]}
    />
  );
}
