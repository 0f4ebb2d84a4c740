/**
 * The incentive's two workflow dialogs: the manufacturer's verdict (approved, partially approved,
 * rejected — a reason for the last two, an amount for the first two) and a payment received (a
 * reason only when it takes the total past the approved amount).
 */
import { Form, Input, Select } from 'antd';
import { chinaDate } from '../../../../shared/dates';
import {
  INCENTIVE_REASONS,
  type IncentiveReason,
  OEM_VERDICTS,
  type OemVerdict,
} from '../../../../shared/filing-enums';
import type { FilingDetail } from '../../../../shared/schemas/filings';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInputs';
import { MoneyInput } from '../../components/MoneyInput';
import { WorkflowDialog } from '../../components/WorkflowDialog';
import { useEnumOptions, useT } from '../../i18n/context';

interface DialogProps {
  detail: FilingDetail;
  onClose: () => void;
  onDone: (detail: FilingDetail) => void;
}

interface VerdictValues {
  verdict: OemVerdict;
  decidedOn: string | null;
  approvedFen: number | null;
  reason: IncentiveReason | null;
  note: string;
}

export function VerdictDialog({ detail, onClose, onDone }: DialogProps) {
  const t = useT();
  const options = useEnumOptions();
  const [form] = Form.useForm<VerdictValues>();
  const verdict = Form.useWatch('verdict', form);
  const i = detail.incentive;
  const required = { required: true, message: t('val.required') };
  return (
    <WorkflowDialog<VerdictValues, FilingDetail>
      title={t('incentive.verdictTitle', { number: detail.number })}
      okText={t('common.save')}
      testId="verdict-dialog"
      submitTestId="verdict-submit"
      form={form}
      initialValues={{
        verdict: i.verdict ?? 'approved',
        decidedOn: i.decidedOn ?? chinaDate(),
        approvedFen: i.approvedFen,
        reason: i.reason,
        note: i.note ?? '',
      }}
      run={(v) =>
        call('filings.recordVerdict', {
          id: detail.id,
          verdict: v.verdict,
          decidedOn: v.decidedOn ?? '',
          approvedFen: v.verdict === 'rejected' ? null : v.approvedFen,
          reason: v.verdict === 'approved' ? null : v.reason,
          note: v.note.trim() || null,
        })
      }
      done={t('incentive.verdictDone')}
      intro={<p>{t('incentive.verdictIntro')}</p>}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="verdict" label={t('incentive.verdict')} rules={[required]}>
        <Select options={options(OEM_VERDICTS)} data-testid="verdict-kind" />
      </Form.Item>
      <Form.Item name="decidedOn" label={t('incentive.decidedOn')} rules={[required]}>
        <DateInput testId="verdict-date" />
      </Form.Item>
      {verdict !== 'rejected' && (
        <Form.Item name="approvedFen" label={t('incentive.amountApproved')} rules={[required]}>
          <MoneyInput testId="verdict-amount" />
        </Form.Item>
      )}
      {verdict !== 'approved' && (
        <Form.Item name="reason" label={t('incentive.reason')} rules={[required]}>
          <Select
            options={options(INCENTIVE_REASONS)}
            placeholder={t('common.choose')}
            data-testid="verdict-reason"
          />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={t('incentive.note')}
        rules={[{ max: 2000, message: t('val.maxLength', { max: 2000 }) }]}
      >
        <Input.TextArea rows={2} data-testid="verdict-note" />
      </Form.Item>
    </WorkflowDialog>
  );
}

interface PaymentValues {
  receivedOn: string | null;
  amountFen: number | null;
  reference: string;
  overReason: string;
}

export function PaymentDialog({ detail, onClose, onDone }: DialogProps) {
  const t = useT();
  const [form] = Form.useForm<PaymentValues>();
  const amount = Form.useWatch('amountFen', form);
  const i = detail.incentive;
  const over = (amount ?? 0) + i.receivedFen > (i.approvedFen ?? 0);
  const required = { required: true, message: t('val.required') };
  return (
    <WorkflowDialog<PaymentValues, FilingDetail>
      title={t('incentive.paymentTitle', { number: detail.number })}
      okText={t('common.save')}
      testId="payment-dialog"
      submitTestId="payment-submit"
      form={form}
      initialValues={{
        receivedOn: chinaDate(),
        amountFen: i.outstandingFen > 0 ? i.outstandingFen : null,
        reference: '',
        overReason: '',
      }}
      run={(v) =>
        call('filings.recordPayment', {
          id: detail.id,
          receivedOn: v.receivedOn ?? '',
          amountFen: v.amountFen ?? 0,
          reference: v.reference.trim() || null,
          overReason: over ? v.overReason.trim() || null : null,
        })
      }
      done={t('incentive.paymentDone')}
      intro={
        <p>
          {t('incentive.paymentIntro', {
            approved: formatFen(i.approvedFen ?? 0),
            received: formatFen(i.receivedFen),
            outstanding: formatFen(i.outstandingFen),
          })}
        </p>
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="receivedOn" label={t('incentive.receivedOn')} rules={[required]}>
        <DateInput testId="payment-date" />
      </Form.Item>
      <Form.Item name="amountFen" label={t('incentive.amount')} rules={[required]}>
        <MoneyInput testId="payment-amount" min={0.01} />
      </Form.Item>
      <Form.Item
        name="reference"
        label={t('incentive.reference')}
        rules={[{ max: 100, message: t('val.maxLength', { max: 100 }) }]}
      >
        <Input data-testid="payment-reference" />
      </Form.Item>
      {over && (
        <Form.Item
          name="overReason"
          label={t('incentive.overReason')}
          extra={t('incentive.overHint')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 2000, message: t('val.maxLength', { max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={2} data-testid="payment-over-reason" />
        </Form.Item>
      )}
    </WorkflowDialog>
  );
}
