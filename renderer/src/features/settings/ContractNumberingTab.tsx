/**
 * 合同编号: the pattern new contracts are numbered by ({yyyy} {yy} {mm} {seq:N}), checked and
 * previewed as it is typed with the same rules the main process numbers by.
 */
import { App, Button, Form, Input, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { frameOf, nextNumber, parsePattern } from '../../../../shared/contract-number';
import { chinaDate } from '../../../../shared/dates';
import type { ApiError } from '../../../../shared/result';
import type { ContractNumbering } from '../../../../shared/schemas/contract-numbering';
import { call } from '../../api/client';
import { ErrorAlert, ErrorBody } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';

export function ContractNumberingTab({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const [settings, setSettings] = useState<ContractNumbering | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void call('settings.contractNumbering', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setSettings(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [attempt]);
  if (settings) return <NumberingForm settings={settings} canEdit={canEdit} />;
  return (
    <div className="set-panel" data-testid="contract-numbering-tab">
      {error ? (
        <Result
          status="error"
          title={t('settings.loadFailed')}
          subTitle={<ErrorBody error={error} />}
          extra={<Button onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</Button>}
        />
      ) : (
        <div className="center-pad">
          <Spin />
        </div>
      )}
    </div>
  );
}

function NumberingForm({ settings, canEdit }: { settings: ContractNumbering; canEdit: boolean }) {
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
    const r = await call('settings.setContractNumbering', { pattern: v.pattern.trim() });
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
