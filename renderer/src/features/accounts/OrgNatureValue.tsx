/**
 * 单位性质 on the account card: the nature with 待确认 while it is only Keyfleet's suggestion, and a
 * confirm button (take the suggestion, or choose another) so a person settles it in one step.
 */
import { Button, Popover, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ORG_NATURES, type OrgNature } from '../../../../shared/enums';
import { suggestOrgNature } from '../../../../shared/org-nature';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { canChangeAccount, useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useEnumOptions, useT } from '../../i18n/context';
import { BASIS_KEYS } from './OrgNatureField';

export function OrgNatureValue({
  detail,
  onChanged,
}: {
  detail: AccountDetail;
  onChanged: () => void;
}) {
  const t = useT();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<OrgNature | null>(detail.orgNature);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const suggestion = suggestOrgNature(detail);
  const confirmed = detail.orgNatureState === 'confirmed';
  // Confirming is an edit: the account's team and managers (the server checks it too).
  const mayChange = canChangeAccount(useSession().user, detail);

  const save = async () => {
    if (!choice) return;
    setSaving(true);
    const r = await call('accounts.confirmOrgNature', { id: detail.id, orgNature: choice });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setOpen(false);
    onChanged();
  };

  return (
    <Space size={6} wrap data-testid="account-org-nature">
      <span>
        {detail.orgNature ? label(ORG_NATURES, detail.orgNature) : t('orgNature.unknown')}
      </span>
      {!confirmed && (
        <Tag color="warning" data-testid="account-org-nature-unconfirmed">
          {t('orgNature.toConfirm')}
        </Tag>
      )}
      {!confirmed && suggestion && detail.orgNature === suggestion.nature && (
        <Typography.Text type="secondary">{t(BASIS_KEYS[suggestion.basis])}</Typography.Text>
      )}
      {mayChange && (
        <Popover
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            setChoice(detail.orgNature);
            setError(null);
          }}
          trigger="click"
          title={t('orgNature.confirmTitle')}
          content={
            <Space orientation="vertical" size={8}>
              {error && <ErrorAlert error={error} />}
              <Select
                value={choice ?? undefined}
                onChange={(v: OrgNature) => setChoice(v)}
                options={options(ORG_NATURES)}
                placeholder={t('common.choose')}
                style={{ minWidth: 200 }}
                data-testid="org-nature-choice"
              />
              <Button
                type="primary"
                size="small"
                disabled={!choice}
                loading={saving}
                onClick={() => void save()}
                data-testid="org-nature-save"
              >
                {t('orgNature.confirm')}
              </Button>
            </Space>
          }
        >
          <Button size="small" type="link" data-testid="account-org-nature-confirm">
            {confirmed ? t('orgNature.change') : t('orgNature.confirm')}
          </Button>
        </Popover>
      )}
    </Space>
  );
}
