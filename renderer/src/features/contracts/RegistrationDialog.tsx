/**
 * 登记行驶证: a delivered vehicle's registration. The VIN is typed from the registration itself,
 * not copied from the delivery: a registration of another vehicle is caught here. The owner
 * defaults to the party (or the unit): a KA sale wants them to be the same organisation.
 */
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import { normalizeVin } from '../../../../shared/vin';
import type { ContractDetail, DeliveryRecord } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { partyOf } from './contract-rules';
import { placeIssues, sameNames } from '../../lib/form-issues';
import { VinFeedback, vinState } from './vin-feedback';

interface Values {
  vin: string;
  registrationOwner: string;
  plate: string;
  registeredOn: string | null;
}

const FIELDS = ['vin', 'registrationOwner', 'plate', 'registeredOn'];

export function RegistrationDialog(props: {
  detail: ContractDetail;
  delivery: DeliveryRecord;
  onClose: () => void;
  onApplied: (detail: ContractDetail) => void;
}) {
  const { detail, delivery, onClose, onApplied } = props;
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const today = chinaDate();
  const party = partyOf(detail, delivery.allocationId);

  const vin = vinState(Form.useWatch('vin', form) ?? '');
  const owner = (Form.useWatch('registrationOwner', form) ?? '').trim();
  const complete = vin.vin.length === 17;
  const mismatch = complete && vin.vin !== delivery.vin;
  // A procurement centre's purchaser may register under its own name; others must match.
  const ownerDiffers = detail.buyerType !== 'government' && owner !== '' && owner !== party;

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.registeredOn === null) return;
    setSaving(true);
    const r = await call('contracts.registerVehicle', {
      deliveryId: delivery.id,
      vin: vinState(v.vin).vin,
      registrationOwner: v.registrationOwner.trim(),
      plate: v.plate.trim() || null,
      registeredOn: v.registeredOn,
    });
    setSaving(false);
    if (!r.ok) return setError(placeIssues(form, r.error, t, sameNames(FIELDS)));
    void message.success(t('contracts.registered', { vin: delivery.vin }));
    onApplied(r.value);
    onClose();
  };

  return (
    <Modal
      open
      title={t('contracts.registerTitle', { vin: delivery.vin })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, ...testId('registration-submit') }}
      onOk={() => void save()}
      onCancel={onClose}
      width={600}
      destroyOnHidden
      data-testid="registration-dialog"
    >
      <Typography.Paragraph type="secondary">{t('contracts.registerIntro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="form-grid"
        initialValues={{
          vin: '',
          registrationOwner: delivery.registrationOwner ?? party,
          plate: delivery.plate ?? '',
          registeredOn: delivery.registeredOn ?? (today < delivery.deliveredOn ? null : today),
        }}
      >
        <Form.Item
          name="vin"
          label={t('contracts.registerVin')}
          className="form-grid__wide"
          normalize={(v: string | undefined) => normalizeVin(v ?? '')}
          help={
            mismatch ? (
              <span className="con-vin con-vin--bad" data-testid="registration-vin-mismatch">
                {t('reason.registration.vin_mismatch')}
              </span>
            ) : vin.vin ? (
              <VinFeedback state={vin} taken={false} confirmed={false} />
            ) : undefined
          }
          validateStatus={mismatch ? 'error' : undefined}
          rules={[
            { required: true, message: t('val.required') },
            {
              validator: (_, value: string) =>
                normalizeVin(value ?? '') !== '' && normalizeVin(value ?? '') !== delivery.vin
                  ? Promise.reject(new Error(t('reason.registration.vin_mismatch')))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input
            className="mono"
            maxLength={30}
            autoFocus
            placeholder={t('contracts.registerVinPlaceholder')}
            data-testid="registration-vin"
          />
        </Form.Item>
        <Form.Item
          name="registrationOwner"
          label={t('contracts.registrationOwner')}
          className="form-grid__wide"
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 200, message: t('val.maxLength', { max: 200 }) },
          ]}
        >
          <Input data-testid="registration-owner" />
        </Form.Item>
        <Form.Item
          name="plate"
          label={t('contracts.plate')}
          rules={[{ max: 20, message: t('val.maxLength', { max: 20 }) }]}
        >
          <Input placeholder={t('contracts.platePlaceholder')} data-testid="registration-plate" />
        </Form.Item>
        <Form.Item
          name="registeredOn"
          label={t('contracts.registeredOn')}
          extra={t('contracts.deliveredOnHint', { date: formatDate(delivery.deliveredOn, lang) })}
          rules={[
            { required: true, message: t('val.required') },
            {
              validator: (_, v: string | null) =>
                v && v > today
                  ? Promise.reject(new Error(t('reason.date.future')))
                  : v && v < delivery.deliveredOn
                    ? Promise.reject(new Error(t('reason.registration.before_delivery')))
                    : Promise.resolve(),
            },
          ]}
        >
          <DateInput testId="registration-date" />
        </Form.Item>
      </Form>
      {ownerDiffers && (
        <Alert type="warning" showIcon title={t('contracts.ownerDiffers', { party })} />
      )}
    </Modal>
  );
}
