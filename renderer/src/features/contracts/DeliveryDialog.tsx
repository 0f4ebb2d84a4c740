/**
 * 登记交车: one vehicle of a line (and, for a system contract, of a unit's allocation). The VIN is
 * checked as it is typed; the registration owner defaults to the party or the unit, since the
 * evidence of a KA sale wants contract party, invoice buyer and registration owner to agree.
 */
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import { normalizeVin } from '../../../../shared/vin';
import type { ContractDetail } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../lib/format';
import { lineLabel, partyOf } from './contract-rules';
import { placeIssues, sameNames } from '../../lib/form-issues';
import { reasonText } from '../../lib/reason-text';
import { VinFeedback, vinAcceptable, vinState } from './vin-feedback';

interface Values {
  lineId: number | null;
  allocationId: number | null;
  vin: string;
  acceptCheckDigit: boolean;
  plate: string;
  registrationOwner: string;
  deliveredOn: string | null;
}

const FIELDS = [
  'lineId',
  'allocationId',
  'vin',
  'plate',
  'registrationOwner',
  'deliveredOn',
  'acceptCheckDigit',
];

/** Where the next vehicle goes: the first line (system: allocation) with units left to deliver. */
function nextSlot(d: ContractDetail): { lineId: number; allocationId: number | null } | null {
  if (d.kind === 'system') {
    const x = d.allocations.find((a) => a.delivered < a.quantity);
    return x ? { lineId: x.lineId, allocationId: x.id } : null;
  }
  const line = d.lines.find((l) => l.delivered < l.quantity);
  return line ? { lineId: line.id, allocationId: null } : null;
}

