/** 记录回访: records an after-delivery follow-up as done, with what was learnt. */
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { itemTitle } from '../calendar/item-text';
import { testId } from '../../lib/test-id';

interface Props {
  /** A calendar item of kind follow_up: its entityId is the follow-up. */
  item: CalendarItem;
  onClose: () => void;
  onDone: () => void;
}

export function FollowUpModal({ item, onClose, onDone }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<{ outcome: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    const r = await call('followUps.complete', { id: item.entityId, outcome: v.outcome.trim() });
    setBusy(false);
    if (r.ok) onDone();
    else setError(r.error);
  };

  return (
    <Modal
      open
      title={t('myDay.followUpTitle')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={testId('followup-save')}
      // The test id goes on the dialog box itself (the modal root has no size of its own).
      modalRender={(node) => <div data-testid="followup-form">{node}</div>}
    >
      <div className="md-followup__subject">
        <div className="md-followup__title">{itemTitle(item, lang)}</div>
        {item.accountName && <div className="md-followup__sub">{item.accountName}</div>}
      </div>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="outcome"
          label={t('myDay.followUpOutcome')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 2000, message: t('val.maxLength', { max: 2000 }) },
          ]}
        >
          <Input.TextArea
            autoFocus
            autoSize={{ minRows: 4, maxRows: 10 }}
            placeholder={t('myDay.followUpPlaceholder')}
            data-testid="followup-outcome"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
