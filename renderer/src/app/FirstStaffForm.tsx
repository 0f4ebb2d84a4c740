/** The first staff member of an empty install creates themself, then is signed in. */
import { Button, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { STAFF_ROLES, type StaffRole } from '../../../shared/enums';
import type { Staff } from '../../../shared/schemas/staff';
import type { ApiError } from '../../../shared/result';
import { call } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { useEnumOptions, useT } from '../i18n/context';

interface Values {
  name: string;
  role: StaffRole;
}

export function FirstStaffForm({ onSignedIn }: { onSignedIn: (user: Staff) => void }) {
  const t = useT();
  const options = useEnumOptions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    const signedIn = await call('auth.setUp', { name: values.name, role: values.role });
    setBusy(false);
    if (signedIn.ok) onSignedIn(signedIn.value);
    else setError(signedIn.error);
  };

  return (
    <>
      <Typography.Title level={3}>{t('who.firstTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('who.firstIntro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ role: 'manager' }}
        onFinish={(v) => void submit(v)}
        data-testid="first-staff-form"
      >
        <Form.Item
          name="name"
          label={t('staff.name')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 50, message: t('val.tooBig') },
          ]}
        >
          <Input autoFocus data-testid="first-staff-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('staff.role')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <Select options={options(STAFF_ROLES)} data-testid="first-staff-role" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="first-staff-submit">
          {t('who.firstSubmit')}
        </Button>
      </Form>
    </>
  );
}
