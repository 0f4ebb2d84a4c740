/**
 * The account-value settings: ABC cut-offs, KA thresholds, scorecard weights, the 冰点 days, the
 * comparison period of 迁移 and the fleet's service life. Managers edit; everyone reads.
 */
import { App, Button, Form, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { ValueSettings } from '../../../../shared/schemas/value';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';

type Field = { name: (string | number)[]; label: MessageKey; min: number; max: number };

const FIELDS: Field[] = [
  { name: ['cutoffs', 'a'], label: 'value.set.cutoffA', min: 1, max: 100 },
  { name: ['cutoffs', 'b'], label: 'value.set.cutoffB', min: 1, max: 100 },
  { name: ['kaMinBatchUnits'], label: 'value.set.kaMinBatchUnits', min: 1, max: 100_000 },
  { name: ['kaMinRevenueWan'], label: 'value.set.kaMinRevenueWan', min: 1, max: 10_000_000 },
  { name: ['kaPeriodMonths'], label: 'value.set.kaPeriodMonths', min: 1, max: 60 },
  { name: ['weights', 'value'], label: 'value.set.weightValue', min: 0, max: 100 },
  { name: ['weights', 'potential'], label: 'value.set.weightPotential', min: 0, max: 100 },
  { name: ['weights', 'risk'], label: 'value.set.weightRisk', min: 0, max: 100 },
  { name: ['dormantDays'], label: 'value.set.dormantDays', min: 7, max: 3650 },
  { name: ['segmentMonths'], label: 'value.set.segmentMonths', min: 1, max: 36 },
  { name: ['serviceLifeYears'], label: 'value.set.serviceLifeYears', min: 1, max: 30 },
];

export function ValueSettingsTab() {
  const t = useT();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<ValueSettings>();
  const [loaded, setLoaded] = useState(false);
  const editable = user.role === 'manager';

  useEffect(() => {
    void call('value.settings', {}).then((r) => {
      if (r.ok) {
        form.setFieldsValue(r.value);
        setLoaded(true);
      }
    });
  }, [form]);

  const save = async (values: ValueSettings) => {
    const r = await call('value.setSettings', values);
    if (r.ok) {
      form.setFieldsValue(r.value);
      void message.success(t('value.set.saved'));
    } else void message.error(r.error.message);
  };

  return (
    <Form<ValueSettings>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '340px' }}
      disabled={!editable || !loaded}
      onFinish={(v) => void save(v)}
      data-testid="value-settings"
      style={{ maxWidth: 660 }}
    >
      {FIELDS.map((f) => (
        <Form.Item
          key={f.name.join('.')}
          name={f.name}
          label={t(f.label)}
          rules={[{ required: true }]}
        >
          <InputNumber min={f.min} max={f.max} precision={0} style={{ width: 160 }} />
        </Form.Item>
      ))}
      {editable && (
        <Space>
          <Button type="primary" htmlType="submit">
            {t('value.set.save')}
          </Button>
        </Space>
      )}
    </Form>
  );
}
