/**
 * 登记他店报备: the manufacturer told us another dealer claimed an account. Recorded with their
 * filing time as reported, it is ranked against our claims on the same organisation.
 */
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import type { ClaimDetail } from '../../../../shared/schemas/claims';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { AccountPicker } from '../../components/AccountPicker';
import { DateTimeInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';

interface Values {
  accountId: number | null;
  dealerName: string;
  filedAt: string | null;
  evidenceCount: number | null;
  customerWish: boolean;
  oemReference: string;
  notes: string;
}

export function ExternalClaimForm(props: {
  account?: { id: number; name: string } | null;
  onClose: () => void;
  onSaved: (saved: ClaimDetail) => void;
}) {
  const { account = null, onClose, onSaved } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.accountId === null || v.filedAt === null) return;
    setSaving(true);
    setError(null);
    const r = await call('claims.recordExternal', {
      accountId: v.accountId,
      dealerName: v.dealerName.trim(),
      filedAt: v.filedAt,
      evidenceCount: v.evidenceCount ?? null,
      customerWish: v.customerWish,
      oemReference: v.oemReference.trim() || null,
      notes: v.notes.trim() || null,
    });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    void message.success(t('claims.extDone'));
    onSaved(r.value);
  };

  const required = { required: true, whitespace: true, message: t('val.required') };
  return (
    <Modal
      open
      title={t('claims.extTitle')}
      width={720}
      okText={t('claims.extSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, ...testId('ext-form-submit') }}
      cancelButtonProps={testId('ext-form-cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="ext-form"
    >
      <Alert type="info" showIcon className="gap-bottom" title={t('claims.extIntro')} />
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="form-grid"
        initialValues={{
          accountId: account?.id ?? null,
          dealerName: '',
          filedAt: null,
          evidenceCount: null,
          customerWish: false,
          oemReference: '',
          notes: '',
        }}
      >
        <Form.Item
          name="accountId"
          label={t('claims.formAccount')}
          className="form-grid__wide"
          rules={[{ required: true, message: t('claims.accountRequired') }]}
        >
          <AccountPicker initial={account} disabled={account !== null} testId="ext-form-account" />
        </Form.Item>
        <Form.Item
          name="dealerName"
          label={t('claims.extDealer')}
          rules={[required, { max: 200, message: t('val.maxLength', { max: 200 }) }]}
        >
          <Input data-testid="ext-form-dealer" />
        </Form.Item>
        <Form.Item
          name="filedAt"
          label={t('claims.extFiledAt')}
          extra={t('claims.extFiledAtHint')}
          rules={[
            { required: true, message: t('val.required') },
            {
              validator: (_, v: string | null) =>
                v && Date.parse(v) > Date.now()
                  ? Promise.reject(new Error(t('claims.extFuture')))
                  : Promise.resolve(),
            },
          ]}
        >
          <DateTimeInput testId="ext-form-filed-at" />
        </Form.Item>
        <Form.Item name="evidenceCount" label={t('claims.extEvidence')}>
          <InputNumber
            min={0}
            max={10000}
            precision={0}
            className="full-width"
            data-testid="ext-form-evidence"
          />
        </Form.Item>
        <Form.Item
          name="oemReference"
          label={t('claims.extOemRef')}
          rules={[{ max: 100, message: t('val.maxLength', { max: 100 }) }]}
        >
          <Input className="mono" data-testid="ext-form-oem-ref" />
        </Form.Item>
        <Form.Item name="customerWish" valuePropName="checked" className="form-grid__wide">
          <Checkbox data-testid="ext-form-wish">{t('claims.extWish')}</Checkbox>
        </Form.Item>
        <Form.Item
          name="notes"
          label={t('claims.formNotes')}
          className="form-grid__wide"
          rules={[{ max: 2000, message: t('val.maxLength', { max: 2000 }) }]}
        >
          <Input.TextArea rows={2} data-testid="ext-form-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
