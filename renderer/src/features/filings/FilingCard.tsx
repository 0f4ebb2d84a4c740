/**
 * The filing card: a drawer with the filing's header, what blocks submitting, the policy verdict,
 * the consistency checks, the evidence checklist and the vehicles. Once submitted, everything the
 * filing was judged on is shown as it was frozen.
 */
import { Alert, Button, Drawer, Result, Space, Spin, Typography } from 'antd';
import { FILING_CHECKS } from '../../../../shared/filing-enums';
import type { FilingDetail } from '../../../../shared/schemas/filings';
import { useSession } from '../../app/session';
import { ErrorBody } from '../../components/ErrorAlert';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { ChecksPanel } from './ChecksPanel';
import { EvidencePanel } from './EvidencePanel';
import { FilingActions } from './FilingActions';
import { blockerChecks, canChangeFiling } from './filing-rules';
import { FilingSummary } from './FilingSummary';
import { FilingStatusTag } from './filing-tags';
import { useFiling } from './use-filing';
import { VehiclesTable } from './VehiclesTable';
import { VerdictPanel } from './VerdictPanel';
import { problemText } from './problem-text';

interface Props {
  filingId: number | null;
  revision: number;
  onClose: () => void;
  onChanged: () => void;
}

export function FilingCard({ filingId, revision, onClose, onChanged }: Props) {
  const t = useT();
  const { detail, error, loading, reload, replace } = useFiling(filingId, revision);
  // Every workflow call answers with the whole filing: show it, then refresh the grid.
  const applied = (next: FilingDetail) => {
    replace(next);
    onChanged();
  };
  // A document attached or removed changes the checks: judge again.
  const documentsChanged = () => {
    reload();
    onChanged();
  };

  return (
    <Drawer
      open={filingId !== null}
      onClose={onClose}
      size="min(1100px, calc(100vw - 120px))"
      destroyOnHidden
      title={
        detail ? <CardTitle detail={detail} /> : loading ? t('common.loading') : t('filings.card')
      }
      extra={detail && <FilingActions detail={detail} onApplied={applied} onDeleted={onClose} />}
      classNames={{ body: 'account-card__body' }}
      data-testid="filing-card"
    >
      {error && !detail ? (
        <Result
          status={error.code === 'NOT_FOUND' ? '404' : 'error'}
          title={error.code === 'NOT_FOUND' ? t('filings.notFound') : t('filings.loadFailed')}
          subTitle={error.code === 'NOT_FOUND' ? undefined : <ErrorBody error={error} />}
          extra={<Button onClick={reload}>{t('common.retry')}</Button>}
        />
      ) : !detail ? (
        <div className="center-pad">
          <Spin />
        </div>
      ) : (
        <CardBody
          key={detail.id}
          detail={detail}
          onApplied={applied}
          onDocumentsChanged={documentsChanged}
        />
      )}
    </Drawer>
  );
}

function CardTitle({ detail }: { detail: FilingDetail }) {
  return (
    <div className="account-card__title">
      <Typography.Text strong className="account-card__name mono" data-testid="filing-number">
        {detail.number}
      </Typography.Text>
      <Space size={6} wrap>
        <span data-testid="filing-status">
          <FilingStatusTag value={detail.status} />
        </span>
        <Typography.Text type="secondary">{detail.accountName}</Typography.Text>
      </Space>
    </div>
  );
}

/** Submitted (and perhaps withdrawn since): who did it when; the judgement is frozen. */
function Frozen({ detail }: { detail: FilingDetail }) {
  const t = useT();
  const { lang } = useLang();
  if (!detail.submittedAt) return null;
  return (
    <>
      {detail.withdrawnAt && (
        <Alert
          type="error"
          showIcon
          className="gap-bottom"
          title={t('filings.withdrawnNote', { at: formatDateTime(detail.withdrawnAt, lang) })}
          description={detail.withdrawReason}
          data-testid="filing-withdrawn"
        />
      )}
      <Alert
        type="info"
        showIcon
        className="gap-bottom"
        title={t('filings.frozen', {
          at: formatDateTime(detail.submittedAt, lang),
          name: detail.submittedBy?.name ?? '—',
        })}
        data-testid="filing-frozen"
      />
    </>
  );
}

/** What still stops 提交报备, each failed check with its first findings. */
function Blockers({ detail }: { detail: FilingDetail }) {
  const t = useT();
  const label = useEnumLabel();
  if (detail.status !== 'draft' || detail.submitBlockers.length === 0) return null;
  const checks = blockerChecks(detail);
  const other = detail.submitBlockers.filter((b) => !checks.some((c) => c === b));
  return (
    <Alert
      type="warning"
      showIcon
      className="gap-bottom"
      title={t('filings.blockersTitle')}
      description={
        <ul className="con-blockers" data-testid="filing-blockers">
          {checks.map((code) => {
            const check = detail.checks.find((c) => c.check === code);
            const first = check?.problems[0];
            return (
              <li key={code} data-check={code}>
                {label(FILING_CHECKS, code)}
                {first && check && (
                  <span className="fil-muted">
                    {'：'}
                    {problemText(code, first, t, label)}
                    {check.problems.length > 1 &&
                      ` ${t('filings.andMore', { n: check.problems.length })}`}
                  </span>
                )}
              </li>
            );
          })}
          {other.map((code) => (
            <li key={code} data-check={code}>
              {code}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The manager's written override: who, when, why, and which checks it covered. */
function OverrideRecord({ detail }: { detail: FilingDetail }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const o = detail.override;
  if (!o) return null;
  return (
    <Alert
      type="warning"
      className="gap-bottom"
      showIcon
      title={t('filings.overrideBy', {
        name: o.by?.name ?? '—',
        at: formatDateTime(o.at, lang),
      })}
      description={
        <div data-testid="filing-override-record">
          <div className="pre-wrap" data-testid="filing-override-reason">
            {o.reason}
          </div>
          <div className="fil-muted">
            {t('filings.overrideCovers', {
              checks: o.checks.map((c) => label(FILING_CHECKS, c)).join(t('err.listSep')),
            })}
          </div>
        </div>
      }
    />
  );
}

function CardBody(props: {
  detail: FilingDetail;
  onApplied: (d: FilingDetail) => void;
  onDocumentsChanged: () => void;
}) {
  const { detail, onApplied, onDocumentsChanged } = props;
  const { user } = useSession();
  return (
    <>
      <Frozen detail={detail} />
      <Blockers detail={detail} />
      <OverrideRecord detail={detail} />
      <FilingSummary
        detail={detail}
        canChange={canChangeFiling(user, detail)}
        onApplied={onApplied}
      />
      <div className="fil-panels">
        <VerdictPanel verdict={detail.verdict} />
        <ChecksPanel detail={detail} />
      </div>
      <EvidencePanel detail={detail} onChanged={onDocumentsChanged} />
      <VehiclesTable detail={detail} />
    </>
  );
}
