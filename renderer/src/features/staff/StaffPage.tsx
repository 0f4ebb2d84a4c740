/** 员工 Staff: everyone sees the list; managers and admins add and edit (see staff-rules). */
import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../../../shared/enums';
import type { Staff } from '../../../../shared/schemas/staff';
import type { ApiError } from '../../../../shared/result';
import { useSession } from '../../app/session';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { SetPasswordDialog } from './SetPasswordDialog';
import { StaffForm } from './StaffForm';
import { canEditStaff, canManageStaff } from './staff-rules';

const ROLE_COLORS: Record<StaffRole, string> = {
  specialist: 'default',
  manager: 'blue',
  admin: 'volcano',
};

// Deactivated members last; the server already sorts by name.
const activeFirst = (list: Staff[]) =>
  [...list].sort((a, b) => Number(b.active) - Number(a.active));

export function StaffPage() {
  const t = useT();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const { user, info, reloadStaff, updateUser } = useSession();
  // Logins and passwords matter where people sign in with them: a team server.
  const team = info.signIn === 'password';
  const [settingPassword, setSettingPassword] = useState<Staff | null>(null);
  const [rows, setRows] = useState<Staff[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);
  const [generation, setGeneration] = useState(0);
  const manager = canManageStaff(user);

  useEffect(() => {
    let live = true;
    void call('staff.list', { includeInactive: true }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setRows(activeFirst(r.value));
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  const saved = (staff: Staff) => {
    const created = editing === 'new';
    setEditing(null);
    setGeneration((g) => g + 1);
    reloadStaff();
    if (staff.id === user.id) updateUser(staff);
    void message.success(t(created ? 'staff.created' : 'staff.saved', { name: staff.name }));
  };

  return (
    <div className="page page--fill staff-page" data-testid="staff-page">
      <div className="tab-toolbar">
        <Tooltip title={manager ? undefined : t('staff.managersOnly')}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!manager}
            onClick={() => setEditing('new')}
            data-testid="staff-add"
          >
            {t('staff.add')}
          </Button>
        </Tooltip>
        <Typography.Text type="secondary" className="tab-toolbar__note">
          {t('staff.note')}
        </Typography.Text>
      </div>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Table<Staff>
        size="small"
        rowKey="id"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: t('staff.empty') }}
        onRow={(s) => ({
          className: s.active ? 'staff-row' : 'staff-row staff-row--inactive',
          ...testId(`staff-row-${s.id}`),
        })}
        columns={[
          {
            key: 'name',
            title: t('staff.name'),
            width: 160,
            render: (_, s) => (
              <Space size={6}>
                <span className="cell-name">{s.name}</span>
                {s.id === user.id && <Tag color="green">{t('staff.you')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'role',
            title: t('staff.role'),
            width: 130,
            render: (_, s) => <Tag color={ROLE_COLORS[s.role]}>{label(STAFF_ROLES, s.role)}</Tag>,
          },
          { key: 'phone', title: t('staff.phone'), dataIndex: 'phone', width: 160 },
          { key: 'email', title: t('staff.email'), dataIndex: 'email', ellipsis: true },
          ...(team
            ? [
                {
                  key: 'login',
                  title: t('staff.login'),
                  width: 120,
                  render: (_: unknown, s: Staff) => s.login ?? '',
                },
                {
                  key: 'password',
                  title: t('staff.passwordState'),
                  width: 100,
                  render: (_: unknown, s: Staff) =>
                    !s.hasPassword ? (
                      <Tag>{t('staff.passwordNone')}</Tag>
                    ) : s.mustChangePassword ? (
                      <Tag color="warning">{t('staff.passwordOneTime')}</Tag>
                    ) : (
                      <Tag color="success">{t('staff.passwordOk')}</Tag>
                    ),
                },
              ]
            : []),
          {
            key: 'status',
            title: t('staff.status'),
            width: 90,
            render: (_, s) =>
              s.active ? (
                <Tag color="success">{t('staff.active')}</Tag>
              ) : (
                <Tag>{t('staff.inactive')}</Tag>
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: team ? 220 : 100,
            render: (_, s) => {
              const allowed = canEditStaff(user, s);
              return (
                <Space size={0}>
                  <Tooltip title={allowed ? undefined : t('staff.managersOnly')}>
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      disabled={!allowed}
                      onClick={() => setEditing(s)}
                      data-testid={`staff-edit-${s.id}`}
                    >
                      {t('common.edit')}
                    </Button>
                  </Tooltip>
                  {team && user.role === 'admin' && s.login && s.active && (
                    <Button
                      type="link"
                      size="small"
                      icon={<KeyOutlined />}
                      onClick={() => setSettingPassword(s)}
                      data-testid={`staff-password-${s.id}`}
                    >
                      {t('staff.setPassword')}
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      {settingPassword && (
        <SetPasswordDialog
          target={settingPassword}
          onClose={() => setSettingPassword(null)}
          onSet={() => {
            setSettingPassword(null);
            setGeneration((g) => g + 1);
          }}
        />
      )}
      {editing && (
        <StaffForm
          key={editing === 'new' ? 'new' : editing.id}
          target={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </div>
  );
}
