/** A team server's sign-in: login and password. Too many failures say until when to wait. */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../shared/result';
import type { Staff } from '../../../shared/schemas/staff';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n/context';
import { StartFrame } from './StartFrame';

interface Values {
  login: string;
  password: string;
}

export function SignInScreen(props: {
  /** Why the user is here again: the session ended (idle, deactivated, server restarted). */
  sessionLost: boolean;
  onSignedIn: (user: Staff) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [form] = Form.useForm<Values>();

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const r = await call('auth.signIn', values);
    setBusy(false);
    if (r.ok) props.onSignedIn(r.value.user);
    else {
      setError(r.error);
      form.setFieldValue('password', '');
    }
  };

  return (
    <StartFrame width={420}>
      <Typography.Title level={3}>{t('signIn.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('signIn.intro')}</Typography.Paragraph>
      {props.sessionLost && !error && (
        <Alert
          type="info"
          showIcon
          title={t('signIn.sessionLost')}
          className="gap-bottom"
          data-testid="session-lost"
        />
      )}
      {error && <ErrorAlert error={error} className="gap-bottom" data-testid="sign-in-error" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        data-testid="sign-in-form"
        requiredMark={false}
      >
        <Form.Item
          name="login"
          label={t('signIn.login')}
          rules={[{ required: true, message: t('signIn.loginRequired') }]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
            data-testid="sign-in-login"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('signIn.password')}
          rules={[{ required: true, message: t('signIn.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="sign-in-password"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in-submit">
          {t('signIn.submit')}
        </Button>
      </Form>
    </StartFrame>
  );
}
