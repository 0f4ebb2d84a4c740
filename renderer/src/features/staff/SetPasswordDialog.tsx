/** An admin gives a colleague a one-time password (first sign-in, or a forgotten password). */
import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import type { Staff } from '../../../../shared/schemas/staff';
import { call } from '../../api/client';
import { fieldIssues, issueText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';

export function SetPasswordDialog(props: {
  target: Staff;
  onClose: () => void;
  onSet: (staff: Staff) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    const r = await call('staff.setPassword', { id: props.target.id, password: v.password });
    setBusy(false);
    if (r.ok) {
      void message.success(t('staff.passwordSet', { name: props.target.name }));
      props.onSet(r.value);
      return;
    }
    const issue = fieldIssues(r.error).find((i) => i.path === 'password');
    if (issue) form.setFields([{ name: 'password', errors: [issueText(issue, t)] }]);
    else setError(r.error);
  };

  return (
    <Modal
      open
      title={t('staff.setPasswordTitle', { name: props.target.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('staff.setPasswordIntro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="password"
          label={t('password.oneTime')}
          extra={t('password.rule')}
          rules={[
            { required: true, message: t('signIn.passwordRequired') },
            { min: 10, message: t('val.password_too_short') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="set-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
