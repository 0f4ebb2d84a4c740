/**
 * Allocates units of a line to a subordinate unit. Allocating the same unit and line again sets
 * its quantity (the API keeps one allocation per unit and line), so the dialog says so.
 */
import { Alert, App, Form, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import type { ContractDetail } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { lineLabel } from './contract-rules';
import { placeIssues, sameNames } from '../../lib/form-issues';
import { UnitSelect } from './UnitSelect';

interface Values {
  unitId: number | null;
  lineId: number | null;
  quantity: number | null;
}

export function AllocationDialog(props: {
  detail: ContractDetail;
  onClose: () => void;
  onDone: (detail: ContractDetail) => void;
}) {
  const { detail, onClose, onDone } = props;
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const unitId = Form.useWatch('unitId', form) ?? null;
  const lineId = Form.useWatch('lineId', form) ?? null;
  const line = detail.lines.find((l) => l.id === lineId) ?? null;
  const existing =
    detail.allocations.find((x) => x.unit.id === unitId && x.lineId === lineId) ?? null;
  // What this unit may hold of the line: the rest of the line plus what it already has.
  const available = line ? line.quantity - line.allocated + (existing?.quantity ?? 0) : null;
  const firstOpen = detail.lines.find((l) => l.allocated < l.quantity) ?? detail.lines[0];

  const pick = (nextUnit: number | null, nextLine: number | null) => {
    const l = detail.lines.find((x) => x.id === nextLine);
    const had = detail.allocations.find((x) => x.unit.id === nextUnit && x.lineId === nextLine);
    if (l)
      form.setFieldValue('quantity', had ? had.quantity : Math.max(1, l.quantity - l.allocated));
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.unitId === null || v.lineId === null || v.quantity === null) return;
    setSaving(true);
    const r = await call('contracts.allocate', {
      contractId: detail.id,
      unitId: v.unitId,
      lineId: v.lineId,
      quantity: v.quantity,
    });
    setSaving(false);
    if (!r.ok)
      return setError(placeIssues(form, r.error, t, sameNames(['unitId', 'lineId', 'quantity'])));
    void message.success(t('contracts.allocationSaved'));
    onDone(r.value);
  };

  return (
    <Modal
      open
      title={t('contracts.allocationAdd')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, ...testId('ad-submit') }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="allocation-dialog"
    >
      <p className="con-muted">{t('contracts.allocationHint', { head: detail.accountName })}</p>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          unitId: null,
          lineId: firstOpen?.id ?? null,
          quantity: firstOpen ? Math.max(1, firstOpen.quantity - firstOpen.allocated) : 1,
        }}
      >
        <Form.Item
          name="unitId"
          label={t('contracts.unit')}
          rules={[{ required: true, message: t('contracts.unitRequired') }]}
        >
          <UnitSelect
            headId={detail.accountId}
            testId="ad-unitId"
            onChange={(v) => pick(v, lineId)}
          />
        </Form.Item>
        <Form.Item
          name="lineId"
          label={t('contracts.line')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <Select<number>
            options={detail.lines.map((l) => ({
              value: l.id,
              label: `${lineLabel(l)} · ${t('contracts.allocatedOf', {
                allocated: formatCount(l.allocated, lang),
                quantity: formatCount(l.quantity, lang),
              })}`,
            }))}
            onChange={(v) => pick(unitId, v)}
            data-testid="ad-lineId"
          />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t('contracts.quantity')}
          extra={
            available !== null &&
            t('contracts.allocationAvailable', { n: formatCount(available, lang) })
          }
          rules={[
            { required: true, message: t('val.required') },
            {
              validator: (_, v: number | null) =>
                v !== null && available !== null && v > available
                  ? Promise.reject(new Error(t('reason.allocation.exceeds_line')))
                  : existing && v !== null && v < existing.delivered
                    ? Promise.reject(new Error(t('reason.allocation.below_delivered')))
                    : Promise.resolve(),
            },
          ]}
        >
          <InputNumber<number> min={1} max={100_000} precision={0} data-testid="ad-quantity" />
        </Form.Item>
      </Form>
      {existing && (
        <Alert
          type="info"
          showIcon
          title={t('contracts.allocationReplaces', {
            unit: existing.unit.name,
            n: formatCount(existing.quantity, lang),
          })}
        />
      )}
    </Modal>
  );
}
