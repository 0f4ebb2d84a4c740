/**
 * 报备与政策: our territory (claims outside it need a cross-territory authorisation), the claim
 * protection period and its expiry warning, and the manufacturer's incentive policy the filings
 * are judged by.
 */
import { App, Button, Divider, Form, InputNumber, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { BATCH_WINDOWS, type BatchWindow, DEFAULT_POLICY } from '../../../../shared/eligibility';
import type { FilingSettings } from '../../../../shared/schemas/filing-settings';
import type { ApiError } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { TerritorySelect } from './TerritorySelect';
import { SettingsLoading } from './SettingsLoading';
import { useSettings } from './use-settings';

interface Values {
  territoryCodes: string[];
  claimProtectionDays: number | null;
  claimWarnDays: number | null;
  governmentNoMinimum: boolean;
  minUnits: number | null;
  annualBatchUnits: number | null;
  batchWindow: BatchWindow;
}

const valuesOf = (s: FilingSettings): Values => ({
  territoryCodes: s.territoryCodes,
  claimProtectionDays: s.claimProtectionDays,
  claimWarnDays: s.claimWarnDays,
  ...s.policy,
});

export function FilingSettingsTab({ canEdit }: { canEdit: boolean }) {
  const { settings, error, save, reload } = useSettings('settings.filing');
  if (settings)
    return <FilingSettingsForm key="form" settings={settings} canEdit={canEdit} save={save} />;
  return <SettingsLoading error={error} reload={reload} testId="filing-settings-tab" />;
}

function FilingSettingsForm(props: {
  settings: FilingSettings;
  canEdit: boolean;
  save: ReturnType<typeof useSettings<'settings.filing'>>['save'];
}) {
  const { settings, canEdit, save } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const governmentFree =
    Form.useWatch('governmentNoMinimum', form) ?? settings.policy.governmentNoMinimum;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (
      !v ||
      v.claimProtectionDays === null ||
      v.claimWarnDays === null ||
      v.minUnits === null ||
      v.annualBatchUnits === null
    )
      return;
    setSaving(true);
    const r = await save({
      territoryCodes: v.territoryCodes,
      claimProtectionDays: v.claimProtectionDays,
      claimWarnDays: v.claimWarnDays,
      policy: {
        governmentNoMinimum: v.governmentNoMinimum,
        minUnits: v.minUnits,
        annualBatchUnits: v.annualBatchUnits,
        batchWindow: v.batchWindow,
      },
    });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    form.setFieldsValue(valuesOf(r.value));
    void message.success(t('settings.saved'));
  };

  const days = (max: number, testId: string) => (
    <InputNumber<number>
      min={1}
      max={max}
      precision={0}
      suffix={t('settings.days')}
      className="set-hours"
      data-testid={testId}
    />
  );
  const units = (testId: string) => (
    <InputNumber<number>
      min={1}
      max={10_000}
      precision={0}
      suffix={t('settings.unitsSuffix')}
      className="set-hours"
      data-testid={testId}
    />
  );

  return (
    <div className="set-panel" data-testid="filing-settings-tab">
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={!canEdit}
        initialValues={valuesOf(settings)}
        className="set-form set-form--wide"
      >
        <Divider titlePlacement="start" className="form-section">
          {t('settings.sectionClaims')}
        </Divider>
        <Form.Item
          name="territoryCodes"
          label={t('settings.territory')}
          extra={t('settings.territoryHint')}
        >
          <TerritorySelect />
        </Form.Item>
        <Form.Item
          name="claimProtectionDays"
          label={t('settings.claimProtectionDays')}
          extra={t('settings.claimProtectionDaysHint')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          {days(730, 'claim-protection-days')}
        </Form.Item>
        <Form.Item
          name="claimWarnDays"
          label={t('settings.claimWarnDays')}
          extra={t('settings.claimWarnDaysHint')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          {days(180, 'claim-warn-days')}
        </Form.Item>

        <Divider titlePlacement="start" className="form-section">
          {t('settings.sectionPolicy')}
        </Divider>
        <Typography.Paragraph type="secondary">{t('settings.policyIntro')}</Typography.Paragraph>
        <Form.Item
          name="governmentNoMinimum"
          label={t('settings.governmentNoMinimum')}
          valuePropName="checked"
          extra={
            governmentFree
              ? t('settings.governmentNoMinimumOn')
              : t('settings.governmentNoMinimumOff')
          }
        >
          <Switch data-testid="policy-government" />
        </Form.Item>
        <Form.Item
          name="minUnits"
          label={t('settings.minUnits')}
          extra={t('settings.minUnitsHint')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          {units('policy-min-units')}
        </Form.Item>
        <Form.Item
          name="annualBatchUnits"
          label={t('settings.annualBatchUnits')}
          extra={t('settings.annualBatchUnitsHint')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          {units('policy-batch-units')}
        </Form.Item>
        <Form.Item
          name="batchWindow"
          label={t('settings.batchWindow')}
          extra={t('settings.batchWindowHint')}
        >
          <Select
            options={BATCH_WINDOWS.map((w) => ({
              value: w,
              label: t(`settings.batchWindow.${w}`),
            }))}
            data-testid="policy-batch-window"
          />
        </Form.Item>
      </Form>
      {canEdit && (
        <div className="set-actions">
          <Button
            type="primary"
            loading={saving}
            onClick={() => void submit()}
            data-testid="filing-settings-save"
          >
            {t('common.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(DEFAULT_POLICY)} data-testid="policy-defaults">
            {t('settings.policyDefaults')}
          </Button>
        </div>
      )}
    </div>
  );
}
