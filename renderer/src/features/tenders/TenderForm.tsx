/**
 * Create or edit a tender. The date-order rules run as the user types (the server checks them
 * again); an edit sends the version it started from, so a concurrent change is not overwritten.
 */
import { Alert, App, Button, Divider, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import { PROCUREMENT_METHODS } from '../../../../shared/sales-enums';
import type { TenderDetail } from '../../../../shared/schemas/tenders';
import { type AmendableField, lockedScheduleFields } from '../../../../shared/tender-amendments';
import { useSession } from '../../app/session';
import { call } from '../../api/client';
import { fieldIssues, issueText } from '../../api/errors';
import { AccountPicker } from '../../components/AccountPicker';
import { DateInput, DateTimeInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isStale } from '../../components/StaleAlert';
import { MoneyInput } from '../../components/MoneyInput';
import { StaffSelect } from '../../components/StaffSelect';
import { useEnumOptions, useT } from '../../i18n/context';
import { AmendDialog } from './AmendDialog';
import { dateProblems, problemProps } from './date-problems';
import { LotsFields } from './LotsFields';
import { OpportunitySelect } from '../../components/LinkSelects';
import {
  emptyValues,
  formPathOf,
  inputOf,
  type TenderFormValues,
  valuesOf,
} from './tender-form-values';

type FieldName = (string | number)[];

// The label sits above the field: centre it so neither is hidden under the modal's title.
const CENTER = { block: 'center' } as const;

/** The date fields the form holds; awardedOn/publicityEndOn come from the recorded award. */
const DATE_FIELDS = new Set([
  'intentionOn',
  'announcedOn',
  'docSaleStartOn',
  'docSaleEndOn',
  'bidDeadlineAt',
  'openingAt',
  'bondPaidOn',
  'bondRefundDueOn',
  'bondRefundedOn',
]);

interface Props {
  detail: TenderDetail | null;
  onClose: () => void;
  onSaved: (saved: TenderDetail) => void;
  /** An amendment recorded from the form (it is saved at once, whatever becomes of the edit). */
  onAmended?: (saved: TenderDetail) => void;
}

/** The opportunity a tender decides is chosen among its purchaser's, in the tender form's words. */
const OPPORTUNITY_WORDS = {
  pickAccountFirst: 'tenders.form.opportunityNeedsPurchaser',
  none: 'tenders.form.opportunityNone',
  empty: 'tenders.form.opportunityEmpty',
} as const;

export function TenderForm({ detail, onClose, onSaved, onAmended }: Props) {
  const t = useT();
  const options = useEnumOptions();
  const { modal, message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<TenderFormValues>();
  const [base, setBase] = useState<TenderDetail | null>(detail);
  const [initial, setInitial] = useState<TenderFormValues>(() =>
    detail ? valuesOf(detail) : emptyValues(user.id),
  );
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [amending, setAmending] = useState(false);
  // Published facts of an announced tender change through an amendment (更正公告), not here.
  const locked: ReadonlySet<string> = base ? lockedScheduleFields(base) : new Set<AmendableField>();
  const final =
    base?.status === 'awarded' || base?.status === 'failed' || base?.status === 'cancelled';
  // Before the form has mounted the watch is empty: read the initial values meanwhile.
  const watched = {
    ...initial,
    ...(Form.useWatch([], form) as Partial<TenderFormValues> | undefined),
  };

  const problems = dateProblems(
    { ...watched, awardedOn: base?.awardedOn, publicityEndOn: base?.publicityEndOn },
    t,
  );
  // Problems with the recorded award (an opening moved past it) have no field here.
  const awardProblems = [...problems].filter(([field]) => !DATE_FIELDS.has(field));
  const decided = new Set(
    (base?.lots ?? []).filter((l) => l.result !== 'pending').map((l) => l.id),
  );

  const confirmDiscard = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: t('tenders.form.discardTitle'),
      okText: t('tenders.form.discard'),
      cancelText: t('tenders.form.keepEditing'),
      okButtonProps: { danger: true },
      onOk: onClose,
    });
  };

  const showError = (error: ApiError) => {
    if (isStale(error)) return setFormError(error);
    const issues = fieldIssues(error);
    const placed = issues.flatMap((i) => {
      const name = formPathOf(i.path);
      return name ? [{ name: name as FieldName, errors: [issueText(i, t)] }] : [];
    });
    const unplaced = issues.filter((i) => !formPathOf(i.path));
    form.setFields(placed as Parameters<typeof form.setFields>[0]);
    if (placed[0]) form.scrollToField(placed[0].name, CENTER);
    // Issues shown on their fields are not repeated; the rest go into the alert.
    if (issues.length === 0) setFormError(error);
    else if (unplaced.length > 0) setFormError({ ...error, details: { fields: unplaced } });
    else setFormError(null);
  };

  const save = async () => {
    const ok = await form
      .validateFields()
      .then(() => true)
      .catch((e: { errorFields?: { name: FieldName }[] }) => {
        const first = e.errorFields?.[0];
        if (first) form.scrollToField(first.name, CENTER);
        return false;
      });
    if (!ok) return;
    if (problems.size > 0) {
      const first = [...problems.keys()].find((f) => DATE_FIELDS.has(f));
      if (first) form.scrollToField(first, CENTER);
      return;
    }
    // All values, lot ids included (they have no field of their own).
    const values = form.getFieldsValue(true) as TenderFormValues;
    if (!values.method || values.purchaserId === null) return;
    const tender = inputOf(values, values.method, values.purchaserId);
    setSaving(true);
    setFormError(null);
    const r = base
      ? await call('tenders.update', { id: base.id, tender, version: base.version })
      : await call('tenders.create', tender);
    setSaving(false);
    if (!r.ok) return showError(r.error);
    void message.success(
      t(base ? 'tenders.form.updated' : 'tenders.form.created', { projectNo: r.value.projectNo }),
    );
    onSaved(r.value);
  };

  /** Someone else saved the tender meanwhile: start again from their version. */
  const reloadStale = async () => {
    if (!base) return;
    const r = await call('tenders.get', { id: base.id });
    if (!r.ok) return setFormError(r.error);
    const values = valuesOf(r.value);
    setBase(r.value);
    setInitial(values);
    form.resetFields();
    form.setFieldsValue(values);
    setFormError(null);
  };

  const required = { required: true, message: t('val.required') };
  const max = (n: number) => ({ max: n, message: t('val.maxLength', { max: n }) });
  /** Under a locked field: why it is read-only here. */
  const lockHint = (field: string) =>
    locked.has(field) ? (
      <span className="tender-form__locked" data-testid={`tf-locked-${field}`}>
        {final ? t('tenders.form.lockedFinal') : t('tenders.form.lockedAmend')}
      </span>
    ) : undefined;
  const date = (field: keyof TenderFormValues, label: string, instant = false) => (
    <Form.Item
      name={field}
      label={label}
      extra={lockHint(field)}
      {...problemProps(problems, field)}
    >
      {instant ? (
        <DateTimeInput testId={`tf-${field}`} disabled={locked.has(field)} />
      ) : (
        <DateInput testId={`tf-${field}`} disabled={locked.has(field)} />
      )}
    </Form.Item>
  );

  /** The amendment is saved: the form goes on from the tender as it now stands. */
  const amended = (saved: TenderDetail) => {
    setAmending(false);
    setBase(saved);
    const v = valuesOf(saved);
    form.setFieldsValue({
      budgetFen: v.budgetFen,
      intentionOn: v.intentionOn,
      announcedOn: v.announcedOn,
      docSaleStartOn: v.docSaleStartOn,
      docSaleEndOn: v.docSaleEndOn,
      bidDeadlineAt: v.bidDeadlineAt,
      openingAt: v.openingAt,
      openingPlace: v.openingPlace,
    });
    onAmended?.(saved);
  };

  return (
    <Modal
      open
      width={1100}
      style={{ top: 24 }}
      title={
        base
          ? t('tenders.form.editTitle', { projectNo: base.projectNo })
          : t('tenders.form.createTitle')
      }
      onCancel={confirmDiscard}
      maskClosable={false}
      destroyOnHidden
      className="tender-form"
      data-testid="tender-form"
      footer={
        <>
          {formError && (
            <ErrorAlert
              error={formError}
              className="gap-bottom tender-form__alert"
              data-testid="tender-form-error"
              onReload={() => void reloadStale()}
            />
          )}
          <Button onClick={confirmDiscard} data-testid="tender-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={saving}
            onClick={() => void save()}
            data-testid="tender-form-save"
          >
            {t('common.save')}
          </Button>
        </>
      }
    >
      <Form<TenderFormValues>
        form={form}
        layout="vertical"
        className="form-grid tender-form__grid"
        initialValues={initial}
        onValuesChange={(changed: Partial<TenderFormValues>) => {
          // Another purchaser has other opportunities.
          if ('purchaserId' in changed) form.setFieldValue('opportunityId', null);
        }}
      >
        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('tenders.form.sectionProject')}
        </Divider>
        <Form.Item
          name="projectNo"
          label={t('tenders.f.projectNo')}
          rules={[{ ...required, whitespace: true }, max(100)]}
        >
          <Input className="mono" autoFocus data-testid="tf-projectNo" />
        </Form.Item>
        <Form.Item name="method" label={t('tenders.f.method')} rules={[required]}>
          <Select options={options(PROCUREMENT_METHODS)} data-testid="tf-method" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('tenders.f.name')}
          rules={[{ ...required, whitespace: true }, max(300)]}
          className="form-grid__wide"
        >
          <Input data-testid="tf-name" />
        </Form.Item>
        <Form.Item name="purchaserId" label={t('tenders.f.purchaserId')} rules={[required]}>
          <AccountPicker
            initial={base ? { id: base.purchaserId, name: base.purchaserName } : null}
            testId="tf-purchaserId"
          />
        </Form.Item>
        <Form.Item name="agency" label={t('tenders.f.agency')} rules={[max(200)]}>
          <Input data-testid="tf-agency" />
        </Form.Item>
        <Form.Item name="opportunityId" label={t('tenders.f.opportunityId')}>
          <OpportunitySelect
            accountId={watched.purchaserId ?? null}
            initial={
              base?.opportunityId
                ? {
                    id: base.opportunityId,
                    title: base.opportunityTitle ?? `#${base.opportunityId}`,
                  }
                : null
            }
            testId="tf-opportunityId"
            words={OPPORTUNITY_WORDS}
          />
        </Form.Item>
        <Form.Item name="ownerId" label={t('tenders.f.ownerId')}>
          <StaffSelect testId="tf-ownerId" />
        </Form.Item>
        <Form.Item name="budgetFen" label={t('tenders.f.budgetFen')} extra={lockHint('budgetFen')}>
          <MoneyInput defaultUnit="wan" testId="tf-budgetFen" disabled={locked.has('budgetFen')} />
        </Form.Item>
        <Form.Item
          name="announcementUrl"
          label={t('tenders.f.announcementUrl')}
          rules={[
            max(1000),
            { type: 'url', message: t('tenders.form.urlInvalid') },
            { pattern: /^\s*(https?:\/\/|$)/i, message: t('tenders.form.urlInvalid') },
          ]}
        >
          <Input placeholder="https://" data-testid="tf-announcementUrl" />
        </Form.Item>

        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('tenders.form.sectionSchedule')}
        </Divider>
        {locked.size > 0 && (
          <Alert
            type="info"
            showIcon
            className="form-grid__wide gap-bottom"
            title={final ? t('tenders.form.lockedFinalNote') : t('tenders.form.lockedNote')}
            action={
              !final && (
                <Button size="small" onClick={() => setAmending(true)} data-testid="tf-amend">
                  {t('tenders.form.recordAmendment')}
                </Button>
              )
            }
            data-testid="tf-locked-note"
          />
        )}
        <div className="form-grid__wide tender-form__dates">
          {date('intentionOn', t('tenders.f.intentionOn'))}
          {date('announcedOn', t('tenders.f.announcedOn'))}
          {date('docSaleStartOn', t('tenders.f.docSaleStartOn'))}
          {date('docSaleEndOn', t('tenders.f.docSaleEndOn'))}
          {date('bidDeadlineAt', t('tenders.f.bidDeadlineAt'), true)}
          {date('openingAt', t('tenders.f.openingAt'), true)}
        </div>
        <Form.Item
          name="openingPlace"
          label={t('tenders.f.openingPlace')}
          rules={[max(200)]}
          className="form-grid__wide"
          extra={lockHint('openingPlace')}
        >
          <Input data-testid="tf-openingPlace" disabled={locked.has('openingPlace')} />
        </Form.Item>
        {awardProblems.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="form-grid__wide gap-bottom"
            title={awardProblems.map(([, text]) => text).join(t('err.issueSep'))}
            data-testid="tf-award-problems"
          />
        )}

        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('tenders.form.sectionBond')}
        </Divider>
        <div className="form-grid__wide tender-form__dates">
          <Form.Item name="bondFen" label={t('tenders.f.bondFen')}>
            <MoneyInput defaultUnit="wan" testId="tf-bondFen" />
          </Form.Item>
          {date('bondPaidOn', t('tenders.f.bondPaidOn'))}
          {date('bondRefundDueOn', t('tenders.f.bondRefundDueOn'))}
          {date('bondRefundedOn', t('tenders.f.bondRefundedOn'))}
        </div>

        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('tenders.form.sectionLots')}
        </Divider>
        <LotsFields lots={watched.lots ?? []} decided={decided} />

        <Form.Item
          name="notes"
          label={t('tenders.f.notes')}
          rules={[max(5000)]}
          className="form-grid__wide form-notes"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid="tf-notes" />
        </Form.Item>
      </Form>
      {amending && base && (
        <AmendDialog detail={base} onClose={() => setAmending(false)} onDone={amended} />
      )}
    </Modal>
  );
}
