/** The account card (大客户档案卡): a drawer with the account's header, actions and tabs. */
import { useConfirmDelete } from '../../components/use-confirm-delete';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space, Tabs, Typography } from 'antd';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import { call } from '../../api/client';
import { canChangeAccount, useSession } from '../../app/session';
import { RecordDrawer } from '../../components/RecordDrawer';
import { RecordTitle } from '../../components/RecordTitle';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
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
  const { detail, error, loading, reload, generation } = useAccount(accountId, revision);

  return (
    <RecordDrawer
      open={accountId !== null}
      onClose={onClose}
      detail={detail}
      error={error}
      loading={loading}
      onRetry={reload}
      words={{
        card: 'account.card',
        notFound: 'account.notFound',
        loadFailed: 'account.loadFailed',
      }}
      testId="account-card"
      title={(d) => <CardTitle detail={d} />}
      extra={(d) => (
        <CardActions
          detail={d}
          onEdit={onEdit}
          onDeleted={() => {
            onClose();
            onChanged();
          }}
        />
      )}
    >
      {(d) => (
        <CardTabs
          key={d.id}
          detail={d}
          // Both only grow: the tabs refetch after a change here and after a colleague's live one.
          revision={revision + generation}
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
  const { deleting, confirm } = useConfirmDelete();
  const remove = () =>
    confirm({
      title: t('account.deleteConfirmTitle', { name: detail.name }),
      body: t('account.deleteConfirmBody'),
      done: t('account.deleted', { name: detail.name }),
      refused: t('account.deleteRefused'),
      confirmTestId: 'account-delete-confirm',
      run: () => call('accounts.delete', { id: detail.id }),
      onDeleted,
    });

  // Editing and deleting are for the account's team and managers (the server checks it too).
  if (!canChangeAccount(user, detail)) return null;
  return (
    <Space>
      <Button icon={<EditOutlined />} onClick={() => onEdit(detail)} data-testid="account-edit">
        {t('common.edit')}
      </Button>
      <Button
        danger
        icon={<DeleteOutlined />}
        loading={deleting}
        onClick={remove}
        data-testid="account-delete"
      >
        {t('common.delete')}
      </Button>
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
          label: <span data-testid="tab-details">{t('account.tabDetails')}</span>,
          children: (
            <DetailsTab detail={detail} onOpenAccount={onOpenAccount} onChanged={onChanged} />
          ),
        },
        {
          key: 'contacts',
          label: (
            <span data-testid="tab-contacts">
              {counted(t('account.tabContacts'), detail.contactCount)}
            </span>
          ),
          children: <ContactsTab account={detail} revision={revision} onChanged={onChanged} />,
        },
        {
          key: 'subordinates',
          label: (
            <span data-testid="tab-subordinates">
              {counted(t('account.tabSubordinates'), detail.subordinateCount)}
            </span>
          ),
          children: <SubordinatesTab accountId={detail.id} onOpenAccount={onOpenAccount} />,
        },
        {
          key: 'fleet',
          label: (
            <span data-testid="tab-fleet">{counted(t('account.tabFleet'), detail.fleetTotal)}</span>
          ),
          children: <FleetTab fleet={detail.fleet} />,
        },
        {
          key: 'opportunities',
          label: <span data-testid="tab-opportunities">{t('nav.opportunities')}</span>,
          children: <AccountOpportunitiesTab accountId={detail.id} revision={revision} />,
        },
        {
          key: 'activities',
          label: <span data-testid="tab-activities">{t('nav.activities')}</span>,
          children: <AccountActivitiesTab accountId={detail.id} revision={revision} />,
        },
        {
          key: 'claims',
          label: <span data-testid="tab-claims">{t('claims.accountTab')}</span>,
          children: (
            <AccountClaimsTab account={{ id: detail.id, name: detail.name }} revision={revision} />
          ),
        },
        {
          key: 'history',
          label: <span data-testid="tab-history">{t('account.tabHistory')}</span>,
          children: <HistoryTab accountId={detail.id} revision={revision} />,
        },
      ]}
    />
  );
}
