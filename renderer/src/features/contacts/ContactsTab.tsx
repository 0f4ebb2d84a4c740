/** 联系人: the contacts of an account, with add/edit/delete and on-demand personal details. */
import {
  DeleteOutlined,
  EditOutlined,
  IdcardOutlined,
  LockOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ATTITUDES, type Attitude, CONTACT_LEVELS, PURCHASE_ROLES } from '../../../../shared/enums';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import type { Contact } from '../../../../shared/schemas/contacts';
import type { ApiError } from '../../../../shared/result';
import { canChangeAccount, canSeePersonal, useSession } from '../../app/session';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { ContactForm } from './ContactForm';
import { PersonalDetailsModal } from './PersonalDetailsModal';

const ATTITUDE_COLORS: Record<Attitude, string> = {
  supporter: 'green',
  neutral: 'default',
  opponent: 'red',
  unknown: 'default',
};

export function ContactsTab({
  account,
  revision,
  onChanged,
}: {
  account: AccountDetail;
  /** Grows when the account changed here or live: the list is fetched again. */
  revision: number;
  onChanged: () => void;
}) {
  const t = useT();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const { user } = useSession();
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [personalOf, setPersonalOf] = useState<Contact | null>(null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const allowedPersonal = canSeePersonal(user, account);
  // Contacts are changed by the account's team and managers (the server checks it too).
  const mayChange = canChangeAccount(user, account);

  useEffect(() => {
    let live = true;
    void call('contacts.list', { accountId: account.id }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setContacts(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [account.id, generation, revision]);

  const changed = () => {
    reload();
    onChanged();
  };

  const remove = async (c: Contact) => {
    const r = await call('contacts.delete', { id: c.id });
    if (r.ok) {
      void message.success(t('contacts.deleted', { name: c.name }));
      changed();
    } else void message.error(errorText(r.error, t));
  };

  return (
    <div data-testid="contacts-tab">
      <div className="tab-toolbar">
        {mayChange && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="contact-add"
          >
            {t('contacts.add')}
          </Button>
        )}
        <Typography.Text type="secondary" className="tab-toolbar__note">
          <LockOutlined /> {t('contacts.personalNote')}
        </Typography.Text>
      </div>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<Contact>
        size="small"
        rowKey="id"
        loading={contacts === null && !error}
        dataSource={contacts ?? []}
        pagination={false}
        locale={{ emptyText: t('contacts.empty') }}
        scroll={{ x: 980 }}
        data-testid="contacts-table"
        onRow={(c) => ({ className: 'contact-row', ...testId(`contact-row-${c.id}`) })}
        columns={[
          { key: 'name', title: t('contact.name'), dataIndex: 'name', width: 110, fixed: 'left' },
          { key: 'title', title: t('contact.title'), dataIndex: 'title', width: 110 },
          {
            key: 'department',
            title: t('contact.department'),
            dataIndex: 'department',
            width: 120,
          },
          {
            key: 'level',
            title: t('contact.level'),
            width: 80,
            render: (_, c) => label(CONTACT_LEVELS, c.level),
          },
          {
            key: 'purchaseRole',
            title: t('contact.purchaseRole'),
            width: 110,
            render: (_, c) =>
              c.purchaseRole && <Tag color="geekblue">{label(PURCHASE_ROLES, c.purchaseRole)}</Tag>,
          },
          {
            key: 'attitude',
            title: t('contact.attitude'),
            width: 80,
            render: (_, c) =>
              c.attitude && (
                <Tag color={ATTITUDE_COLORS[c.attitude]}>{label(ATTITUDES, c.attitude)}</Tag>
              ),
          },
          { key: 'phone', title: t('contact.phone'), dataIndex: 'phone', width: 150 },
          {
            key: 'email',
            title: t('contact.email'),
            dataIndex: 'email',
            width: 180,
            ellipsis: true,
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 260,
            fixed: 'right',
            render: (_, c) => (
              <Space size={0}>
                <Tooltip title={allowedPersonal ? undefined : t('contacts.personalForbidden')}>
                  <Button
                    type="link"
                    size="small"
                    icon={<IdcardOutlined />}
                    disabled={!allowedPersonal}
                    onClick={() => setPersonalOf(c)}
                    data-testid={`contact-personal-${c.id}`}
                  >
                    {t('contacts.showPersonal')}
                    {c.hasPersonal && (
                      <span className="dot" aria-label={t('contacts.hasPersonal')} />
                    )}
                  </Button>
                </Tooltip>
                {mayChange && (
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(c)}
                    data-testid={`contact-edit-${c.id}`}
                  >
                    {t('common.edit')}
                  </Button>
                )}
                {mayChange && (
                  <Popconfirm
                    title={t('contacts.deleteConfirm', { name: c.name })}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true, ...testId('contact-delete-confirm') }}
                    onConfirm={() => remove(c)}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      data-testid={`contact-delete-${c.id}`}
                    >
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ContactForm
          accountId={account.id}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            void message.success(t('contacts.saved', { name: c.name }));
            changed();
          }}
        />
      )}
      {personalOf && (
        <PersonalDetailsModal
          contact={personalOf}
          onClose={() => setPersonalOf(null)}
          onSaved={changed}
        />
      )}
    </div>
  );
}
