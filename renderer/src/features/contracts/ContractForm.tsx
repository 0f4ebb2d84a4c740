/**
 * Create or edit a contract (editing sends expectedUpdatedAt, so a colleague's change is not
 * overwritten). The buyer comes first: the party name, opportunities and tenders follow from it.
 */
import { Alert, App, Button, Divider, Form, Input, Modal, Radio } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { CONTRACT_KINDS } from '../../../../shared/sales-enums';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import type { ContractDraft } from '../../../../shared/schemas/contract-numbering';
import type { ContractDetail } from '../../../../shared/schemas/contracts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { AccountPicker } from '../../components/AccountPicker';
import { DateInput } from '../../components/DateInputs';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isStale } from '../../components/StaleAlert';
import { useEnumOptions, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { AwardDifference } from './AwardDifference';
import {
  type ContractFormValues,
  draftValues,
  emptyValues,
  formPathOf,
  inputOf,
  linesTotal,
  valuesOf,
} from './contract-form-values';
import { ContractLines } from './ContractLines';
import { placeIssues } from '../../lib/form-issues';
import { OpportunitySelect, TenderSelect } from '../../components/LinkSelects';
import type { PriceRef } from './PriceSelect';

interface Props {
  detail: ContractDetail | null;
  /** A new contract prefilled from a won tender (contracts.draftFromTender). */
  draft?: ContractDraft | null;
  onClose: () => void;
  onSaved: (saved: ContractDetail) => void;
}

type Buyer = Pick<AccountDetail, 'id' | 'name' | 'buyerType' | 'subordinateCount'>;

export function ContractForm({ detail, draft = null, onClose, onSaved }: Props) {
  const t = useT();
  const options = useEnumOptions();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<ContractFormValues>();
  const [base, setBase] = useState<ContractDetail | null>(detail);
  const [account, setAccount] = useState<{ id: number; name: string } | null>(
    detail
      ? { id: detail.accountId, name: detail.accountName }
      : draft
        ? { id: draft.accountId, name: draft.accountName }
        : null,
  );
  const [buyer, setBuyer] = useState<Buyer | null>(null);
  const [prices, setPrices] = useState<ReadonlyMap<number, PriceRef>>(() => snapshotPrices(detail));
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? base?.kind ?? 'standard';
  const [numberPattern, setNumberPattern] = useState<string | null>(null);
  const [award, setAward] = useState<{ tenderId: number; projectNo: string; fen: number | null }>();
  const tenderId = (Form.useWatch('tenderId', form) as number | null | undefined) ?? null;
  const watchedLines = (Form.useWatch('lines', form) ?? []) as ContractFormValues['lines'];

  // A new contract is numbered from the pattern (the user may still change the number).
  useEffect(() => {
    if (detail) return;
    let live = true;
    void call('contracts.nextNumber', {}).then((r) => {
      if (!live || !r.ok) return;
      setNumberPattern(r.value.pattern);
      const typed = (form.getFieldValue('number') as string | undefined)?.trim();
      if (!typed) form.setFieldValue('number', r.value.number);
    });
    return () => {
      live = false;
    };
  }, [detail, form]);

  // What the linked tender awarded us, to compare the total with before saving.
  useEffect(() => {
    if (tenderId === null) return;
    let live = true;
    void call('tenders.get', { id: tenderId }).then((r) => {
      if (!live || !r.ok) return;
      const won = r.value.lots.filter((l) => l.result === 'won' && l.winningAmountFen !== null);
      setAward({
        tenderId,
        projectNo: r.value.projectNo,
        fen: won.length > 0 ? won.reduce((n, l) => n + (l.winningAmountFen ?? 0), 0) : null,
      });
    });
    return () => {
      live = false;
    };
  }, [tenderId]);
  // A won tender picked for a new, still blank contract fills the lines from its won lots.
  useEffect(() => {
    if (detail || draft || tenderId === null) return;
    let live = true;
    void call('contracts.draftFromTender', { id: tenderId }).then((r) => {
      if (!live || !r.ok) return;
      const lines = (form.getFieldValue('lines') ?? []) as ContractFormValues['lines'];
      const blank = lines.every((l) => l.priceId == null && l.unitPriceFen == null);
      if (!blank) return;
      form.setFieldsValue({ lines: draftValues(r.value).lines });
    });
    return () => {
      live = false;
    };
  }, [detail, draft, tenderId, form]);
  const knownAward = award && award.tenderId === tenderId ? award : null;
  const unmatched = (draft?.lines ?? []).filter((l) => l.priceId === null);

  const found = useCallback((entries: PriceRef[]) => {
    setPrices((prev) => {
      const next = new Map(prev);
      for (const e of entries) next.set(e.id, e);
      return next;
    });
  }, []);

  // The price list as it is now: a saved line is re-priced against it when the contract is saved.
  useEffect(() => {
    let live = true;
    void call('prices.list', { limit: 500 }).then((r) => {
      if (live && r.ok) found(r.value.rows);
    });
    return () => {
      live = false;
    };
  }, [found]);

  // The buyer's type tells whether a unified system contract is possible.
  const accountId = account?.id ?? null;
  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    void call('accounts.get', { id: accountId }).then((r) => {
      if (live && r.ok) setBuyer(r.value);
    });
    return () => {
      live = false;
    };
  }, [accountId]);
  const knownBuyer = buyer && buyer.id === accountId ? buyer : null;

  const lockedLineIds = useMemo(
    () =>
      new Set(
        (base?.lines ?? []).filter((l) => l.allocated > 0 || l.delivered > 0).map((l) => l.id),
      ),
    [base],
  );

  const pickAccount = (picked: { id: number; name: string } | null) => {
    const party = (form.getFieldValue('partyName') as string | undefined)?.trim() ?? '';
    // The party follows the account unless the user wrote another (a procurement centre).
    if (picked && (party === '' || party === account?.name))
      form.setFieldValue('partyName', picked.name);
    if (picked?.id !== account?.id) form.setFieldsValue({ opportunityId: null, tenderId: null });
    setAccount(picked);
  };

  const confirmClose = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: t('contracts.discardTitle'),
      content: t('contracts.discardBody'),
      okText: t('contracts.discard'),
      cancelText: t('contracts.keepEditing'),
      okButtonProps: { danger: true },
      onOk: onClose,
    });
  };

  const save = async () => {
    const values = await form
      .validateFields()
      .catch((e: { errorFields?: { name: (string | number)[] }[] }) => {
        const first = e.errorFields?.[0];
        if (first) form.scrollToField(first.name);
        return null;
      });
    if (!values || accountId === null) return;
    const contract = inputOf(values, accountId);
    setSaving(true);
    setFormError(null);
    const r = base
      ? await call('contracts.update', {
          id: base.id,
          contract,
          version: base.version,
        })
      : await call('contracts.create', contract);
    setSaving(false);
    if (r.ok) {
      void message.success(
        t(base ? 'contracts.updated' : 'contracts.created', { number: r.value.number }),
      );
      return onSaved(r.value);
    }
    if (isStale(r.error)) return setFormError(r.error);
    setFormError(placeIssues(form, r.error, t, formPathOf));
  };

  const reloadStale = async () => {
    if (!base) return;
    const r = await call('contracts.get', { id: base.id });
    if (!r.ok) return setFormError(r.error);
    setBase(r.value);
    form.resetFields();
    form.setFieldsValue(valuesOf(r.value));
    setFormError(null);
  };

  return (
    <Modal
      open
      title={
        base
          ? t('contracts.editTitle', { number: base.number })
          : draft
            ? t('contracts.fromTender')
            : t('contracts.new')
      }
      width={1000}
      onCancel={confirmClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="contract-form"
      footer={[
        <Button key="cancel" onClick={confirmClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={saving}
          onClick={() => void save()}
          {...testId('cf-submit')}
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      {formError && (
        <ErrorAlert error={formError} className="gap-bottom" onReload={() => void reloadStale()} />
      )}
      {draft && (
        <Alert
          type="info"
          showIcon
          className="gap-bottom"
          title={t('contracts.fromTenderNote')}
          data-testid="cf-from-tender"
        />
      )}
      <Form<ContractFormValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="form-grid"
        initialValues={detail ? valuesOf(detail) : draft ? draftValues(draft) : emptyValues()}
      >
        <Form.Item
          name="number"
          label={t('contracts.number')}
          extra={
            numberPattern && (
              <span data-testid="cf-number-pattern">
                {t('contracts.numberFromPattern', { pattern: numberPattern })}
              </span>
            )
          }
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 60, message: t('val.maxLength', { max: 60 }) },
          ]}
        >
          <Input className="mono" autoFocus placeholder="HT-2026-0001" data-testid="cf-number" />
        </Form.Item>
        <Form.Item name="kind" label={t('contracts.kind')}>
          <Radio.Group
            options={options(CONTRACT_KINDS)}
            optionType="button"
            disabled={(base?.allocations.length ?? 0) > 0}
            data-testid="cf-kind"
          />
        </Form.Item>
        <Form.Item
          name="accountId"
          label={kind === 'system' ? t('contracts.headOffice') : t('contracts.account')}
          rules={[{ required: true, message: t('contracts.accountRequired') }]}
          extra={<BuyerHint kind={kind} buyer={knownBuyer} />}
        >
          <AccountPicker
            initial={account}
            disabled={(base?.allocations.length ?? 0) > 0}
            onChange={(_, picked) => pickAccount(picked)}
            testId="cf-accountId"
          />
        </Form.Item>
        <Form.Item
          name="partyName"
          label={t('contracts.partyName')}
          extra={t('contracts.partyNameHint')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 200, message: t('val.maxLength', { max: 200 }) },
          ]}
        >
          <Input data-testid="cf-partyName" />
        </Form.Item>
        <Form.Item name="opportunityId" label={t('contracts.opportunity')}>
          <OpportunitySelect
            accountId={accountId}
            initial={base?.opportunity ?? draft?.opportunity ?? null}
            onChange={(_, row) => {
              // An opportunity won through a tender brings that tender along.
              if (row?.tenderId && form.getFieldValue('tenderId') == null)
                form.setFieldValue('tenderId', row.tenderId);
            }}
            testId="cf-opportunityId"
          />
        </Form.Item>
        <Form.Item name="tenderId" label={t('contracts.tender')}>
          <TenderSelect
            account={account}
            initial={base?.tender ?? draft?.tender ?? null}
            testId="cf-tenderId"
          />
        </Form.Item>
        <Form.Item
          name="signedOn"
          label={t('contracts.signedOn')}
          extra={t('contracts.signedOnNeeded')}
        >
          <DateInput testId="cf-signedOn" />
        </Form.Item>
        <Form.Item
          name="deliveryDueOn"
          label={t('contracts.deliveryDueOn')}
          dependencies={['signedOn']}
          rules={[
            {
              validator: (_, v: string | null) => {
                const signed = form.getFieldValue('signedOn') as string | null;
                return v && signed && v < signed
                  ? Promise.reject(new Error(t('contracts.dueBeforeSigning')))
                  : Promise.resolve();
              },
            },
          ]}
        >
          <DateInput testId="cf-deliveryDueOn" />
        </Form.Item>
        <Divider titlePlacement="start" className="form-section form-grid__wide">
          {t('contracts.linesSection')}
        </Divider>
        <ContractLines form={form} prices={prices} onFound={found} lockedLineIds={lockedLineIds} />
        {unmatched.length > 0 && (
          <Alert
            type="info"
            showIcon
            className="form-grid__wide gap-bottom"
            title={t('contracts.draftUnmatched', {
              models: unmatched.map((l) => `${l.lotNo}：${l.model ?? '—'}`).join(t('err.issueSep')),
            })}
            data-testid="cf-unmatched"
          />
        )}
        {knownAward && (
          <AwardDifference
            totalFen={linesTotal(watchedLines)}
            awardFen={knownAward.fen}
            projectNo={knownAward.projectNo}
            className="form-grid__wide gap-bottom"
            testId="cf-award-diff"
          />
        )}
        <Form.Item
          name="notes"
          label={t('contracts.notes')}
          className="form-grid__wide form-notes"
          rules={[{ max: 5000, message: t('val.maxLength', { max: 5000 }) }]}
        >
          <Input.TextArea rows={2} data-testid="cf-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A system contract is signed with a head office of buyer type 系统采购. */
function BuyerHint({ kind, buyer }: { kind: string; buyer: Buyer | null }) {
  const t = useT();
  if (!buyer) return null;
  if (kind === 'system' && buyer.buyerType !== 'system')
    return <span className="con-hint--above">{t('reason.contract.system_account')}</span>;
  if (kind !== 'system' && buyer.buyerType === 'system' && buyer.subordinateCount > 0)
    return (
      <span className="con-muted">
        {t('contracts.systemSuggested', { n: buyer.subordinateCount })}
      </span>
    );
  return null;
}

/** A saved contract's lines price their models as they were saved, until the list loads. */
function snapshotPrices(detail: ContractDetail | null): Map<number, PriceRef> {
  const map = new Map<number, PriceRef>();
  for (const l of detail?.lines ?? [])
    if (l.priceId !== null)
      map.set(l.priceId, {
        id: l.priceId,
        model: l.model,
        configuration: l.configuration,
        retailFen: l.retailFen,
        floorFen: l.floorFen,
      });
  return map;
}
