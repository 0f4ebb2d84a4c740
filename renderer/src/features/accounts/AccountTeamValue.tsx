/**
 * 副销售 on the account card: the account's co-owners, and for its owner or a manager a popover to
 * change them (accounts.setTeam). The team decides who sees and works on the account's records.
 */
import { Button, Popover, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { canSetTeam, useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/context';

export function AccountTeamValue({
  detail,
  onChanged,
}: {
  detail: AccountDetail;
  onChanged: () => void;
}) {
  const t = useT();
  const { user, staff } = useSession();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<number[]>(detail.coOwners.map((c) => c.id));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const current = new Set(detail.coOwners.map((c) => c.id));
  // Active colleagues, and anyone already on the team (so a departed one can be removed).
  const options = staff
    .filter((s) => s.id !== detail.owner?.id && (s.active || current.has(s.id)))
    .map((s) => ({ value: s.id, label: s.name }));

  const save = async () => {
    setSaving(true);
    const r = await call('accounts.setTeam', { id: detail.id, coOwnerIds: choice });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setOpen(false);
    onChanged();
  };

  return (
    <Space size={6} wrap data-testid="account-co-owners">
      {detail.coOwners.length === 0 ? (
        <span className="cell-empty">{t('account.teamNone')}</span>
      ) : (
        detail.coOwners.map((c) => (
          <Tag key={c.id} variant="outlined">
            {c.name}
          </Tag>
        ))
      )}
      {canSetTeam(user, detail) && (
        <Popover
          open={open}
          onOpenChange={(next) => {
            setOpen(next);
            setChoice(detail.coOwners.map((c) => c.id));
            setError(null);
          }}
          trigger="click"
          title={t('account.teamEdit')}
          content={
            <Space orientation="vertical" size={8}>
              {error && <ErrorAlert error={error} />}
              <Select
                mode="multiple"
                value={choice}
                onChange={(v: number[]) => setChoice(v)}
                options={options}
                optionFilterProp="label"
                placeholder={t('account.teamPlaceholder')}
                style={{ minWidth: 260 }}
                data-testid="account-team-choice"
              />
              <Button
                type="primary"
                size="small"
                loading={saving}
                onClick={() => void save()}
                data-testid="account-team-save"
              >
                {t('common.save')}
              </Button>
            </Space>
          }
        >
          <Button size="small" type="link" data-testid="account-team-edit">
            {t('account.teamEdit')}
          </Button>
        </Popover>
      )}
    </Space>
  );
}
