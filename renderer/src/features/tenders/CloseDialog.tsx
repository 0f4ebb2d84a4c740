/** 流标/终止: mark a tender failed (流标/废标) or cancelled, with the reason. */
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import type { TenderDetail } from '../../../../shared/schemas/tenders';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';

interface Values {
  status: 'failed' | 'cancelled';
  reason: string;
}

export function CloseDialog(props: {
  detail: TenderDetail;
  onClose: () => void;
  onDone: (saved: TenderDetail) => void;
}) {
  const { detail, onClose, onDone } = props;
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    setError(null);
    const r = await call('tenders.close', { id: detail.id, status: v.status, reason: v.reason });
    setSaving(false);
    if (r.ok) onDone(r.value);
    else setError(r.error);
  };

  return (
    <Modal
      open
      title={t('tenders.close.title', { projectNo: detail.projectNo })}
      okText={t('tenders.close.submit')}
      okButtonProps={{ danger: true, loading: saving, ...testId('close-submit') }}
      cancelText={t('common.cancel')}
      cancelButtonProps={testId('close-cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="close-dialog"
    >
      <Alert type="info" showIcon className="gap-bottom" title={t('tenders.close.hint')} />
      <Form<Values> form={form} layout="vertical" initialValues={{ status: 'failed', reason: '' }}>
        <Form.Item name="status" label={t('tenders.close.which')}>
          <Radio.Group data-testid="close-status">
            <Radio value="failed" data-testid="close-status-failed">
              {t('tenders.close.failed')}
            </Radio>
            <Radio value="cancelled" data-testid="close-status-cancelled">
              {t('tenders.close.cancelled')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('tenders.close.reason')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 1000, message: t('val.maxLength', { max: 1000 }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            placeholder={t('tenders.close.reasonPlaceholder')}
            data-testid="close-reason"
          />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} data-testid="close-error" />}
    </Modal>
  );
}