export function DeliveryDialog(props: {
  detail: ContractDetail;
  onClose: () => void;
  /** Each saved vehicle; the dialog stays open after 保存并登记下一辆. */
  onApplied: (detail: ContractDetail) => void;
}) {
  const { detail, onClose, onApplied } = props;
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const system = detail.kind === 'system';
  const today = chinaDate();

  const lineId = Form.useWatch('lineId', form) ?? null;
  const rawVin = Form.useWatch('vin', form) ?? '';
  const owner = Form.useWatch('registrationOwner', form) ?? '';
  const allocationId = Form.useWatch('allocationId', form) ?? null;
  const confirmed = Form.useWatch('acceptCheckDigit', form) ?? false;
  const vin = vinState(rawVin);
  const taken = vin.problem === null && detail.deliveries.some((d) => d.vin === vin.vin);
  const vinStatus = !vin.vin
    ? undefined
    : taken || !vinAcceptable(vin, confirmed)
      ? ('error' as const)
      : vin.problem
        ? ('warning' as const)
        : ('success' as const);
  const allocations = detail.allocations.filter((x) => x.lineId === lineId);
  const party = partyOf(detail, allocationId);
  // Direct buyers prove a KA sale by one organisation on contract, invoice and registration;
  // system units register their own vehicles. A procurement centre's purchaser may differ.
  const ownerChecked = detail.buyerType === 'direct' || system;
  const ownerDiffers = ownerChecked && owner.trim() !== '' && owner.trim() !== party;

  const firstAllocation = (id: number | null) =>
    detail.allocations.find((x) => x.lineId === id && x.delivered < x.quantity) ?? null;
  const initial = nextSlot(detail) ?? { lineId: detail.lines[0]?.id ?? null, allocationId: null };

  // The registration owner follows the unit until the user types their own.
  const follow = (nextAllocation: number | null) => {
    if (!form.isFieldTouched('registrationOwner'))
      form.setFieldValue('registrationOwner', partyOf(detail, nextAllocation));
  };

  const save = async (next: boolean) => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.lineId === null || v.deliveredOn === null) return;
    setSaving(true);
    const r = await call('contracts.deliver', {
      contractId: detail.id,
      lineId: v.lineId,
      allocationId: system ? v.allocationId : null,
      vin: vinState(v.vin).vin,
      acceptCheckDigit: vinState(v.vin).problem === 'check_digit' && v.acceptCheckDigit,
      plate: v.plate,
      registrationOwner: v.registrationOwner,
      deliveredOn: v.deliveredOn,
    });
    setSaving(false);
    if (!r.ok) return setError(placeIssues(form, r.error, t, sameNames(FIELDS)));
    setError(null);
    void message.success(t('contracts.delivered1', { vin: vinState(v.vin).vin }));
    onApplied(r.value);
    if (!next) return onClose();
    // Keep line, unit, owner and date for the next vehicle of the batch; once the line (or the
    // unit's allocation) is full, move on to the next one with vehicles left.
    const line = r.value.lines.find((l) => l.id === v.lineId);
    const x = r.value.allocations.find((a) => a.id === v.allocationId);
    const full =
      !line || line.delivered >= line.quantity || (system && (!x || x.delivered >= x.quantity));
    const slot = full ? nextSlot(r.value) : null;
    if (full && !slot) return onClose();
    form.setFieldsValue({ vin: '', plate: '', acceptCheckDigit: false });
    if (slot) {
      form.setFieldsValue(slot);
      if (!form.isFieldTouched('registrationOwner'))
        form.setFieldValue('registrationOwner', partyOf(r.value, slot.allocationId));
    }
  };

  return (
    <Modal
      open
      title={t('contracts.deliveryAdd')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="delivery-dialog"
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="next"
          loading={saving}
          onClick={() => void save(true)}
          data-testid="dd-submit-next"
        >
          {t('contracts.saveAndNext')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={saving}
          onClick={() => void save(false)}
          data-testid="dd-submit"
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="form-grid"
        initialValues={{
          lineId: initial.lineId,
          allocationId: initial.allocationId,
          vin: '',
          acceptCheckDigit: false,
          plate: '',
          registrationOwner: partyOf(detail, initial.allocationId),
          deliveredOn: today,
        }}
      >
        <Form.Item
          name="lineId"
          label={t('contracts.line')}
          className={system ? undefined : 'form-grid__wide'}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <Select<number>
            options={detail.lines.map((l) => ({
              value: l.id,
              disabled: l.delivered >= l.quantity,
              label: `${lineLabel(l)} · ${formatCount(l.delivered, lang)} / ${formatCount(l.quantity, lang)}`,
            }))}
            onChange={(v) => {
              const x = system ? firstAllocation(v) : null;
              form.setFieldValue('allocationId', x?.id ?? null);
              follow(x?.id ?? null);
            }}
            data-testid="dd-lineId"
          />
        </Form.Item>
        {system && (
          <Form.Item
            name="allocationId"
            label={t('contracts.allocation')}
            rules={[{ required: true, message: t('reason.delivery.allocation_missing') }]}
          >
            <Select<number>
              placeholder={t('contracts.allocationPlaceholder')}
              notFoundContent={t('contracts.allocationsNoneForLine')}
              options={allocations.map((x) => ({
                value: x.id,
                disabled: x.delivered >= x.quantity,
                label: `${x.unit.name} · ${formatCount(x.delivered, lang)} / ${formatCount(x.quantity, lang)}`,
              }))}
              onChange={(v) => follow(v)}
              data-testid="dd-allocationId"
            />
          </Form.Item>
        )}
        <Form.Item
          name="vin"
          label={t('contracts.vin')}
          className="form-grid__wide"
          // Stored as the API stores it: upper case, half-width, without spaces and dashes.
          normalize={(v: string | undefined) => normalizeVin(v ?? '')}
          // The live feedback replaces the validator's message once something is typed.
          help={
            vin.vin ? <VinFeedback state={vin} taken={taken} confirmed={confirmed} /> : undefined
          }
          validateStatus={vinStatus}
          rules={[
            {
              validator: (_, value: string) => {
                const s = vinState(value);
                if (!s.vin) return Promise.reject(new Error(t('val.required')));
                if (taken) return Promise.reject(new Error(t('reason.vin.taken')));
                if (vinAcceptable(s, form.getFieldValue('acceptCheckDigit') === true))
                  return Promise.resolve();
                return Promise.reject(
                  new Error(
                    s.problem === 'check_digit'
                      ? t('contracts.vinConfirmNeeded')
                      : reasonText(`vin.${s.problem ?? 'length'}`, t),
                  ),
                );
              },
            },
          ]}
        >
          <Input
            className="mono"
            maxLength={30}
            autoFocus
            placeholder={t('contracts.vinPlaceholder')}
            data-testid="dd-vin"
          />
        </Form.Item>
        {vin.problem === 'check_digit' && (
          <Form.Item name="acceptCheckDigit" valuePropName="checked" className="form-grid__wide">
            <Checkbox
              onChange={() => void form.validateFields(['vin']).catch(() => undefined)}
              data-testid="dd-acceptCheckDigit"
            >
              {t('contracts.vinImported')}
            </Checkbox>
          </Form.Item>
        )}
        <Form.Item
          name="plate"
          label={t('contracts.plate')}
          rules={[{ max: 20, message: t('val.maxLength', { max: 20 }) }]}
        >
          <Input placeholder={t('contracts.platePlaceholder')} data-testid="dd-plate" />
        </Form.Item>
        <Form.Item
          name="deliveredOn"
          label={t('contracts.deliveredOn')}
          rules={[
            { required: true, message: t('val.required') },
            {
              validator: (_, v: string | null) =>
                v && v > today
                  ? Promise.reject(new Error(t('reason.date.future')))
                  : v && detail.signedOn && v < detail.signedOn
                    ? Promise.reject(new Error(t('reason.delivery.before_signing')))
                    : Promise.resolve(),
            },
          ]}
          extra={
            detail.signedOn &&
            t('contracts.signedOnHint', { date: formatDate(detail.signedOn, lang) })
          }
        >
          <DateInput testId="dd-deliveredOn" />
        </Form.Item>
        <Form.Item
          name="registrationOwner"
          label={t('contracts.registrationOwner')}
          className="form-grid__wide"
          rules={[{ max: 200, message: t('val.maxLength', { max: 200 }) }]}
        >
          <Input data-testid="dd-registrationOwner" />
        </Form.Item>
      </Form>
      {ownerDiffers && (
        <Alert type="warning" showIcon title={t('contracts.ownerDiffers', { party })} />
      )}
    </Modal>
  );
}
