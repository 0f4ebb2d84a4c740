/**
 * 登记发票: an invoice with the delivered VINs it covers. The amount follows the ticked vehicles'
 * unit prices until the user types one; the total never exceeds what is left of the contract.
 */
import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ContractDetail } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MoneyInput } from '../../components/MoneyInput';
import { useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { partyOf } from './contract-rules';
import { placeIssues, sameNames } from '../../lib/form-issues';
import { VinChecklist } from './VinChecklist';

interface Values {
  allocationId: number | null;
  number: string;
  issuedOn: string | null;
  buyerName: string;
  deliveryIds: number[];
  amountFen: number | null;
}

const FIELDS = ['allocationId', 'number', 'issuedOn', 'buyerName', 'deliveryIds', 'amountFen'];

export function InvoiceDialog(props: {
  detail: ContractDetail;
  onClose: () => void;
  onDone: (detail: ContractDetail) => void;
}) {
  const { detail, onClose, onDone } = props;
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const system = detail.kind === 'system';
  const remaining = detail.totalFen - detail.invoicedFen;

  const allocationId = Form.useWatch('allocationId', form) ?? null;
  const open = detail.deliveries.filter(
    (d) => d.invoiceId === null && (!system || d.allocationId === allocationId),
  );
  const priceOf = (lineId: number) => detail.lines.find((l) => l.id === lineId)?.unitPriceFen ?? 0;
  const sumOf = (ids: number[]) =>
    detail.deliveries.filter((d) => ids.includes(d.id)).reduce((n, d) => n + priceOf(d.lineId), 0);
  const firstAllocation = system
    ? (detail.allocations.find((x) =>
        detail.deliveries.some((d) => d.allocationId === x.id && d.invoiceId === null),
      ) ?? null)
    : null;

  // The amount follows the ticked vehicles until the user types one.
  const follow = (ids: number[]) => {
    if (!form.isFieldTouched('amountFen'))
      form.setFieldValue('amountFen', ids.length > 0 ? sumOf(ids) : null);
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.issuedOn === null || v.amountFen === null) return;
    setSaving(true);
    const r = await call('contracts.invoice', {
      contractId: detail.id,
      allocationId: system ? v.allocationId : null,
      number: v.number,
      issuedOn: v.issuedOn,
      buyerName: v.buyerName,
      amountFen: v.amountFen,
      deliveryIds: v.deliveryIds,
    });
    setSaving(false);
    if (!r.ok) return setError(placeIssues(form, r.error, t, sameNames(FIELDS)));
    void message.success(t('contracts.invoiceSaved', { number: v.number }));
    onDone(r.value);
  };

  return (
    <Modal
      open
      title={t('contracts.invoiceAdd')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, ...testId('id-submit') }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={680}
      data-testid="invoice-dialog"
    >
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="form-grid"
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.deliveryIds) follow(changed.deliveryIds);
        }}
        initialValues={{
          allocationId: firstAllocation?.id ?? null,
          number: '',
          issuedOn: chinaDate(),
          buyerName: partyOf(detail, firstAllocation?.id ?? null),
          deliveryIds: [],
          amountFen: null,
        }}
      >
        {system && (
          <Form.Item
            name="allocationId"
            label={t('contracts.allocation')}
            className="form-grid__wide"
            rules={[{ required: true, message: t('contracts.unitRequired') }]}
          >
            <Select<number>
              options={detail.allocations.map((x) => ({
                value: x.id,
                label: `${x.unit.name} · ${x.model}`,
              }))}
              onChange={(v) => {
                form.setFieldValue('deliveryIds', []);
                follow([]);
                if (!form.isFieldTouched('buyerName'))
                  form.setFieldValue('buyerName', partyOf(detail, v));
              }}
              data-testid="id-allocationId"
            />
          </Form.Item>
        )}
        <Form.Item
          name="number"
          label={t('contracts.invoiceNo')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 40, message: t('val.maxLength', { max: 40 }) },
          ]}
        >
          <Input className="mono" autoFocus={!system} data-testid="id-number" />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('contracts.issuedOn')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <DateInput testId="id-issuedOn" />
        </Form.Item>
        <Form.Item
          name="buyerName"
          label={t('contracts.buyerName')}
          className="form-grid__wide"
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 200, message: t('val.maxLength', { max: 200 }) },
          ]}
        >
          <Input data-testid="id-buyerName" />
        </Form.Item>
        <Form.Item
          name="deliveryIds"
          label={t('contracts.invoiceVins')}
          className="form-grid__wide"
          extra={t('contracts.invoiceVinsHint')}
        >
          <VinChecklist deliveries={open} testId="id-deliveryIds" />
        </Form.Item>
        <Form.Item
          name="amountFen"
          label={t('contracts.invoiceAmount')}
          className="form-grid__wide"
          extra={t('contracts.invoiceRemaining', { amount: formatFen(remaining) })}
          rules={[
            { required: true, message: t('val.required') },
            {
              validator: (_, v: number | null) =>
                v !== null && v < 1
                  ? Promise.reject(new Error(t('val.tooSmall')))
                  : v !== null && v > remaining
                    ? Promise.reject(new Error(t('reason.invoice.exceeds_contract')))
                    : Promise.resolve(),
            },
          ]}
        >
          <MoneyInput testId="id-amountFen" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
