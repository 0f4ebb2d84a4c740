/**
 * Changing one's own password: required after a one-time password (shown in place of the app),
 * and offered from the user menu. The server's policy decides; its reasons are shown per field.
 */
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../shared/result';
import type { Staff } from '../../../shared/schemas/staff';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n/context';

interface Values {
  current: string;
  next: string;
  repeat: string;
}

export function ChangePasswordForm(props: {
  /** A one-time password: the text says why this comes first. */
  required: boolean;
  onChanged: (user: Staff) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async ({ current, next }: Values) => {
    setBusy(true);
    setError(null);
    const r = await call('auth.changePassword', { current, next });
    setBusy(false);
    if (r.ok) props.onChanged(r.value);
    else setError(r.error);
  };

  return (
    <>
      <Typography.Title level={3}>{t('password.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {props.required ? t('password.requiredIntro') : t('password.intro')}
      </Typography.Paragraph>
      {error && <ErrorAlert error={error} className="gap-bottom" data-testid="password-error" />}
      <Form<Values>
        layout="vertical"
        onFinish={(v) => void submit(v)}
        data-testid="change-password-form"
        requiredMark={false}
      >
        <Form.Item
          name="current"
          label={props.required ? t('password.oneTime') : t('password.current')}
          rules={[{ required: true, message: t('signIn.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="next"
          label={t('password.next')}
          extra={t('password.rule')}
          rules={[
            { required: true, message: t('signIn.passwordRequired') },
            { min: 10, message: t('val.password_too_short') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-next" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('password.repeat')}
          dependencies={['next']}
          rules={[
            { required: true, message: t('signIn.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                !value || getFieldValue('next') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-repeat" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
          {t('password.submit')}
        </Button>
        {props.onCancel && (
          <Button type="link" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </Form>
    </>
  );
}
