/**
 * 经销商信息: who we are — the dealership's legal name and the manufacturer's dealer code, both
 * printed on the filing report (which refuses to export without them), and the brand we sell.
 */
import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { DealerSettings } from '../../../../shared/schemas/dealer-settings';
import type { ApiError } from '../../../../shared/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { SettingsLoading } from './SettingsLoading';
import { useSettings } from './use-settings';

export function DealerSettingsTab({ canEdit }: { canEdit: boolean }) {
  const { settings, error, save, reload } = useSettings('settings.dealer');
  if (settings) return <DealerSettingsForm settings={settings} canEdit={canEdit} save={save} />;
  return <SettingsLoading error={error} reload={reload} testId="dealer-settings-tab" />;
}

function DealerSettingsForm(props: {
  settings: DealerSettings;
  canEdit: boolean;
  save: ReturnType<typeof useSettings<'settings.dealer'>>['save'];
}) {
  const { settings, canEdit, save } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DealerSettings>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    const r = await save({ name: v.name.trim(), code: v.code.trim(), brand: v.brand.trim() });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    form.setFieldsValue(r.value);
    void message.success(t('settings.saved'));
  };

  return (
    <div className="set-panel" data-testid="dealer-settings-tab">
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<DealerSettings>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={!canEdit}
        initialValues={settings}
        className="set-form"
      >
        <Form.Item
          name="name"
          label={t('settings.dealerName')}
          extra={t('settings.dealerNameHint')}
          rules={[{ max: 200, message: t('val.maxLength', { max: 200 }) }]}
        >
          <Input placeholder={t('settings.dealerNamePlaceholder')} data-testid="dealer-name" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('settings.dealerCode')}
          extra={t('settings.dealerCodeHint')}
          rules={[
            { max: 40, message: t('val.maxLength', { max: 40 }) },
            { pattern: /^[0-9A-Za-z_-]*$/, message: t('settings.dealerCodeInvalid') },
          ]}
        >
          <Input placeholder={t('settings.dealerCodePlaceholder')} data-testid="dealer-code" />
        </Form.Item>
        <Form.Item
          name="brand"
          label={t('settings.dealerBrand')}
          extra={t('settings.dealerBrandHint')}
          rules={[{ max: 50, message: t('val.maxLength', { max: 50 }) }]}
        >
          <Input placeholder={t('settings.dealerBrandPlaceholder')} data-testid="dealer-brand" />
        </Form.Item>
      </Form>
      {canEdit && (
        <Button
          type="primary"
          loading={saving}
          onClick={() => void submit()}
          data-testid="dealer-save"
        >
          {t('common.save')}
        </Button>
      )}
    </div>
  );
}
