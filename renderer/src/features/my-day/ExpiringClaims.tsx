/** 即将到期的报备: my active claims whose protection ends soon, each renewed or opened in place. */
import { ExportOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Button, Empty, Tooltip } from 'antd';
import { useState } from 'react';
import type { ExpiringClaim } from '../../../../shared/schemas/claims';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';
import { ClaimStatusTag } from '../claims/claim-tags';

export function ExpiringClaims(props: { claims: ExpiringClaim[]; onRenewed: () => void }) {
  const { claims, onRenewed } = props;
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const { navigate } = useHashRoute();
  const [busyId, setBusyId] = useState<number | null>(null);

  const renew = async (claim: ExpiringClaim) => {
    setBusyId(claim.id);
    const r = await call('claims.renew', { id: claim.id });
    setBusyId(null);
    if (!r.ok) return void message.error(errorText(r.error, t));
    void message.success(
      t('myDay.claimRenewed', {
        name: claim.accountName,
        date: formatDate(r.value.expiresOn, lang),
      }),
    );
    onRenewed();
  };
  const open = (claim: ExpiringClaim) => navigate(recordPath('claims', claim.id));

  if (claims.length === 0)
    return (
      <Empty
        className="md-list__empty"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <div className="md-list__empty-title">{t('myDay.noExpiring')}</div>
            <div className="md-list__empty-hint">{t('myDay.noExpiringHint')}</div>
          </>
        }
      />
    );
  return (
    <div className="md-list" data-count={claims.length}>
      {claims.map((c) => (
        <div
          key={c.id}
          className={`md-item${c.daysLeft <= 3 ? ' is-overdue' : ''}`}
          data-testid={`expiring-claim-${c.id}`}
        >
          <div className="md-item__when">
            <span className="md-item__date">{formatDate(c.expiresOn, lang)}</span>
            <span className={c.daysLeft <= 3 ? 'md-item__late' : 'md-item__soon'}>
              {c.daysLeft === 0
                ? t('myDay.claimEndsToday')
                : t('myDay.claimDaysLeft', { n: c.daysLeft })}
            </span>
          </div>
          <div className="md-item__main">
            <div className="md-item__top">
              <ClaimStatusTag value={c.status} />
              <button
                type="button"
                className="md-item__title"
                title={c.accountName}
                onClick={() => open(c)}
                data-testid={`expiring-claim-title-${c.id}`}
              >
                {c.accountName}
              </button>
            </div>
          </div>
          <div className="md-item__actions">
            <Button
              size="small"
              icon={<HistoryOutlined />}
              loading={busyId === c.id}
              onClick={() => void renew(c)}
              data-testid={`expiring-claim-renew-${c.id}`}
            >
              {t('myDay.claimRenew')}
            </Button>
            <Tooltip title={t('myDay.open')}>
              <Button
                size="small"
                type="text"
                icon={<ExportOutlined />}
                aria-label={t('myDay.open')}
                onClick={() => open(c)}
                data-testid={`expiring-claim-open-${c.id}`}
              />
            </Tooltip>
          </div>
        </div>
      ))}
    </div>
  );
}
