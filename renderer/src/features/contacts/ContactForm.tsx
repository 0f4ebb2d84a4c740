/** Add or change a contact (modal form). */
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import {
  ATTITUDES,
  type Attitude,
  CONTACT_LEVELS,
  type ContactLevel,
  PURCHASE_ROLES,
  type PurchaseRole,
} from '../../../../shared/enums';
import type { Contact } from '../../../../shared/schemas/contacts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { fieldIssues, issueText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { isValidPhone } from './phone';

interface Values {
  name: string;
  title: string;
  department: string;
  level: ContactLevel | null;
  purchaseRole: PurchaseRole | null;
  attitude: Attitude | null;
  phone: string;
  email: string;
  notes: string;
}

const FIELDS = new Set<string>([
  'name',
  'title',
  'department',
  'level',
  'purchaseRole',
  'attitude',
  'phone',
  'email',
  'notes',
]);

function toValues(c: Contact | null): Values {
  return {
    name: c?.name ?? '',
    title: c?.title ?? '',
    department: c?.department ?? '',
    level: c?.level ?? null,
    purchaseRole: c?.purchaseRole ?? null,
    attitude: c?.attitude ?? null,
    phone: c?.phone ?? '',
    email: c?.email ?? '',
    notes: c?.notes ?? '',
  };
}

const nullIfBlank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

interface Props {
  accountId: number;
  contact: Contact | null;
  onClose: () => void;
  onSaved: (contact: Contact) => void;
}

export function ContactForm({ accountId, contact, onClose, onSaved }: Props) {
  const t = useT();
  const options = useEnumOptions();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The contact as last loaded: its version goes with the update.
  const [base, setBase] = useState<Contact | null>(contact);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const input = {
      accountId,
      name: v.name.trim(),
      title: nullIfBlank(v.title),
      department: nullIfBlank(v.department),
      level: v.level ?? null,
      purchaseRole: v.purchaseRole ?? null,
      attitude: v.attitude ?? null,
      phone: nullIfBlank(v.phone),
      email: nullIfBlank(v.email),
      notes: nullIfBlank(v.notes),
    };
    setBusy(true);
    setError(null);
    const r = base
      ? await call('contacts.update', { ...input, id: base.id, version: base.version })
      : await call('contacts.create', input);
    setBusy(false);
    if (r.ok) return onSaved(r.value);
    const issues = fieldIssues(r.error).filter((i) => FIELDS.has(i.path));
    if (issues.length > 0)
      form.setFields(
        issues.map((i) => ({ name: i.path as keyof Values, errors: [issueText(i, t)] })),
      );
    else setError(r.error);
  };

  /** After a stale write: the contact as it is now, in the form. */
  const reload = async () => {
    if (!base) return;
    const r = await call('contacts.list', { accountId: base.accountId });
    if (!r.ok) return setError(r.error);
    const fresh = r.value.find((c) => c.id === base.id);
    if (!fresh) return setError({ code: 'NOT_FOUND', message: `contact #${base.id} is gone` });
    setBase(fresh);
    form.resetFields();
    form.setFieldsValue(toValues(fresh));
    setError(null);
  };

  const text = (max: number) => [{ max, message: t('val.maxLength', { max }) }];

  return (
    <Modal
      open
      title={contact ? t('contacts.edit') : t('contacts.add')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
      okButtonProps={testId('contact-form-save')}
      data-testid="contact-form"
    >
      {error && <ErrorAlert error={error} className="gap-bottom" onReload={() => void reload()} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(contact)}
        className="form-grid"
      >
        <Form.Item
          name="name"
          label={t('contact.name')}
          rules={[{ required: true, whitespace: true, message: t('val.required') }, ...text(50)]}
        >
          <Input autoFocus data-testid="cf-name" />
        </Form.Item>
        <Form.Item name="title" label={t('contact.title')} rules={text(50)}>
          <Input data-testid="cf-title" />
        </Form.Item>
        <Form.Item name="department" label={t('contact.department')} rules={text(80)}>
          <Input data-testid="cf-department" />
        </Form.Item>
        <Form.Item name="level" label={t('contact.level')}>
          <Select allowClear options={options(CONTACT_LEVELS)} data-testid="cf-level" />
        </Form.Item>
        <Form.Item name="purchaseRole" label={t('contact.purchaseRole')}>
          <Select allowClear options={options(PURCHASE_ROLES)} data-testid="cf-purchaseRole" />
        </Form.Item>
        <Form.Item name="attitude" label={t('contact.attitude')}>
          <Select allowClear options={options(ATTITUDES)} data-testid="cf-attitude" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('contact.phone')}
          validateTrigger="onBlur"
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v || isValidPhone(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('val.phoneFormat'))),
            },
          ]}
        >
          <Input placeholder="0571-8888 6666 转 801" data-testid="cf-phone" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('contact.email')}
          validateTrigger="onBlur"
          rules={[{ type: 'email', message: t('val.emailFormat') }]}
        >
          <Input data-testid="cf-email" />
        </Form.Item>
        <Form.Item
          name="notes"
          label={t('contact.notes')}
          rules={text(2000)}
          className="form-grid__wide"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="cf-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
