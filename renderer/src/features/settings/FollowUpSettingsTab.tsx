/**
 * 回访与提醒: the days after each delivery that follow-ups are scheduled, how long before a due
 * item its reminder appears, and the payment term (回款账期) after which an invoice is overdue.
 */
import { App, Button, Form, InputNumber, Select } from 'antd';
import { useState } from 'react';
import type { ApiError, Result } from '../../../../shared/result';
import type { SalesSettings } from '../../../../shared/schemas/sales-settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';

interface Values {
  followUpDays: string[];
  reminderLeadHours: number | null;
  paymentTermDays: number | null;
}

const MAX_DAYS = 6;

/** "7", "30" as typed into the tags select → sorted whole days; null if one is not a day count. */
function daysOf(values: readonly string[]): number[] | null {
  const days = values.map((v) => Number(v.trim()));
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) return null;
  return [...new Set(days)].sort((a, b) => a - b);
}

interface Props {
  settings: SalesSettings;
  canEdit: boolean;
  save: (change: Partial<SalesSettings>) => Promise<Result<SalesSettings>>;
}

export function FollowUpSettingsTab({ settings, canEdit, save }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const valuesOf = (s: SalesSettings): Values => ({
    followUpDays: s.followUpDays.map(String),
    reminderLeadHours: s.reminderLeadHours,
    paymentTermDays: s.paymentTermDays,
  });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    const days = v ? daysOf(v.followUpDays) : null;
    if (!v || !days || v.reminderLeadHours === null || v.paymentTermDays === null) return;
    setSaving(true);
    const r = await save({
      followUpDays: days,
      reminderLeadHours: v.reminderLeadHours,
      paymentTermDays: v.paymentTermDays,
    });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    form.setFieldsValue(valuesOf(r.value));
    void message.success(t('settings.saved'));
  };

  return (
    <div className="set-panel" data-testid="follow-up-settings-tab">
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={!canEdit}
        initialValues={valuesOf(settings)}
        className="set-form"
      >
        <Form.Item
          name="followUpDays"
          label={t('settings.followUpDays')}
          extra={t('settings.followUpDaysHint', { max: MAX_DAYS })}
          rules={[
            {
              validator: (_, v: string[] | undefined) =>
                daysOf(v ?? []) === null
                  ? Promise.reject(new Error(t('settings.followUpDaysInvalid')))
                  : (v ?? []).length > MAX_DAYS
                    ? Promise.reject(
                        new Error(t('settings.followUpDaysTooMany', { max: MAX_DAYS })),
                      )
                    : Promise.resolve(),
            },
          ]}
        >
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', ' ', '、']}
            placeholder={t('settings.followUpDaysPlaceholder')}
            labelRender={({ value }) => t('settings.daysAfterDelivery', { days: String(value) })}
            data-testid="followup-days"
          />
        </Form.Item>
        <Form.Item
          name="reminderLeadHours"
          label={t('settings.reminderHours')}
          extra={t('settings.reminderHoursHint')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <InputNumber<number>
            min={1}
            max={24 * 30}
            precision={0}
            suffix={t('settings.hours')}
            className="set-hours"
            data-testid="reminder-hours"
          />
        </Form.Item>
        <Form.Item
          name="paymentTermDays"
          label={t('settings.paymentTerm')}
          extra={t('settings.paymentTermHint')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <InputNumber<number>
            min={0}
            max={365}
            precision={0}
            suffix={t('settings.days')}
            className="set-hours"
            data-testid="payment-term-days"
          />
        </Form.Item>
      </Form>
      {canEdit && (
        <Button
          type="primary"
          loading={saving}
          onClick={() => void submit()}
          data-testid="followup-save"
        >
          {t('common.save')}
        </Button>
      )}
    </div>
  );
}
