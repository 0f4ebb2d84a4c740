/**
 * 登记回款 / 修改回款: a payment against the contract, optionally one of its invoices. A payment
 * beyond the contract's balance or the invoice's open amount comes back refused with the open
 * balance; the dialog then says so and asks for the reason that confirms it as an over-payment.
 */
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ApiError } from '../../../../shared/result';
import {
  type ContractPayments,
  PAYMENT_METHODS,
  type Payment,
  type PaymentMethod,
} from '../../../../shared/schemas/payments';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { detailsOf, errorKind } from '../../api/errors';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MoneyInput } from '../../components/MoneyInput';
import { useEnumOptions, useT } from '../../i18n/context';
import { placeIssues, sameNames } from '../../lib/form-issues';
import { testId } from '../../lib/test-id';

interface Values {
  receivedOn: string | null;
  amountFen: number | null;
  method: PaymentMethod;
  invoiceId: number | null;
  reference: string;
  payer: string;
  note: string;
  overpaymentReason: string;
}

const FIELDS = ['receivedOn', 'amountFen', 'method', 'invoiceId', 'reference', 'payer', 'note'];

/** A refused over-payment: which rule and the open balance it stated. */
interface OverRefusal {
  kind: 'payment.over_contract' | 'payment.over_invoice';
  openFen: number;
  invoiceNo: string | null;
}

function overRefusal(error: ApiError): OverRefusal | null {
  const kind = errorKind(error);
  if (kind !== 'payment.over_contract' && kind !== 'payment.over_invoice') return null;
  const d = detailsOf(error);
  return {
    kind,
    openFen: typeof d.openFen === 'number' ? d.openFen : 0,
    invoiceNo: typeof d.invoiceNo === 'string' ? d.invoiceNo : null,
  };
}

export function PaymentDialog(props: {
  data: ContractPayments;
  /** The payment being edited, or null for a new one. */
  payment: Payment | null;
  onClose: () => void;
  onDone: (next: ContractPayments) => void;
}) {
  const { data, payment, onClose, onDone } = props;
  const t = useT();
  const options = useEnumOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [over, setOver] = useState<OverRefusal | null>(null);
  const confirming = over !== null || (payment?.overpaymentReason ?? null) !== null;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.receivedOn === null || v.amountFen === null) return;
    const fields = {
      invoiceId: v.invoiceId,
      receivedOn: v.receivedOn,
      amountFen: v.amountFen,
      method: v.method,
      reference: v.reference,
      payer: v.payer,
      note: v.note,
      overpaymentReason: confirming ? v.overpaymentReason : null,
    };
    setSaving(true);
    const r = payment
      ? await call('payments.update', { id: payment.id, payment: fields, version: payment.version })
      : await call('payments.record', { contractId: data.contractId, ...fields });
    setSaving(false);
    if (!r.ok) {
      const refusal = overRefusal(r.error);
      if (refusal) {
        setError(null);
        return setOver(refusal);
      }
      return setError(placeIssues(form, r.error, t, sameNames(FIELDS)));
    }
    void message.success(
      payment ? t('payments.updated') : t('payments.saved', { amount: formatFen(v.amountFen) }),
    );
    onDone(r.value);
  };

  return (
    <Modal
      open
      title={payment ? t('payments.edit') : t('payments.add')}
      okText={over ? t('payments.overConfirm') : t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, ...testId('payment-submit') }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="payment-dialog"
    >
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      {over && (
        <Alert
          type="warning"
          showIcon
          className="gap-bottom"
          data-testid="payment-over"
          title={
            over.kind === 'payment.over_contract'
              ? t('payments.overContract', { open: formatFen(over.openFen) })
              : t('payments.overInvoice', {
                  number: over.invoiceNo ?? '',
                  open: formatFen(over.openFen),
                })
          }
          description={t('payments.overConfirmHint')}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="form-grid"
        onValuesChange={(changed: Partial<Values>) => {
          // A changed amount or invoice is checked afresh.
          if ('amountFen' in changed || 'invoiceId' in changed) setOver(null);
        }}
        initialValues={{
          receivedOn: payment?.receivedOn ?? chinaDate(),
          amountFen: payment?.amountFen ?? null,
          method: payment?.method ?? 'bank_transfer',
          invoiceId: payment?.invoiceId ?? null,
          reference: payment?.reference ?? '',
          payer: payment?.payer ?? '',
          note: payment?.note ?? '',
          overpaymentReason: payment?.overpaymentReason ?? '',
        }}
      >
        <Form.Item
          name="receivedOn"
          label={t('payments.receivedOn')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <DateInput testId="pay-receivedOn" />
        </Form.Item>
        <Form.Item
          name="amountFen"
          label={t('payments.amount')}
          extra={t('payments.balanceNow', { open: formatFen(data.openFen) })}
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
          <MoneyInput testId="pay-amountFen" />
        </Form.Item>
        <Form.Item name="method" label={t('payments.method')}>
          <Select<PaymentMethod> options={options(PAYMENT_METHODS)} data-testid="pay-method" />
        </Form.Item>
        <Form.Item name="invoiceId" label={t('payments.invoice')}>
          <Select<number | null>
            options={[
              { value: null, label: t('payments.invoiceNone') },
              ...data.invoices.map((i) => ({
                value: i.id,
                label: t('payments.invoiceOption', {
                  number: i.number,
                  open: formatFen(i.openFen),
                }),
              })),
            ]}
            data-testid="pay-invoiceId"
          />
        </Form.Item>
        <Form.Item
          name="reference"
          label={t('payments.reference')}
          extra={t('payments.referenceHint')}
          rules={[{ max: 60, message: t('val.maxLength', { max: 60 }) }]}
        >
          <Input className="mono" data-testid="pay-reference" />
        </Form.Item>
        <Form.Item
          name="payer"
          label={t('payments.payer')}
          rules={[{ max: 200, message: t('val.maxLength', { max: 200 }) }]}
        >
          <Input data-testid="pay-payer" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('payments.note')}
          className="form-grid__wide"
          rules={[{ max: 2000, message: t('val.maxLength', { max: 2000 }) }]}
        >
          <Input.TextArea rows={2} data-testid="pay-note" />
        </Form.Item>
        {confirming && (
          <Form.Item
            name="overpaymentReason"
            label={t('payments.overpaymentReason')}
            className="form-grid__wide"
            rules={[
              { required: true, whitespace: true, message: t('val.required') },
              { max: 500, message: t('val.maxLength', { max: 500 }) },
            ]}
          >
            <Input.TextArea rows={2} data-testid="pay-overpaymentReason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
