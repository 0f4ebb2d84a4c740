/**
 * Create or edit an opportunity: account, title, owner, source, budget, expected close, demand
 * lines, contacts with their purchase roles, competitors and notes. Its stage is moved elsewhere.
 */
import { App, Button, Divider, Form, type FormInstance, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { SOURCES } from '../../../../shared/enums';
import {
  OPPORTUNITY_COLUMN_LABELS,
  type OpportunityColumn,
  type OpportunityDetail,
} from '../../../../shared/schemas/opportunities';
import type { ApiError } from '../../../../shared/result';
import { useSession } from '../../app/session';
import { call } from '../../api/client';
import { fieldIssues, issueText } from '../../api/errors';
import { AccountPicker } from '../../components/AccountPicker';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isStale } from '../../components/StaleAlert';
import { MoneyInput } from '../../components/MoneyInput';
import { StaffSelect } from '../../components/StaffSelect';
import { useEnumLabel, useEnumOptions, useT } from '../../i18n/context';
import { CompetitorsField } from './CompetitorsField';
import { ContactsField } from './ContactsField';
import { DemandLinesField } from './DemandLinesField';
import {
  emptyValues,
  formPathOf,
  inputOf,
  type OpportunityFormValues,
  valuesOf,
} from './opportunity-form-values';

type FieldName = Parameters<FormInstance<OpportunityFormValues>['setFields']>[0][number]['name'];

interface Props {
  /** The opportunity to edit; null to create one. */
  detail: OpportunityDetail | null;
  /** For a new opportunity: the account it starts on (from the account card). */
  account?: { id: number; name: string } | null;
  onClose: () => void;
  onSaved: (saved: OpportunityDetail) => void;
}

export function OpportunityForm({ detail, account = null, onClose, onSaved }: Props) {
  const t = useT();
  const options = useEnumOptions();
  const label = useEnumLabel();
  const col = (id: OpportunityColumn) => label(OPPORTUNITY_COLUMN_LABELS, id);
  const { modal, message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<OpportunityFormValues>();
  const [base, setBase] = useState<OpportunityDetail | null>(detail);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const accountId = Form.useWatch('accountId', form) ?? null;
  const lines = Form.useWatch('lines', form);
  const contacts = Form.useWatch('contacts', form);

  // Tenders and contracts are the account's: an opportunity with them stays on its account.
  const accountLocked = base !== null && (base.tenders.length > 0 || base.contracts.length > 0);
  const initialAccount = base ? { id: base.accountId, name: base.accountName } : account;

  const confirmDiscard = (then: () => void) => {
    if (!form.isFieldsTouched()) return then();
    modal.confirm({
      title: t('opp.discardTitle'),
      content: t('opp.discardBody'),
      okText: t('opp.discard'),
      cancelText: t('opp.keepEditing'),
      okButtonProps: { danger: true },
      onOk: then,
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
    form.setFields(placed);
    if (placed[0]) form.scrollToField(placed[0].name);
    // Issues shown on their fields are not repeated; the rest go into the alert.
    if (issues.length === 0) setFormError(error);
    else if (unplaced.length > 0) setFormError({ ...error, details: { fields: unplaced } });
    else setFormError(null);
  };

  const save = async () => {
    const values = await form
      .validateFields()
      .catch((e: { errorFields?: { name: (string | number)[] }[] }) => {
        const first = e.errorFields?.[0];
        if (first) form.scrollToField(first.name);
        return null;
      });
    if (!values || values.accountId === null) return;
    const input = inputOf(values, values.accountId);
    setSaving(true);
    setFormError(null);
    const r = base
      ? await call('opportunities.update', {
          id: base.id,
          opportunity: input,
          version: base.version,
        })
      : await call('opportunities.create', input);
    setSaving(false);
    if (!r.ok) return showError(r.error);
    void message.success(t(base ? 'opp.saved' : 'opp.created', { title: r.value.title }));
    onSaved(r.value);
  };

  const reloadStale = async () => {
    if (!base) return;
    const r = await call('opportunities.get', { id: base.id });
    if (!r.ok) return setFormError(r.error);
    setBase(r.value);
    form.resetFields();
    form.setFieldsValue(valuesOf(r.value));
    setFormError(null);
  };

  const max = (n: number) => ({ max: n, message: t('val.maxLength', { max: n }) });
  const required = { required: true, message: t('val.required') };

  return (
    <Modal
      open
      width={1000}
      title={base ? t('opp.editTitle', { title: base.title }) : t('opp.createTitle')}
      onCancel={() => confirmDiscard(onClose)}
      maskClosable={false}
      destroyOnHidden
      data-testid="opportunity-form"
      classNames={{ body: 'opp-form__body' }}
      footer={
        <>
          {formError && (
            <ErrorAlert
              error={formError}
              className="gap-bottom opp-form__alert"
              data-testid="of-error"
              onReload={() => void reloadStale()}
            />
          )}
          <Button onClick={() => confirmDiscard(onClose)} data-testid="of-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void save()} data-testid="of-save">
            {t('common.save')}
          </Button>
        </>
      }
    >
      <Form<OpportunityFormValues>
        form={form}
        layout="vertical"
        className="form-grid"
        initialValues={base ? valuesOf(base) : emptyValues(user.id, account?.id ?? null)}
        onValuesChange={(changed: Partial<OpportunityFormValues>) => {
          // Contacts belong to the account: another account starts with none.
          if ('accountId' in changed) form.setFieldValue('contacts', []);
        }}
      >
        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('opp.sectionBasics')}
        </Divider>
        <Form.Item
          name="accountId"
          label={col('accountName')}
          rules={[required]}
          className="form-grid__wide"
          extra={accountLocked ? t('opp.accountLocked') : undefined}
        >
          <AccountPicker
            initial={initialAccount}
            allowClear={false}
            disabled={accountLocked}
            testId="of-account"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('opp.title')}
          rules={[{ ...required, whitespace: true }, max(200)]}
          className="form-grid__wide"
        >
          <Input placeholder={t('opp.titlePlaceholder')} data-testid="of-title" />
        </Form.Item>
        <Form.Item name="ownerId" label={col('ownerId')}>
          <StaffSelect testId="of-owner" />
        </Form.Item>
        <Form.Item name="source" label={col('source')}>
          <Select
            allowClear
            options={options(SOURCES)}
            placeholder={t('common.choose')}
            data-testid="of-source"
          />
        </Form.Item>
        <Form.Item name="budgetFen" label={col('budgetFen')}>
          <MoneyInput defaultUnit="wan" testId="of-budget" />
        </Form.Item>
        <Form.Item name="expectedCloseOn" label={col('expectedCloseOn')}>
          <DateInput testId="of-expectedCloseOn" />
        </Form.Item>

        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('opp.lines')}
        </Divider>
        <DemandLinesField lines={lines} />

        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('opp.contacts')}
        </Divider>
        <ContactsField form={form} accountId={accountId} chosen={contacts} />

        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('opp.competitors')}
        </Divider>
        <CompetitorsField />

        <Form.Item
          name="notes"
          label={t('opp.notes')}
          rules={[max(5000)]}
          className="form-grid__wide form-notes"
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="of-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
