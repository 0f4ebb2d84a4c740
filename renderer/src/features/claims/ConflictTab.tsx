/**
 * 撞单: the competing active claims on the same organisation, ranked by the manufacturer's order,
 * with who wins and why in words. Each row opens its claim; accounts link to their cards.
 */
import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Table, Tag } from 'antd';
import type { ClaimDetail, ConflictEntry, ConflictView } from '../../../../shared/schemas/claims';
import { useLang, useT } from '../../i18n/context';
import { formatCount, formatDateTime } from '../../lib/format';
import { accountPath, recordPath, useHashRoute } from '../../lib/use-hash-route';
import { ClaimSourceTag, ClaimStatusTag, ConflictMatchTag } from './claim-tags';
import { standingText, winnerText } from './conflict-words';

export function ConflictTab({ detail, conflict }: { detail: ClaimDetail; conflict: ConflictView }) {
  const t = useT();
  const { lang } = useLang();
  const { navigate } = useHashRoute();
  return (
    <div className="clm-conflict" data-testid="claim-conflict">
      <Alert
        type={conflict.winnerId === detail.id ? 'success' : 'warning'}
        showIcon
        icon={<TrophyOutlined />}
        className="gap-bottom"
        title={<span data-testid="conflict-winner">{winnerText(conflict, detail, t, lang)}</span>}
        description={
          <>
            <div data-testid="conflict-standing">{standingText(conflict, detail.id, t)}</div>
            <div className="clm-muted">{t('claims.rulesHint')}</div>
          </>
        }
      />
      <Table<ConflictEntry>
        size="small"
        rowKey="claimId"
        dataSource={conflict.claims}
        pagination={false}
        onRow={(c) => ({
          className: [
            'clm-conflict__row',
            c.claimId === conflict.winnerId ? 'clm-winner' : '',
            c.claimId === detail.id ? 'clm-self' : '',
          ]
            .filter(Boolean)
            .join(' '),
          onClick: () => c.claimId !== detail.id && navigate(recordPath('claims', c.claimId)),
          'data-testid': `conflict-row-${c.claimId}`,
          'data-rank': c.rank,
        })}
        columns={[
          {
            key: 'rank',
            title: t('claims.colRank'),
            width: 64,
            align: 'center',
            render: (_, c) => (
              <span className="clm-rank">
                {c.claimId === conflict.winnerId ? <TrophyOutlined /> : null} {c.rank}
              </span>
            ),
          },
          {
            key: 'party',
            title: t('claims.colParty'),
            render: (_, c) => (
              <span className="clm-inline">
                <span className="clm-party">{c.claimantName || '—'}</span>
                <ClaimSourceTag value={c.source} />
                {c.claimId === detail.id && (
                  <Tag color="blue" className="cell-tag">
                    {t('claims.thisClaim')}
                  </Tag>
                )}
              </span>
            ),
          },
          {
            key: 'account',
            title: t('claims.colAccount'),
            render: (_, c) => (
              <a
                href={`#${accountPath(c.accountId)}`}
                onClick={(e) => e.stopPropagation()}
                data-testid={`conflict-account-${c.claimId}`}
              >
                {c.accountName}
              </a>
            ),
          },
          {
            key: 'status',
            title: t('claims.colStatus'),
            width: 90,
            render: (_, c) => <ClaimStatusTag value={c.status} />,
          },
          {
            key: 'filedAt',
            title: t('claims.colFiledAt'),
            width: 170,
            render: (_, c) =>
              c.filedAt ? (
                formatDateTime(c.filedAt, lang)
              ) : (
                <span className="cell-empty">{t('claims.notFiled')}</span>
              ),
          },
          {
            key: 'evidence',
            title: t('claims.colEvidence'),
            width: 80,
            align: 'right',
            render: (_, c) => formatCount(c.evidenceCount, lang),
          },
          {
            key: 'wish',
            title: t('claims.colWish'),
            width: 80,
            align: 'center',
            render: (_, c) =>
              c.customerWish ? (
                <Tag color="green" className="cell-tag">
                  {t('claims.wishYes')}
                </Tag>
              ) : (
                <span className="cell-empty">—</span>
              ),
          },
          {
            key: 'matches',
            title: t('claims.colMatches'),
            render: (_, c) =>
              c.matches.length === 0 ? (
                <span className="cell-empty">—</span>
              ) : (
                <span className="clm-tags">
                  {c.matches.map((m) => (
                    <ConflictMatchTag key={m} value={m} />
                  ))}
                </span>
              ),
          },
        ]}
      />
    </div>
  );
}
