/**
 * 本周待查看档案卡: the caller's accounts (owner or co-owner) they have not reviewed this week
 * (seed 003: each card at least weekly, weeks from Monday), never-reviewed first, then the longest
 * ago; each opens the account card, where the review is recorded.
 */
import { ExportOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Progress } from 'antd';
import { useEffect, useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ReviewsDue } from '../../../../shared/schemas/reviews';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { ApiError } from '../../../../shared/result';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { accountPath, useHashRoute } from '../../lib/use-hash-route';
import { GradeTag } from '../accounts/account-tags';

/** The first ten: the rest are counted below the list. */
const SHOWN = 10;

export function WeeklyReviews() {
  const t = useT();
  const { lang } = useLang();
  const { navigate } = useHashRoute();
  const [due, setDue] = useState<ReviewsDue | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    let live = true;
    void call('reviews.due', { limit: SHOWN }).then((r) => {
      if (!live) return;
      if (r.ok) setDue(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const left = due ? due.accounts - due.reviewed : 0;
  return (
    <Card
      size="small"
      className="md-card"
      data-testid="my-day-weekly-reviews"
      title={
        <span className="md-card__title">
          {t('weekly.title')}
          <Badge
            count={left}
            showZero
            color={left > 0 ? '#1f5fbf' : '#bfbfbf'}
            overflowCount={999}
            data-testid="weekly-reviews-left"
          />
        </span>
      }
      extra={<span className="md-card__hint">{t('weekly.hint')}</span>}
    >
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      {due && due.accounts > 0 && (
        <div className="md-weekly__progress" data-testid="weekly-reviews-progress">
          <span>{t('weekly.progress', { reviewed: due.reviewed, accounts: due.accounts })}</span>
          <Progress
            percent={Math.round((due.reviewed / due.accounts) * 100)}
            size="small"
            showInfo={false}
          />
        </div>
      )}
      {due && due.due.length === 0 ? (
        <Empty
          className="md-list__empty"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={due.accounts === 0 ? t('weekly.noAccounts') : t('weekly.allDone')}
        />
      ) : (
        due && (
          <div className="md-list" data-count={due.due.length}>
            {due.due.map((a) => (
              <div
                key={a.accountId}
                className="md-item"
                data-testid={`weekly-review-${a.accountId}`}
              >
                <div className="md-item__when">
                  <span className="md-item__soon">
                    {a.lastReviewedAt
                      ? t('weekly.lastAt', { date: formatDate(chinaDate(a.lastReviewedAt), lang) })
                      : t('weekly.neverReviewed')}
                  </span>
                </div>
                <div className="md-item__main">
                  <div className="md-item__top">
                    <GradeTag value={a.grade} />
                    <button
                      type="button"
                      className="md-item__title"
                      title={a.name}
                      onClick={() => navigate(accountPath(a.accountId))}
                    >
                      {a.name}
                    </button>
                  </div>
                </div>
                <div className="md-item__actions">
                  <Button
                    size="small"
                    type="text"
                    icon={<ExportOutlined />}
                    aria-label={t('myDay.open')}
                    onClick={() => navigate(accountPath(a.accountId))}
                    data-testid={`weekly-review-open-${a.accountId}`}
                  />
                </div>
              </div>
            ))}
            {left > due.due.length && (
              <div className="md-list__more">{t('weekly.more', { n: left - due.due.length })}</div>
            )}
          </div>
        )
      )}
    </Card>
  );
}
