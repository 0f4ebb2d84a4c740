/**
 * 经理特批: a manager lets a filing with failed checks be submitted. The dialog says which checks
 * (and what they found) the override covers; the written reason goes on record with it.
 */
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { FILING_CHECKS } from '../../../../shared/filing-enums';
import type { FilingDetail } from '../../../../shared/schemas/filings';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { problemText } from './problem-text';

export function OverrideDialog(props: {
  detail: FilingDetail;
  onClose: () => void;
  onDone: (detail: FilingDetail) => void;
}) {
  const { detail, onClose, onDone } = props;
  const t = useT();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const failed = detail.checks.filter((c) => c.pass === false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    const r = await call('filings.override', { id: detail.id, reason: values.reason.trim() });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    void message.success(t('filings.overrideDone'));
    onDone(r.value);
  };

  return (
    <Modal
      open
      title={t('filings.overrideTitle', { number: detail.number })}
      okText={t('filings.override')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, ...testId('override-submit') }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={600}
      destroyOnHidden
      data-testid="override-dialog"
    >
      <Alert type="warning" showIcon className="gap-bottom" title={t('filings.overrideBody')} />
      <ul className="fil-override-list" data-testid="override-checks">
        {failed.map((c) => (
          <li key={c.check} data-check={c.check}>
            <strong>{label(FILING_CHECKS, c.check)}</strong>
            {c.problems.length > 0 && (
              <span className="fil-muted">
                {'：'}
                {c.problems
                  .slice(0, 3)
                  .map((p) => problemText(c.check, p, t, label))
                  .join('；')}
                {c.problems.length > 3 && ` ${t('filings.andMore', { n: c.problems.length })}`}
              </span>
            )}
          </li>
        ))}
      </ul>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('filings.overrideReason')}
          rules={[
            { required: true, whitespace: true, message: t('filings.overrideReasonRequired') },
            { max: 2000, message: t('val.maxLength', { max: 2000 }) },
          ]}
        >
          <Input.TextArea
            rows={4}
            autoFocus
            placeholder={t('filings.overrideReasonPlaceholder')}
            data-testid="override-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
