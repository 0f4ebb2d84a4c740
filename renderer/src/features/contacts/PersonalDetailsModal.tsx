/**
 * Personal details of a contact (PIPL). They are fetched only when this modal opens, every read is
 * logged by the server, and only the account owner and managers get them.
 */
import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Space,
  Spin,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import type { Contact, ContactPersonal } from '../../../../shared/schemas/contacts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { errorKind } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { formatDate } from '../../lib/format';

type TextField = Exclude<keyof ContactPersonal, 'birthday'>;

const TEXT_FIELDS: readonly { name: TextField; key: MessageKey; max: number; long?: boolean }[] = [
  { name: 'hometown', key: 'personal.hometown', max: 100 },
  { name: 'education', key: 'personal.education', max: 100 },
  { name: 'hobbies', key: 'personal.hobbies', max: 500, long: true },
  { name: 'schedule', key: 'personal.schedule', max: 500, long: true },
  { name: 'careerGoals', key: 'personal.careerGoals', max: 500, long: true },
  { name: 'family', key: 'personal.family', max: 500, long: true },
  { name: 'notes', key: 'personal.notes', max: 2000, long: true },
];

type FormValues = Record<TextField, string> & { birthday: Dayjs | null };

function toForm(p: ContactPersonal): FormValues {
  return {
    birthday: p.birthday ? dayjs(p.birthday) : null,
    hometown: p.hometown ?? '',
    education: p.education ?? '',
    hobbies: p.hobbies ?? '',
    schedule: p.schedule ?? '',
    careerGoals: p.careerGoals ?? '',
    family: p.family ?? '',
    notes: p.notes ?? '',
  };
}

function fromForm(v: FormValues): ContactPersonal {
  const text = (s: string | undefined) => (s && s.trim() ? s.trim() : null);
  return {
    birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : null,
    hometown: text(v.hometown),
    education: text(v.education),
    hobbies: text(v.hobbies),
    schedule: text(v.schedule),
    careerGoals: text(v.careerGoals),
    family: text(v.family),
    notes: text(v.notes),
  };
}

export function PersonalDetailsModal(props: {
  contact: Contact;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { contact, onClose, onSaved } = props;
  const t = useT();
  const { lang } = useLang();
  const [personal, setPersonal] = useState<ContactPersonal | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<FormValues>();

  useEffect(() => {
    let live = true;
    void call('contacts.getPersonal', { contactId: contact.id }).then((r) => {
      if (!live) return;
      if (r.ok) setPersonal(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [contact.id]);

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    const r = await call('contacts.setPersonal', {
      contactId: contact.id,
      personal: fromForm(values),
    });
    setSaving(false);
    if (r.ok) {
      setPersonal(r.value);
      setEditing(false);
      setError(null);
      onSaved();
    } else setError(r.error);
  };

  const forbidden = error !== null && errorKind(error) === 'pipl';
  const show = (v: ReactNode) =>
    v === null || v === '' ? <span className="cell-empty">—</span> : v;

  let body: ReactNode;
  if (forbidden) {
    body = (
      <Result
        status="403"
        title={t('contacts.personalForbidden')}
        subTitle={t('contacts.personalForbiddenHint')}
      />
    );
  } else if (!personal) {
    body = error ? (
      <ErrorAlert error={error} />
    ) : (
      <div className="center-pad">
        <Spin />
      </div>
    );
  } else if (editing) {
    body = (
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={toForm(personal)}
        className="form-grid"
      >
        <Form.Item name="birthday" label={t('personal.birthday')}>
          <DatePicker className="full-width" data-testid="pf-birthday" />
        </Form.Item>
        {TEXT_FIELDS.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={t(f.key)}
            rules={[{ max: f.max, message: t('val.maxLength', { max: f.max }) }]}
            className={f.long ? 'form-grid__wide' : undefined}
          >
            {f.long ? (
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} data-testid={`pf-${f.name}`} />
            ) : (
              <Input data-testid={`pf-${f.name}`} />
            )}
          </Form.Item>
        ))}
        {error && <ErrorAlert error={error} className="form-grid__wide" />}
      </Form>
    );
  } else {
    body = (
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 140 } }}
        data-testid="personal-details"
        items={[
          {
            key: 'birthday',
            label: t('personal.birthday'),
            children: show(formatDate(personal.birthday, lang)),
          },
          ...TEXT_FIELDS.map((f) => ({
            key: f.name,
            label: t(f.key),
            children: show(
              personal[f.name] && <span className="pre-wrap">{personal[f.name]}</span>,
            ),
          })),
        ]}
      />
    );
  }

  const footer =
    forbidden || !personal ? (
      <Button onClick={onClose}>{t('common.close')}</Button>
    ) : editing ? (
      <Space>
        <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          loading={saving}
          onClick={() => void save()}
          data-testid="personal-save"
        >
          {t('common.save')}
        </Button>
      </Space>
    ) : (
      <Space>
        <Button
          icon={<EditOutlined />}
          onClick={() => setEditing(true)}
          data-testid="personal-edit"
        >
          {t('common.edit')}
        </Button>
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      </Space>
    );

  return (
    <Modal
      open
      title={t('contacts.personalTitle', { name: contact.name })}
      onCancel={onClose}
      footer={footer}
      width={620}
      destroyOnHidden
      data-testid="personal-modal"
    >
      {!forbidden && (
        <Alert
          type="info"
          showIcon
          icon={<EyeOutlined />}
          title={t('contacts.personalLogged')}
          className="gap-bottom"
        />
      )}
      {body}
    </Modal>
  );
}
