/**
 * 阶段赢率: the win rate of each open stage, which weights the pipeline forecast. Rates must not
 * fall from one stage to the next; won, lost and abandoned are fixed at 100 / 0 / 0.
 */
import { App, Button, Form, InputNumber, Space } from 'antd';
import { useState } from 'react';
import {
  CLOSED_PROBABILITIES,
  CLOSED_STAGES,
  DEFAULT_PROBABILITIES,
  OPEN_STAGES,
  STAGES,
} from '../../../../shared/sales-enums';
import type { ProbabilitySettings } from '../../../../shared/schemas/opportunities';
import type { ApiError, Result } from '../../../../shared/result';
import type { SalesSettings } from '../../../../shared/schemas/sales-settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { testId } from '../../lib/test-id';

/** What the stage means in the sales process (the domain's words). */
const STAGE_MEANINGS: Record<(typeof OPEN_STAGES)[number], MessageKey> = {
  interest: 'settings.stageInterest',
  brewing: 'settings.stageBrewing',
  design: 'settings.stageDesign',
  comparison: 'settings.stageComparison',
  commitment: 'settings.stageCommitment',
  in_use: 'settings.stageInUse',
};

interface Props {
  settings: SalesSettings;
  canEdit: boolean;
  save: (change: Partial<SalesSettings>) => Promise<Result<SalesSettings>>;
}

export function ProbabilitiesTab({ settings, canEdit, save }: Props) {
  const t = useT();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProbabilitySettings>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    const r = await save({ probabilities: v });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    form.resetFields();
    form.setFieldsValue(r.value.probabilities);
    void message.success(t('settings.saved'));
  };

  return (
    <div className="set-panel" data-testid="probabilities-tab">
      <p className="set-muted">{t('settings.probabilitiesIntro')}</p>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<ProbabilitySettings>
        form={form}
        disabled={!canEdit}
        initialValues={settings.probabilities}
        className="set-stages"
      >
        {OPEN_STAGES.map((stage, i) => {
          const previous = i > 0 ? OPEN_STAGES[i - 1] : undefined;
          return (
            <div key={stage} className="set-stage">
              <span className="set-stage__name">{label(STAGES, stage)}</span>
              <Form.Item
                name={stage}
                dependencies={previous ? [previous] : []}
                rules={[
                  { required: true, message: t('val.required') },
                  {
                    validator: (_, v: number | null) => {
                      const before = previous
                        ? (form.getFieldValue(previous) as number | null)
                        : null;
                      return v !== null && before !== null && v < before
                        ? Promise.reject(new Error(t('reason.probabilities.not_increasing')))
                        : Promise.resolve();
                    },
                  },
                ]}
              >
                <InputNumber<number>
                  min={0}
                  max={100}
                  precision={0}
                  suffix="%"
                  className="set-percent"
                  data-testid={`prob-${stage}`}
                />
              </Form.Item>
              <span className="set-muted">{t(STAGE_MEANINGS[stage])}</span>
            </div>
          );
        })}
        {CLOSED_STAGES.map((stage) => (
          <div key={stage} className="set-stage set-stage--fixed">
            <span className="set-stage__name">{label(STAGES, stage)}</span>
            <Form.Item>
              <InputNumber
                value={CLOSED_PROBABILITIES[stage]}
                disabled
                suffix="%"
                className="set-percent"
                data-testid={`prob-${stage}`}
              />
            </Form.Item>
            <span className="set-muted">{t('settings.stageFixed')}</span>
          </div>
        ))}
      </Form>
      {canEdit && (
        <Space>
          <Button
            type="primary"
            loading={saving}
            onClick={() => void submit()}
            data-testid="prob-save"
          >
            {t('common.save')}
          </Button>
          <Button
            onClick={() => {
              form.setFieldsValue(DEFAULT_PROBABILITIES);
              void form.validateFields().catch(() => undefined);
            }}
            {...testId('prob-defaults')}
          >
            {t('settings.restoreDefaults')}
          </Button>
        </Space>
      )}
    </div>
  );
}
