/**
 * Start or change a draft claim: the account, an opportunity of it, the territory (the account's
 * own region unless another is chosen) and the protection period. No time is typed: the filing
 * time is the system clock's when the claim is filed.
 */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import type { ClaimDetail, ClaimInput } from '../../../../shared/schemas/claims';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { AccountPicker } from '../../components/AccountPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { RegionCascader } from '../accounts/RegionCascader';
import { OpportunitySelect } from '../../components/LinkSelects';
import { inTerritory } from './claim-rules';
import { codeOf, pathLabel, regionPath } from './territory';
import type { ClaimSettings } from './use-claim-settings';

interface Values {
  accountId: number | null;
  opportunityId: number | null;
  territory: string[];
  protectionDays: number | null;
  notes: string;
}

interface Props {
  detail: ClaimDetail | null;
  settings: ClaimSettings;
  /** The account of a new claim (from its account card). */
  account?: { id: number; name: string } | null;
  onClose: () => void;
  onSaved: (saved: ClaimDetail) => void;
}

/** The account's own region, the territory a claim defaults to. */
function useAccountRegion(accountId: number | null): { id: number; path: string[] } | null {
  const [region, setRegion] = useState<{ id: number; path: string[] } | null>(null);
  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    void call('accounts.get', { id: accountId }).then((r) => {
      if (!live || !r.ok) return;
      const a = r.value;
      setRegion({
        id: a.id,
        path: [a.provinceCode, a.cityCode, a.districtCode].filter((c): c is string => !!c),
      });
    });
    return () => {
      live = false;
    };
  }, [accountId]);
  return region && region.id === accountId ? region : null;
}

export function ClaimForm({ detail, settings, account = null, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The version the form holds: the loaded claim's, or the fresh one after a Reload.
  const [version, setVersion] = useState(detail?.version ?? 1);
  const initialAccount = detail ? { id: detail.accountId, name: detail.accountName } : account;
  const watchedAccount = Form.useWatch('accountId', form);
  const accountId = watchedAccount === undefined ? (initialAccount?.id ?? null) : watchedAccount;
  const territory = Form.useWatch('territory', form) ?? regionPath(detail?.territoryCode ?? null);
  const region = useAccountRegion(accountId);
  // The territory follows the account until the user chooses another one.
  const [ownTerritory, setOwnTerritory] = useState(detail !== null);

  useEffect(() => {
    if (region && !ownTerritory) form.setFieldValue('territory', region.path);
  }, [form, region, ownTerritory]);

  const code = codeOf(territory);
  const inside = code !== null && inTerritory(settings.territoryCodes, code);
  // An answer stays with its region (electron/claims/drafts.ts updateClaim).
  const authorised = detail?.authState === 'granted' && code === detail.territoryCode;

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.accountId === null) return;
    const claim: ClaimInput = {
      accountId: v.accountId,
      opportunityId: v.opportunityId ?? null,
      territoryCode: codeOf(v.territory),
      protectionDays: v.protectionDays ?? null,
      notes: v.notes.trim() || null,
    };
    setSaving(true);
    setError(null);
    const r = detail
      ? await call('claims.update', { id: detail.id, claim, version })
      : await call('claims.create', claim);
    setSaving(false);
    if (!r.ok) return setError(r.error);
    void message.success(t(detail ? 'claims.updated' : 'claims.created'));
    onSaved(r.value);
  };

  /** After a stale write: the claim as it is now, in the form. */
  const reload = async () => {
    if (!detail) return;
    const r = await call('claims.get', { id: detail.id });
    if (!r.ok) return setError(r.error);
    setVersion(r.value.version);
    setOwnTerritory(true);
    form.setFieldsValue({
      accountId: r.value.accountId,
      opportunityId: r.value.opportunity?.id ?? null,
      territory: regionPath(r.value.territoryCode),
      protectionDays: r.value.protectionDays,
      notes: r.value.notes ?? '',
    });
    setError(null);
  };

  return (
    <Modal
      open
      title={detail ? t('claims.formEdit') : t('claims.formNew')}
      width={720}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, ...testId('claim-form-submit') }}
      cancelButtonProps={testId('claim-form-cancel')}
      onOk={() => void save()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      data-testid="claim-form"
    >
      <Alert
        type="info"
        showIcon
        icon={<ClockCircleOutlined />}
        className="gap-bottom"
        title={t('claims.formTimeNote')}
        data-testid="claim-form-time-note"
      />
      {error && <ErrorAlert error={error} className="gap-bottom" onReload={() => void reload()} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        className="form-grid"
        initialValues={{
          accountId: initialAccount?.id ?? null,
          opportunityId: detail?.opportunity?.id ?? null,
          territory: regionPath(detail?.territoryCode ?? null),
          protectionDays: detail?.protectionDays ?? settings.claimProtectionDays,
          notes: detail?.notes ?? '',
        }}
      >
        <Form.Item
          name="accountId"
          label={t('claims.formAccount')}
          className="form-grid__wide"
          rules={[{ required: true, message: t('claims.accountRequired') }]}
        >
          <AccountPicker
            initial={initialAccount}
            disabled={account !== null}
            onChange={(id) => {
              if (id === accountId) return;
              form.setFieldValue('opportunityId', null);
              setOwnTerritory(false);
            }}
            testId="claim-form-account"
          />
        </Form.Item>
        <Form.Item
          name="opportunityId"
          label={t('claims.formOpportunity')}
          className="form-grid__wide"
        >
          <OpportunitySelect
            accountId={accountId}
            initial={detail?.opportunity ?? null}
            testId="claim-form-opportunity"
          />
        </Form.Item>
        <Form.Item
          name="territory"
          label={t('claims.formTerritory')}
          extra={
            <span data-testid="claim-form-territory-hint">
              {region &&
                (region.path.length > 0
                  ? t('claims.formTerritoryDefault', { region: pathLabel(region.path) })
                  : t('claims.formTerritoryUnknown'))}
              {code !== null && (
                <span className={inside || authorised ? 'clm-inside' : 'clm-outside'}>
                  {region ? ' · ' : ''}
                  {t(
                    inside
                      ? 'claims.formInTerritory'
                      : authorised
                        ? 'claims.formAuthorised'
                        : 'claims.formOutOfTerritory',
                  )}
                </span>
              )}
            </span>
          }
        >
          <TerritoryField onTouched={() => setOwnTerritory(true)} />
        </Form.Item>
        <Form.Item
          name="protectionDays"
          label={t('claims.formProtection')}
          extra={t('claims.formProtectionHint', { n: settings.claimProtectionDays })}
        >
          <InputNumber
            min={1}
            max={730}
            precision={0}
            className="full-width"
            data-testid="claim-form-protection"
          />
        </Form.Item>
        <Form.Item
          name="notes"
          label={t('claims.formNotes')}
          className="form-grid__wide"
          rules={[{ max: 2000, message: t('val.maxLength', { max: 2000 }) }]}
        >
          <Input.TextArea rows={3} data-testid="claim-form-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The account form's region cascader, under the claim form's own test id. */
function TerritoryField(props: {
  value?: string[];
  onChange?: (value: string[]) => void;
  onTouched: () => void;
}) {
  return (
    <div data-testid="claim-form-territory">
      <RegionCascader
        value={props.value}
        onChange={(v) => {
          props.onTouched();
          props.onChange?.(v);
        }}
      />
    </div>
  );
}
