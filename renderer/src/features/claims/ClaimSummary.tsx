/**
 * The claim's facts: who claims which account for what territory, and the key dates — the filing
 * time (the system clock's, never edited), the end of protection with the days left, renewals.
 */
import { LockOutlined } from '@ant-design/icons';
import { Descriptions, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ClaimDetail } from '../../../../shared/schemas/claims';
import { useLang, useT } from '../../i18n/context';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { accountPath, recordPath } from '../../lib/use-hash-route';
import { BuyerTypeTag } from '../accounts/account-tags';
import { daysUntil, endingSoon, isActiveClaim } from './claim-rules';
import { AuthStateTag, ClaimSourceTag } from './claim-tags';
import { territoryLabel } from './territory';

const Empty = () => <span className="cell-empty">—</span>;

export function ClaimSummary({ detail, warnDays }: { detail: ClaimDetail; warnDays: number }) {
  const t = useT();
  const { lang } = useLang();
  const today = chinaDate();
  const ours = detail.source === 'ours';
  const a = detail.authorisation;
  const soon = endingSoon(detail, today, warnDays);
  // Days left only mean something while the claim protects the account.
  const left =
    detail.expiresOn && isActiveClaim(detail.status) ? daysUntil(detail.expiresOn, today) : null;

  const items = [
    {
      key: 'account',
      label: t('claims.account'),
      children: (
        <span className="clm-inline">
          <a href={`#${accountPath(detail.accountId)}`} data-testid="claim-account-link">
            {detail.accountName}
          </a>
          <BuyerTypeTag value={detail.buyerType} />
        </span>
      ),
    },
    {
      key: 'claimant',
      label: ours ? t('claims.claimant') : t('claims.dealer'),
      children: (
        <span className="clm-inline" data-testid="claim-claimant">
          {ours ? (detail.claimant?.name ?? <Empty />) : detail.dealerName}
          <ClaimSourceTag value={detail.source} />
        </span>
      ),
    },
    // Another dealer's record has no territory of ours to check.
    ...(ours
      ? [
          {
            key: 'territory',
            label: t('claims.territory'),
            children: (
              <span className="clm-inline" data-testid="claim-territory">
                {territoryLabel(detail.territoryCode, detail.territoryName) ||
                  t('claims.territoryNone')}
                <span data-testid="claim-auth-state">
                  <AuthStateTag value={detail.authState} />
                </span>
              </span>
            ),
          },
        ]
      : []),
    {
      key: 'oemReference',
      label: t('claims.oemReference'),
      children: detail.oemReference ? (
        <span className="mono" data-testid="claim-oem-reference">
          {detail.oemReference}
        </span>
      ) : (
        <Empty />
      ),
    },
    {
      key: 'opportunity',
      label: t('claims.opportunity'),
      children: detail.opportunity ? (
        <a href={`#${recordPath('opportunities', detail.opportunity.id)}`}>
          {detail.opportunity.title}
        </a>
      ) : (
        <Empty />
      ),
    },
    {
      key: 'wish',
      label: t('claims.wish'),
      children: detail.wish ? (
        <span data-testid="claim-wish-text">
          <span className="pre-wrap">{detail.wish.note}</span>
          <span className="clm-sub">
            {t('claims.wishBy', {
              name: detail.wish.recordedBy?.name ?? '—',
              time: formatDateTime(detail.wish.recordedAt, lang),
            })}
          </span>
        </span>
      ) : (
        <span className="cell-empty">{t('claims.wishNone')}</span>
      ),
    },
    ...(detail.reply.text
      ? [
          {
            key: 'reply',
            label: t('claims.reply'),
            span: 2,
            children: (
              <span data-testid="claim-reply-text">
                <span className="pre-wrap">{detail.reply.text}</span>
                {detail.reply.repliedOn && (
                  <span className="clm-sub">
                    {t('claims.replyOn', { date: formatDate(detail.reply.repliedOn, lang) })}
                    {detail.reply.recordedBy && ` · ${detail.reply.recordedBy.name}`}
                  </span>
                )}
              </span>
            ),
          },
        ]
      : []),
    ...(a.requestedAt
      ? [
          {
            key: 'authorisation',
            label: t('claims.authorisation'),
            span: 2,
            children: (
              <span data-testid="claim-authorisation">
                <span className="clm-line">
                  {t('claims.authRequested', {
                    time: formatDateTime(a.requestedAt, lang),
                    name: a.requestedBy?.name ?? '—',
                    addressee: a.addressee ?? '',
                    note: a.requestNote ?? '',
                  })}
                </span>
                {a.answeredAt && (
                  <span className="clm-line">
                    {t('claims.authAnswered', {
                      time: formatDateTime(a.answeredAt, lang),
                      name: a.answeredBy?.name ?? '—',
                      reference: a.reference
                        ? t('claims.authReference', { reference: a.reference })
                        : '',
                      note: a.answerNote ?? '',
                    })}
                  </span>
                )}
              </span>
            ),
          },
        ]
      : []),
    ...(detail.releasedAt
      ? [
          {
            key: 'released',
            label: t('claims.releasedAt'),
            span: 2,
            children: (
              <span className="pre-wrap" data-testid="claim-release-text">
                {t('claims.releasedText', {
                  time: formatDateTime(detail.releasedAt, lang),
                  reason: detail.releaseReason ?? '',
                })}
              </span>
            ),
          },
        ]
      : []),
    {
      key: 'notes',
      label: t('claims.notes'),
      span: 2,
      children: detail.notes ? <span className="pre-wrap">{detail.notes}</span> : <Empty />,
    },
  ];

  return (
    <div className="clm-summary" data-testid="claim-summary">
      <div className="clm-keys">
        <Key label={t('claims.filedAt')} testId="claim-filed-at">
          {detail.filedAt ? (
            <>
              <span>{formatDateTime(detail.filedAt, lang)}</span>
              <Tooltip title={ours ? t('claims.systemTimeHint') : undefined}>
                <Tag
                  icon={ours ? <LockOutlined /> : undefined}
                  className="clm-key__tag"
                  data-testid="claim-filed-at-source"
                >
                  {ours ? t('claims.systemTime') : t('claims.reportedTime')}
                </Tag>
              </Tooltip>
            </>
          ) : (
            <Tooltip title={t('claims.systemTimeHint')}>
              <span className="clm-muted">{t('claims.notFiled')}</span>
            </Tooltip>
          )}
        </Key>
        <Key label={t('claims.expiresOn')} testId="claim-expires-on">
          {detail.expiresOn ? (
            <>
              <span className={soon ? 'clm-ending' : undefined}>
                {formatDate(detail.expiresOn, lang)}
              </span>
              {left !== null && left >= 0 && (
                <span
                  className={soon ? 'clm-key__note clm-ending' : 'clm-key__note'}
                  data-testid="claim-days-left"
                >
                  {left === 0 ? t('claims.endsToday') : t('claims.daysLeft', { n: left })}
                </span>
              )}
            </>
          ) : (
            <span className="clm-muted">
              {t('claims.fromFiling', { n: detail.protectionDays })}
            </span>
          )}
        </Key>
        <Key label={t('claims.protection')} testId="claim-protection">
          {t('claims.days', { n: formatCount(detail.protectionDays, lang) })}
          <span className="clm-key__note">
            {t('claims.renewals')} {formatCount(detail.renewals, lang)}
          </span>
        </Key>
        <Key label={t('claims.colEvidence')} testId="claim-evidence-count">
          {formatCount(detail.evidenceCount, lang)}
        </Key>
      </div>
      <Descriptions size="small" column={2} className="details" items={items} />
    </div>
  );
}

function Key(props: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="clm-key" data-testid={props.testId}>
      <Typography.Text type="secondary" className="clm-key__label">
        {props.label}
      </Typography.Text>
      <div className="clm-key__value">{props.children}</div>
    </div>
  );
}
