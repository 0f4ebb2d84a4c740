/**
 * 店内重叠: our own colleagues' claims on the same organisation. The manufacturer's conflict rules
 * rank dealers, not colleagues, so nothing here is ranked: who claimed it, on which account and
 * since when, and — for a manager — which colleague keeps it (the others are released, audited).
 */
import { TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import type { ClaimDetail, OverlapView } from '../../../../shared/schemas/claims';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { WorkflowDialog } from '../../components/WorkflowDialog';
import { useLang, useT } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { accountPath, recordPath, useHashRoute } from '../../lib/use-hash-route';
import { ClaimStatusTag, ConflictMatchTag } from './claim-tags';
import { isActiveClaim, isManager } from './claim-rules';

type OverlapClaim = OverlapView['claims'][number];

const nameOf = (c: OverlapClaim) => c.claimant?.name ?? '—';

/** The colleagues' names, the claim looked at left out: “李明、王芳” / “Li Ming, Wang Fang”. */
export function colleagueNames(overlap: OverlapView, claimId: number, lang: Lang): string {
  return overlap.claims
    .filter((c) => c.claimId !== claimId)
    .map(nameOf)
    .join(lang === 'zh-CN' ? '、' : ', ');
}

export function OverlapTab({
  detail,
  overlap,
  onApplied,
}: {
  detail: ClaimDetail;
  overlap: OverlapView;
  onApplied: (detail: ClaimDetail) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { user } = useSession();
  const { navigate } = useHashRoute();
  const [keep, setKeep] = useState<OverlapClaim | null>(null);
  const manager = isManager(user);
  // Only a filed claim can be kept; a draft looking at its colleagues' claims settles nothing.
  const settling = manager && detail.status !== 'draft';

  return (
    <div className="clm-conflict" data-testid="claim-overlap">
      <Alert
        type="warning"
        showIcon
        icon={<TeamOutlined />}
        className="gap-bottom"
        title={
          <span data-testid="overlap-summary">
            {overlap.since
              ? t('claims.overlapAlert', {
                  names: colleagueNames(overlap, detail.id, lang),
                  since: formatDateTime(overlap.since, lang),
                })
              : t('claims.overlapAhead', { names: colleagueNames(overlap, detail.id, lang) })}
          </span>
        }
        description={
          <>
            <div>{t('claims.overlapAlertBody')}</div>
            {overlap.since && (
              <div className="clm-muted" data-testid="overlap-hint">
                {settling ? t('claims.overlapManagerHint') : t('claims.overlapStaffHint')}
              </div>
            )}
          </>
        }
      />
      <Table<OverlapClaim>
        size="small"
        rowKey="claimId"
        dataSource={overlap.claims}
        pagination={false}
        onRow={(c) => ({
          className: ['clm-conflict__row', c.claimId === detail.id ? 'clm-self' : '']
            .filter(Boolean)
            .join(' '),
          onClick: () => c.claimId !== detail.id && navigate(recordPath('claims', c.claimId)),
          'data-testid': `overlap-row-${c.claimId}`,
        })}
        columns={[
          {
            key: 'party',
            title: t('claims.colParty'),
            render: (_, c) => (
              <span className="clm-inline">
                <span className="clm-party">{nameOf(c)}</span>
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
                data-testid={`overlap-account-${c.claimId}`}
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
            key: 'expiresOn',
            title: t('claims.colExpires'),
            width: 120,
            render: (_, c) =>
              c.expiresOn ? formatDate(c.expiresOn, lang) : <span className="cell-empty">—</span>,
          },
          {
            key: 'evidence',
            title: t('claims.colEvidence'),
            width: 80,
            align: 'right',
            render: (_, c) => formatCount(c.evidenceCount, lang),
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
          ...(settling
            ? [
                {
                  key: 'settle',
                  title: t('claims.colSettle'),
                  width: 140,
                  render: (_: unknown, c: OverlapClaim) =>
                    isActiveClaim(c.status) && (
                      <Button
                        size="small"
                        onClick={(e) => {
                          e.stopPropagation();
                          setKeep(c);
                        }}
                        data-testid={`overlap-keep-${c.claimId}`}
                      >
                        {t('claims.keepBy', { name: nameOf(c) })}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {keep && (
        <SettleOverlapDialog
          overlap={overlap}
          keep={keep}
          onClose={() => setKeep(null)}
          onDone={(settled) => {
            setKeep(null);
            // The card stays on the claim looked at: reload it through the caller.
            if (settled.id === detail.id) onApplied(settled);
            else void call('claims.get', { id: detail.id }).then((r) => r.ok && onApplied(r.value));
          }}
        />
      )}
    </div>
  );
}

function SettleOverlapDialog({
  overlap,
  keep,
  onClose,
  onDone,
}: {
  overlap: OverlapView;
  keep: OverlapClaim;
  onClose: () => void;
  onDone: (detail: ClaimDetail) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const [form] = Form.useForm<{ note: string }>();
  const others = overlap.claims
    .filter((c) => c.claimId !== keep.claimId && isActiveClaim(c.status))
    .map(nameOf)
    .join(lang === 'zh-CN' ? '、' : ', ');
  return (
    <WorkflowDialog
      title={t('claims.settleTitle', { name: nameOf(keep), account: keep.accountName })}
      okText={t('claims.settleSubmit')}
      testId="overlap-settle-dialog"
      submitTestId="overlap-settle-submit"
      form={form}
      initialValues={{ note: '' }}
      intro={t('claims.settleIntro', { others })}
      run={(v) => call('claims.settleOverlap', { keepId: keep.claimId, note: v.note.trim() })}
      done={t('claims.settleDone', { name: nameOf(keep) })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="note"
        label={t('claims.settleNote')}
        rules={[
          { required: true, whitespace: true, message: t('val.required') },
          { max: 2000, message: t('val.maxLength', { max: 2000 }) },
        ]}
      >
        <Input.TextArea rows={3} autoFocus data-testid="overlap-settle-note" />
      </Form.Item>
    </WorkflowDialog>
  );
}
