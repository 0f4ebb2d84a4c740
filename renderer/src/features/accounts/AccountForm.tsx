/**
 * Create or edit an account. Duplicates are caught three ways: a check when leaving the name or
 * USCC field (a warning only), the server's refusal of a taken USCC (an error on the field), and
 * the server's possible-duplicate refusal (a modal where the user may save anyway).
 */
import {
  App,
  Button,
  Divider,
  Drawer,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Select,
} from 'antd';
import { useRef, useState } from 'react';
import { z } from 'zod';
import {
  ALIAS_KINDS,
  BUYER_TYPES,
  GRADES,
  INDUSTRIES,
  LIFECYCLES,
  SOURCES,
  VALUE_TYPES,
} from '../../../../shared/enums';
import {
  type AccountDetail,
  type AccountRef,
  accountRef,
  type DuplicateMatch,
  duplicateMatch,
} from '../../../../shared/schemas/accounts';
import type { ApiError } from '../../../../shared/result';
import { normalizeUscc, usccProblem } from '../../../../shared/uscc';
import { useSession } from '../../app/session';
import { call } from '../../api/client';
import { detailsOf, errorKind, fieldIssues, issueText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isStale } from '../../components/StaleAlert';
import { AddRowButton, RemoveRowButton } from '../../components/FormListButtons';
import { useEnumOptions, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import {
  type AccountFormValues,
  emptyValues,
  formPathOf,
  inputOf,
  valuesOf,
} from './account-form-values';
import { DuplicateHint, DuplicateModal, SameNameModal, UsccTaken } from './Duplicates';
import { OrgNatureField } from './OrgNatureField';
import { ParentSelect } from './ParentSelect';
import { RegionCascader } from './RegionCascader';

const USCC_PROBLEM_KEYS: Record<'length' | 'charset' | 'check', MessageKey> = {
  length: 'val.usccLength',
  charset: 'val.usccCharset',
  check: 'val.usccCheck',
};

type FieldName = Parameters<FormInstance<AccountFormValues>['setFields']>[0][number]['name'];

interface Props {
  detail: AccountDetail | null;
  onClose: () => void;
  onSaved: (saved: AccountDetail) => void;
  onOpenAccount: (id: number) => void;
}

export function AccountForm({ detail, onClose, onSaved, onOpenAccount }: Props) {
  const t = useT();
  const options = useEnumOptions();
  const { modal, message } = App.useApp();
  const { user, staff } = useSession();
  const [form] = Form.useForm<AccountFormValues>();
  const [base, setBase] = useState<AccountDetail | null>(detail);
  const [similar, setSimilar] = useState<DuplicateMatch[]>([]);
  const [usccTaken, setUsccTaken] = useState<AccountRef | null>(null);
  const [dupModal, setDupModal] = useState<DuplicateMatch[] | null>(null);
  // Accounts of the very same name the user confirmed as other organisations, by id.
  const [sameModal, setSameModal] = useState<DuplicateMatch[] | null>(null);
  const [confirmedSame, setConfirmedSame] = useState<number[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const checkSeq = useRef(0);

  const excludeId = base?.id ?? null;
  const ownerOptions = staff.map((s) => ({ value: s.id, label: s.name }));
  if (base?.owner && !staff.some((s) => s.id === base.owner?.id))
    ownerOptions.push({ value: base.owner.id, label: base.owner.name });

  const confirmDiscard = (then: () => void) => {
    if (!form.isFieldsTouched()) return then();
    modal.confirm({
      title: t('accountForm.discardTitle'),
      content: t('accountForm.discardBody'),
      okText: t('accountForm.discard'),
      cancelText: t('accountForm.keepEditing'),
      okButtonProps: { danger: true },
      onOk: then,
    });
  };
  const openExisting = (id: number) => confirmDiscard(() => onOpenAccount(id));

  const checkDuplicates = async () => {
    const v = form.getFieldsValue(['name', 'uscc', 'aliases']) as Pick<
      AccountFormValues,
      'name' | 'uscc' | 'aliases'
    >;
    const name = (v.name ?? '').trim();
    const uscc = normalizeUscc(v.uscc ?? '');
    if (!name && !uscc) return;
    const mine = ++checkSeq.current;
    const r = await call('accounts.checkDuplicates', {
      name,
      uscc: uscc && !usccProblem(uscc) ? uscc : null,
      aliases: (v.aliases ?? []).map((a) => a?.alias ?? '').filter((a) => a.trim()),
      excludeId,
    });
    if (mine !== checkSeq.current || !r.ok) return;
    setSimilar(r.value.similar);
    setUsccTaken(r.value.usccTaken);
  };

  const showError = (error: ApiError) => {
    const kind = errorKind(error);
    const details = detailsOf(error);
    if (error.code === 'CONFLICT' && kind === 'uscc_taken') {
      const existing = accountRef.safeParse(details.existing);
      setDupModal(null);
      if (existing.success) {
        setUsccTaken(existing.data);
        form.scrollToField('uscc');
        return;
      }
    }
    if (error.code === 'CONFLICT' && kind === 'same_name') {
      const matches = z.array(duplicateMatch).safeParse(details.matches);
      if (matches.success) {
        setDupModal(null);
        return setSameModal(matches.data);
      }
    }
    if (error.code === 'CONFLICT' && kind === 'possible_duplicate') {
      const matches = z.array(duplicateMatch).safeParse(details.matches);
      if (matches.success) return setDupModal(matches.data);
    }
    if (isStale(error)) {
      setDupModal(null);
      return setFormError(error);
    }
    setDupModal(null);
    const issues = fieldIssues(error);
    const unplaced = issues.filter((i) => !formPathOf(i.path));
    const placed = issues.flatMap((i) => {
      const name = formPathOf(i.path);
      return name ? [{ name: name as FieldName, errors: [issueText(i, t)] }] : [];
    });
    form.setFields(placed);
    if (placed[0]) form.scrollToField(placed[0].name);
    // Issues shown on their fields are not repeated; the rest go into the alert by field name.
    if (issues.length === 0) setFormError(error);
    else if (unplaced.length > 0) setFormError({ ...error, details: { fields: unplaced } });
    else setFormError(null);
  };

  const save = async (acknowledgeDuplicates: boolean, confirmSameName = confirmedSame) => {
    const values = await form
      .validateFields()
      .catch((e: { errorFields?: { name: (string | number)[] }[] }) => {
        const first = e.errorFields?.[0];
        if (first) form.scrollToField(first.name);
        return null;
      });
    if (!values?.buyerType) return;
    if (usccTaken) {
      form.scrollToField('uscc');
      return;
    }
    const account = inputOf(values, values.buyerType);
    setSaving(true);
    setFormError(null);
    const r = base
      ? await call('accounts.update', {
          id: base.id,
          account,
          acknowledgeDuplicates,
          version: base.version,
          confirmSameName,
        })
      : await call('accounts.create', { account, acknowledgeDuplicates, confirmSameName });
    setSaving(false);
    if (!r.ok) return showError(r.error);
    setDupModal(null);
    void message.success(
      t(base ? 'accountForm.updated' : 'accountForm.created', { name: r.value.name }),
    );
    onSaved(r.value);
  };

  const reloadStale = async () => {
    if (!base) return;
    const r = await call('accounts.get', { id: base.id });
    if (!r.ok) return setFormError(r.error);
    setBase(r.value);
    form.resetFields();
    form.setFieldsValue(valuesOf(r.value));
    setFormError(null);
  };

  const max = (n: number) => ({ max: n, message: t('val.maxLength', { max: n }) });
  const required = { required: true, message: t('val.required') };

  return (
    <Drawer
      open
      size={780}
      title={base ? t('accountForm.editTitle', { name: base.name }) : t('accountForm.createTitle')}
      onClose={() => confirmDiscard(onClose)}
      destroyOnHidden
      data-testid="account-form"
      footer={
        <>
          {formError && (
            <ErrorAlert
              error={formError}
              className="gap-bottom"
              data-testid="account-form-error"
              onReload={() => void reloadStale()}
            />
          )}
          <div className="drawer-footer">
            <Button onClick={() => confirmDiscard(onClose)} data-testid="account-form-cancel">
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              loading={saving}
              onClick={() => void save(false)}
              data-testid="account-form-save"
            >
              {t('common.save')}
            </Button>
          </div>
        </>
      }
    >
      <Form<AccountFormValues>
        form={form}
        layout="vertical"
        className="form-grid"
        initialValues={base ? valuesOf(base) : emptyValues(user.id)}
        onValuesChange={(changed: Partial<AccountFormValues>) => {
          if ('uscc' in changed) {
            setUsccTaken(null);
            form.setFields([{ name: 'uscc', errors: [] }]);
          }
        }}
      >
        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('accountForm.sectionIdentity')}
        </Divider>
        <Form.Item
          name="name"
          label={t('account.name')}
          rules={[{ ...required, whitespace: true }, max(200)]}
          className="form-grid__wide"
          extra={
            similar.length > 0 ? (
              <DuplicateHint matches={similar} onOpen={openExisting} />
            ) : undefined
          }
        >
          <Input autoFocus onBlur={() => void checkDuplicates()} data-testid="af-name" />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('account.uscc')}
          normalize={(v: string) => normalizeUscc(v ?? '')}
          validateTrigger="onBlur"
          validateStatus={usccTaken ? 'error' : undefined}
          help={usccTaken ? <UsccTaken existing={usccTaken} onOpen={openExisting} /> : undefined}
          rules={[
            {
              validator: (_, v: string | undefined) => {
                const problem = v ? usccProblem(v) : null;
                return problem
                  ? Promise.reject(new Error(t(USCC_PROBLEM_KEYS[problem])))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <Input
            className="mono"
            maxLength={40}
            placeholder={t('accountForm.usccPlaceholder')}
            onBlur={() => void checkDuplicates()}
            data-testid="af-uscc"
          />
        </Form.Item>
        <Form.Item name="buyerType" label={t('account.buyerType')} rules={[required]}>
          <Select
            options={options(BUYER_TYPES)}
            placeholder={t('common.choose')}
            data-testid="af-buyerType"
          />
        </Form.Item>

        <Form.Item label={t('account.aliases')} className="form-grid__wide">
          <Form.List name="aliases">
            {(fields, { add, remove }) => (
              <div className="form-list">
                {fields.map((field, i) => (
                  <div key={field.key} className="alias-row">
                    <Form.Item
                      name={[field.name, 'alias']}
                      rules={[{ ...required, whitespace: true }, max(200)]}
                    >
                      <Input
                        placeholder={t('accountForm.aliasPlaceholder')}
                        data-testid={`af-alias-${i}`}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']}>
                      <Select options={options(ALIAS_KINDS)} data-testid={`af-alias-kind-${i}`} />
                    </Form.Item>
                    <RemoveRowButton
                      onClick={() => remove(field.name)}
                      testId={`af-alias-remove-${i}`}
                    />
                  </div>
                ))}
                <AddRowButton
                  onClick={() => add({ alias: '', kind: 'alias' })}
                  testId="af-alias-add"
                >
                  {t('accountForm.addAlias')}
                </AddRowButton>
              </div>
            )}
          </Form.List>
        </Form.Item>

        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('accountForm.sectionOrganisation')}
        </Divider>
        <Form.Item name="industry" label={t('account.industry')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={options(INDUSTRIES)}
            placeholder={t('common.choose')}
            data-testid="af-industry"
          />
        </Form.Item>
        <OrgNatureField form={form} />
        <Form.Item name="region" label={t('account.region')}>
          <RegionCascader />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('account.address')}
          rules={[max(300)]}
          className="form-grid__wide"
        >
          <Input data-testid="af-address" />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t('account.parent')}
          className="form-grid__wide"
          extra={t('accountForm.parentHint')}
        >
          <ParentSelect excludeId={excludeId} initial={base?.parent ?? null} />
        </Form.Item>

        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('accountForm.sectionClassification')}
        </Divider>
        <Form.Item name="grade" label={t('account.grade')} rules={[required]}>
          <Select options={options(GRADES)} data-testid="af-grade" />
        </Form.Item>
        <Form.Item name="valueType" label={t('account.valueType')}>
          <Select
            allowClear
            options={options(VALUE_TYPES)}
            placeholder={t('common.choose')}
            data-testid="af-valueType"
          />
        </Form.Item>
        <Form.Item name="lifecycle" label={t('account.lifecycle')} rules={[required]}>
          <Select options={options(LIFECYCLES)} data-testid="af-lifecycle" />
        </Form.Item>
        <Form.Item name="source" label={t('account.source')}>
          <Select
            allowClear
            options={options(SOURCES)}
            placeholder={t('common.choose')}
            data-testid="af-source"
          />
        </Form.Item>
        <Form.Item name="ownerId" label={t('account.owner')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={ownerOptions}
            placeholder={t('common.choose')}
            data-testid="af-owner"
          />
        </Form.Item>

        <Divider titlePlacement="start" className="form-grid__wide form-section">
          {t('account.fleet')}
        </Divider>
        <Form.List name="fleet">
          {(fields, { add, remove }) => (
            <div className="form-list form-grid__wide">
              {fields.length > 0 && (
                <div className="fleet-row fleet-row--head">
                  <span>{t('fleet.brand')}</span>
                  <span>{t('fleet.model')}</span>
                  <span>{t('fleet.count')}</span>
                  <span>{t('fleet.year')}</span>
                  <span />
                </div>
              )}
              {fields.map((field, i) => (
                <div key={field.key} className="fleet-row">
                  <Form.Item
                    name={[field.name, 'brand']}
                    rules={[{ ...required, whitespace: true }, max(50)]}
                  >
                    <Input placeholder={t('fleet.brand')} data-testid={`af-fleet-brand-${i}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'model']}
                    rules={[{ ...required, whitespace: true }, max(80)]}
                  >
                    <Input placeholder={t('fleet.model')} data-testid={`af-fleet-model-${i}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'count']} rules={[required]}>
                    <InputNumber
                      min={0}
                      max={100_000}
                      precision={0}
                      className="full-width"
                      data-testid={`af-fleet-count-${i}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'year']}>
                    <InputNumber
                      min={1950}
                      max={2100}
                      precision={0}
                      className="full-width"
                      data-testid={`af-fleet-year-${i}`}
                    />
                  </Form.Item>
                  <RemoveRowButton
                    onClick={() => remove(field.name)}
                    testId={`af-fleet-remove-${i}`}
                  />
                </div>
              ))}
              <AddRowButton
                onClick={() => add({ brand: '', model: '', count: 1, year: null })}
                testId="af-fleet-add"
              >
                {t('accountForm.addFleet')}
              </AddRowButton>
            </div>
          )}
        </Form.List>

        <Form.Item
          name="notes"
          label={t('account.notes')}
          rules={[max(5000)]}
          className="form-grid__wide form-notes"
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="af-notes" />
        </Form.Item>
      </Form>
      {sameModal && (
        <SameNameModal
          name={String(form.getFieldValue('name') ?? '')}
          matches={sameModal}
          saving={saving}
          onCancel={() => setSameModal(null)}
          onConfirm={(ids) => {
            setConfirmedSame(ids);
            setSameModal(null);
            void save(false, ids);
          }}
          onOpen={(id) => {
            setSameModal(null);
            openExisting(id);
          }}
        />
      )}
      {dupModal && (
        <DuplicateModal
          matches={dupModal}
          saving={saving}
          onCancel={() => setDupModal(null)}
          onSaveAnyway={() => void save(true)}
          onOpen={(id) => {
            setDupModal(null);
            onOpenAccount(id);
          }}
        />
      )}
    </Drawer>
  );
}
