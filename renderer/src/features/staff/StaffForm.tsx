/** Add or edit a staff member; controls the user may not change are disabled with the reason. */
import { Form, Input, Modal, Select, Switch, Tooltip } from 'antd';
import { useState } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../../../shared/enums';
import type { Staff } from '../../../../shared/schemas/staff';
import type { ApiError } from '../../../../shared/result';
import { useSession } from '../../app/session';
import { call } from '../../api/client';
import { fieldIssues, issueText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { activeLock, canManageStaff, roleChoiceLock, roleLock } from './staff-rules';

interface Values {
  name: string;
  role: StaffRole;
  phone: string;
  email: string;
  login: string;
  active: boolean;
}

const FIELDS = new Set<string>(['name', 'role', 'phone', 'email', 'login', 'active']);

const blankToNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

interface Props {
  /** null: a new staff member. */
  target: Staff | null;
  onClose: () => void;
  onSaved: (saved: Staff) => void;
}

export function StaffForm({ target, onClose, onSaved }: Props) {
  const t = useT();
  const options = useEnumOptions();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const lockedRole = roleLock(user, target);
  const lockedActive = activeLock(user, target);
  const roleOptions = options(STAFF_ROLES).map((o) => {
    const lock = roleChoiceLock(user, target, o.value);
    return { ...o, disabled: lock !== null, reason: lock ? t(lock) : null };
  });

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const input = {
      name: v.name.trim(),
      role: v.role,
      phone: blankToNull(v.phone),
      email: blankToNull(v.email),
      // Logins are given by managers and admins; others leave theirs as it is.
      ...(canManageStaff(user) ? { login: blankToNull(v.login) } : {}),
    };
    setBusy(true);
    setError(null);
    const r = target
      ? await call('staff.update', {
          ...input,
          id: target.id,
          active: v.active,
          version: target.version,
        })
      : await call('staff.create', input);
    setBusy(false);
    if (r.ok) return onSaved(r.value);
    const issues = fieldIssues(r.error);
    const placed = issues.filter((i) => FIELDS.has(i.path));
    form.setFields(
      placed.map((i) => ({ name: i.path as keyof Values, errors: [issueText(i, t)] })),
    );
    if (placed.length === 0 || placed.length < issues.length) setError(r.error);
  };

  return (
    <Modal
      open
      title={target ? t('staff.editTitle', { name: target.name }) : t('staff.addTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={520}
      okButtonProps={testId('staff-form-save')}
    >
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        className="form-grid"
        data-testid="staff-form"
        initialValues={{
          name: target?.name ?? '',
          role: target?.role ?? 'specialist',
          phone: target?.phone ?? '',
          email: target?.email ?? '',
          login: target?.login ?? '',
          active: target?.active ?? true,
        }}
      >
        <Form.Item
          name="name"
          label={t('staff.name')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 50, message: t('val.maxLength', { max: 50 }) },
          ]}
        >
          <Input autoFocus data-testid="sf-name" />
        </Form.Item>
        <Form.Item label={t('staff.role')} required>
          <Tooltip title={lockedRole ? t(lockedRole) : undefined}>
            <div>
              <Form.Item name="role" noStyle>
                <Select
                  disabled={lockedRole !== null}
                  options={roleOptions}
                  optionRender={(o) =>
                    o.data.reason ? (
                      <Tooltip title={o.data.reason} placement="right">
                        <span>{o.label}</span>
                      </Tooltip>
                    ) : (
                      o.label
                    )
                  }
                  data-testid="sf-role"
                />
              </Form.Item>
            </div>
          </Tooltip>
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('staff.phone')}
          rules={[{ max: 30, message: t('val.maxLength', { max: 30 }) }]}
        >
          <Input data-testid="sf-phone" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('staff.email')}
          rules={[{ type: 'email', message: t('val.emailFormat') }]}
        >
          <Input data-testid="sf-email" />
        </Form.Item>
        {canManageStaff(user) && (
          <Form.Item name="login" label={t('staff.login')} extra={t('staff.loginHint')}>
            <Input autoComplete="off" data-testid="sf-login" />
          </Form.Item>
        )}
        {target && (
          <Form.Item label={t('staff.status')}>
            <Tooltip title={lockedActive ? t(lockedActive) : undefined}>
              <span className="staff-form__switch">
                <Form.Item name="active" valuePropName="checked" noStyle>
                  <Switch
                    disabled={lockedActive !== null}
                    checkedChildren={t('staff.active')}
                    unCheckedChildren={t('staff.inactive')}
                    data-testid="sf-active"
                  />
                </Form.Item>
              </span>
            </Tooltip>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
