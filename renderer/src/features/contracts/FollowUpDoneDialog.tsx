/** 记录回访: what the customer said after delivery, which closes the follow-up. */
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { FollowUp } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { testId } from '../../lib/test-id';

export function FollowUpDoneDialog(props: {
  followUp: FollowUp;
  onClose: () => void;
  onDone: (done: FollowUp) => void;
}) {
  const { followUp: f, onClose, onDone } = props;
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    const r = await call('followUps.complete', { id: f.id, outcome: values.outcome });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    void message.success(t('contracts.followUpRecorded'));
    onDone(r.value);
  };

  return (
    <Modal
      open
      title={t('contracts.followUpDone')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, ...testId('fu-submit') }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="follow-up-dialog"
    >
      <p className="con-muted">
        {t('contracts.followUpAbout', {
          number: f.contractNo,
          party: f.unitName ?? f.accountName,
          date: formatDate(f.deliveredOn, lang),
          days: f.days,
        })}
      </p>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="outcome"
          label={t('contracts.followUpOutcome')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 2000, message: t('val.maxLength', { max: 2000 }) },
          ]}
        >
          <Input.TextArea
            rows={4}
            autoFocus
            placeholder={t('contracts.followUpOutcomePlaceholder')}
            data-testid="fu-outcome"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
