/** Add or change a model on the price list: market retail price and the policy floor (≤ retail). */
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { PriceListEntry } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MoneyInput } from '../../components/MoneyInput';
import { useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { placeIssues, sameNames } from '../../lib/form-issues';

interface Values {
  model: string;
  configuration: string;
  retailFen: number | null;
  floorFen: number | null;
}

export function PriceForm(props: {
  entry: PriceListEntry | null;
  onClose: () => void;
  onSaved: (saved: PriceListEntry) => void;
}) {
  const { entry, onClose, onSaved } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.retailFen === null || v.floorFen === null) return;
    setSaving(true);
    const r = await call('prices.save', {
      id: entry?.id ?? null,
      entry: {
        model: v.model,
        configuration: v.configuration,
        retailFen: v.retailFen,
        floorFen: v.floorFen,
      },
    });
    setSaving(false);
    if (!r.ok)
      return setError(
        placeIssues(
          form,
          r.error,
          t,
          sameNames(['model', 'configuration', 'retailFen', 'floorFen'], 'entry.'),
        ),
      );
    void message.success(t('settings.priceSaved', { model: r.value.model }));
    onSaved(r.value);
  };

  return (
    <Modal
      open
      title={entry ? t('settings.priceEdit') : t('settings.priceNew')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, ...testId('pf-submit') }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="price-dialog"
    >
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          model: entry?.model ?? '',
          configuration: entry?.configuration ?? '',
          retailFen: entry?.retailFen ?? null,
          floorFen: entry?.floorFen ?? null,
        }}
      >
        <Form.Item
          name="model"
          label={t('settings.model')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 80, message: t('val.maxLength', { max: 80 }) },
          ]}
        >
          <Input autoFocus placeholder={t('settings.modelPlaceholder')} data-testid="pf-model" />
        </Form.Item>
        <Form.Item
          name="configuration"
          label={t('settings.configuration')}
          rules={[{ max: 200, message: t('val.maxLength', { max: 200 }) }]}
        >
          <Input
            placeholder={t('settings.configurationPlaceholder')}
            data-testid="pf-configuration"
          />
        </Form.Item>
        <Form.Item
          name="retailFen"
          label={t('settings.retail')}
          extra={t('settings.retailHint')}
          rules={[
            { required: true, message: t('val.required') },
            {
              validator: (_, v: number | null) =>
                v !== null && v < 1
                  ? Promise.reject(new Error(t('val.tooSmall')))
                  : Promise.resolve(),
            },
          ]}
        >
          <MoneyInput testId="pf-retailFen" />
        </Form.Item>
        <Form.Item
          name="floorFen"
          label={t('settings.floor')}
          extra={t('settings.floorHint')}
          dependencies={['retailFen']}
          rules={[
            { required: true, message: t('val.required') },
            {
              validator: (_, v: number | null) => {
                const retail = form.getFieldValue('retailFen') as number | null;
                return v !== null && retail !== null && v > retail
                  ? Promise.reject(new Error(t('reason.price.floor_above_retail')))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <MoneyInput testId="pf-floorFen" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
