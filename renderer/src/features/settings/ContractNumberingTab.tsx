/**
 * 合同编号: the pattern new contracts are numbered by ({yyyy} {yy} {mm} {seq:N}), checked and
 * previewed as it is typed with the same rules the main process numbers by.
 */
import { App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { frameOf, nextNumber, parsePattern } from '../../../../shared/contract-number';
import { chinaDate } from '../../../../shared/dates';
import type { ApiError } from '../../../../shared/result';
import type { ContractNumbering } from '../../../../shared/schemas/contract-numbering';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { SettingsLoading } from './SettingsLoading';
import { useSettings } from './use-settings';

export function ContractNumberingTab({ canEdit }: { canEdit: boolean }) {
  const { settings, error, save, reload } = useSettings('settings.contractNumbering');
  if (settings) return <NumberingForm settings={settings} canEdit={canEdit} save={save} />;
  return <SettingsLoading error={error} reload={reload} testId="contract-numbering-tab" />;
}

function NumberingForm({
  settings,
  canEdit,
  save,
}: {
  settings: ContractNumbering;
  canEdit: boolean;
  save: ReturnType<typeof useSettings<'settings.contractNumbering'>>['save'];
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ContractNumbering>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const pattern = (Form.useWatch('pattern', form) as string | undefined) ?? settings.pattern;
  const parsed = parsePattern(pattern);
  const example = parsed.ok ? nextNumber(frameOf(parsed.parts, chinaDate()), []) : null;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    const r = await save({ pattern: v.pattern.trim() });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    form.setFieldsValue(r.value);
    void message.success(t('settings.saved'));
  };

  return (
    <div className="set-panel" data-testid="contract-numbering-tab">
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<ContractNumbering>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={!canEdit}
        initialValues={settings}
        className="set-form"
      >
        <Form.Item
          name="pattern"
          label={t('settings.numberPattern')}
          extra={t('settings.numberPatternHint')}
          rules={[
            {
              validator: (_, v: string | undefined) => {
                const p = parsePattern(v ?? '');
                return p.ok
                  ? Promise.resolve()
                  : Promise.reject(new Error(t(`reason.${p.problem}` as MessageKey)));
              },
            },
          ]}
        >
          <Input className="mono" maxLength={60} data-testid="numbering-pattern" />
        </Form.Item>
      </Form>
      {example && (
        <Typography.Paragraph data-testid="numbering-example">
          {t('settings.numberPatternExample')} <Typography.Text code>{example}</Typography.Text>
        </Typography.Paragraph>
      )}
      {canEdit && (
        <Button
          type="primary"
          loading={saving}
          onClick={() => void submit()}
          data-testid="numbering-save"
        >
          {t('common.save')}
        </Button>
      )}
    </div>
  );
}
