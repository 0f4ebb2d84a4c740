/** 丢单: the reason is required; the note, the winner and the winning price are kept for analysis. */
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { LOST_REASONS, type LostReason } from '../../../../shared/sales-enums';
import type { ApiError } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MoneyInput } from '../../components/MoneyInput';
import { useEnumOptions, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';

export interface LostFacts {
  lostReason: LostReason;
  lostNote: string | null;
  winnerName: string | null;
  winningPriceFen: number | null;
}

interface Values {
  lostReason?: LostReason;
  lostNote?: string;
  winnerName?: string;
  winningPriceFen?: number | null;
}

const textOrNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

export function LostDialog(props: {
  title: string;
  onCancel: () => void;
  /** Resolves with the refusal, if any, to show in the dialog. */
  onSubmit: (facts: LostFacts) => Promise<ApiError | null>;
}) {
  const t = useT();
  const options = useEnumOptions();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v?.lostReason) return;
    setSaving(true);
    const refused = await props.onSubmit({
      lostReason: v.lostReason,
      lostNote: textOrNull(v.lostNote),
      winnerName: textOrNull(v.winnerName),
      winningPriceFen: v.winningPriceFen ?? null,
    });
    setSaving(false);
    setError(refused);
  };

  const max = (n: number) => ({ max: n, message: t('val.maxLength', { max: n }) });

  return (
    <Modal
      open
      title={t('opp.lostTitle', { title: props.title })}
      okText={t('opp.lostConfirm')}
      okButtonProps={{ danger: true, loading: saving, ...testId('lost-confirm') }}
      cancelText={t('common.cancel')}
      cancelButtonProps={testId('lost-cancel')}
      onOk={() => void submit()}
      onCancel={props.onCancel}
      destroyOnHidden
      data-testid="lost-dialog"
    >
      <Alert type="info" showIcon className="gap-bottom" title={t('opp.lostIntro')} />
      <Form<Values> form={form} layout="vertical" className="opp-dialog-form">
        <Form.Item
          name="lostReason"
          label={t('opp.lostReason')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <Select
            autoFocus
            options={options(LOST_REASONS)}
            placeholder={t('common.choose')}
            data-testid="lost-reason"
          />
        </Form.Item>
        <Form.Item name="lostNote" label={t('opp.lostNote')} rules={[max(1000)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="lost-note" />
        </Form.Item>
        <div className="form-grid">
          <Form.Item name="winnerName" label={t('opp.winnerName')} rules={[max(200)]}>
            <Input placeholder={t('opp.winnerPlaceholder')} data-testid="lost-winner" />
          </Form.Item>
          <Form.Item name="winningPriceFen" label={t('opp.winningPrice')}>
            <MoneyInput testId="lost-price" />
          </Form.Item>
        </div>
      </Form>
      {error && <ErrorAlert error={error} data-testid="lost-error" />}
    </Modal>
  );
}
