/**
 * "Reviewed this week" on the account card (seed 003: each rep checks each card at least weekly):
 * who reviewed it this week or when it was last reviewed, and the button that records the caller's
 * review. Shown to the account's team and managers (the team rule); recorded by those who may work
 * on it, once a week each.
 */
import { CheckCircleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import type { ReviewStatus } from '../../../../shared/schemas/reviews';
import { call } from '../../api/client';
import { canChangeAccount, canSeePersonal, useSession } from '../../app/session';
import { useLang, useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useRun } from '../../lib/use-run';
import { reviewLine } from './review-words';

export function ReviewControl({ detail, revision }: { detail: AccountDetail; revision: unknown }) {
  const t = useT();
  const { lang } = useLang();
  const { user } = useSession();
  const run = useRun();
  const [status, setStatus] = useState<ReviewStatus | null>(null);
  const [saving, setSaving] = useState(false);
  const visible = canSeePersonal(user, detail);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    void call('reviews.ofAccount', { accountId: detail.id }).then((r) => {
      if (live && r.ok) setStatus(r.value);
    });
    return () => {
      live = false;
    };
  }, [detail.id, visible, revision]);

  if (!visible || !status || status.accountId !== detail.id) return null;
  const record = async () => {
    setSaving(true);
    await run(call('reviews.record', { accountId: detail.id }), setStatus, t('review.done'));
    setSaving(false);
  };
  const thisWeek = status.thisWeek.length > 0;

  return (
    <Space size={6} data-testid="account-review">
      <Tooltip title={status.last ? formatDateTime(status.last.at, lang) : undefined}>
        <Typography.Text
          type={thisWeek ? 'success' : 'warning'}
          className="account-review__line"
          data-testid="account-review-status"
          data-this-week={thisWeek ? 'yes' : 'no'}
        >
          {thisWeek ? <CheckCircleOutlined /> : <EyeOutlined />} {reviewLine(status, t, lang)}
        </Typography.Text>
      </Tooltip>
      {canChangeAccount(user, detail) &&
        (status.mine ? (
          <Typography.Text type="secondary" data-testid="account-review-mine">
            {t('review.mine')}
          </Typography.Text>
        ) : (
          <Button
            icon={<CheckCircleOutlined />}
            loading={saving}
            onClick={() => void record()}
            data-testid="account-review-record"
          >
            {t('review.button')}
          </Button>
        ))}
    </Space>
  );
}
