/**
 * The filing card: a drawer with the filing's header, what blocks submitting, the policy verdict,
 * the consistency checks, the evidence checklist, the vehicles and the filing's history. Once
 * submitted, everything the filing was judged on is shown as it was frozen, with the
 * manufacturer's verdict and the incentive received after it.
 */
import { Alert, Typography } from 'antd';
import { FILING_CHECKS } from '../../../../shared/filing-enums';
import type { FilingDetail } from '../../../../shared/schemas/filings';
import { useSession } from '../../app/session';
import { RecordDrawer } from '../../components/RecordDrawer';
import { RecordTitle } from '../../components/RecordTitle';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { ChecksPanel } from './ChecksPanel';
import { EvidencePanel } from './EvidencePanel';
import { FilingActions } from './FilingActions';
import { FilingHistory } from './FilingHistory';
import { IncentivePanel } from './IncentivePanel';
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
  const record = useFiling(filingId, revision);
  // Every workflow call answers with the whole filing: show it, then refresh the grid.
  const applied = (next: FilingDetail) => {
    record.replace(next);
    onChanged();
  };
  // A document attached or removed changes the checks: judge again.
  const documentsChanged = () => {
    record.reload();
    onChanged();
  };

  return (
    <RecordDrawer
      open={filingId !== null}
      onClose={onClose}
      record={record}
      words={{
        card: 'filings.card',
        notFound: 'filings.notFound',
        loadFailed: 'filings.loadFailed',
      }}
      testId="filing-card"
      title={(d) => <CardTitle detail={d} />}
      extra={(d) => <FilingActions detail={d} onApplied={applied} onDeleted={onClose} />}
    >
      {(d) => (
        <CardBody key={d.id} detail={d} onApplied={applied} onDocumentsChanged={documentsChanged} />
      )}
    </RecordDrawer>
  );
}

function CardTitle({ detail }: { detail: FilingDetail }) {
  return (
    <RecordTitle name={detail.number} nameTestId="filing-number" mono>
      <span data-testid="filing-status">
        <FilingStatusTag value={detail.status} />
      </span>
      <Typography.Text type="secondary">{detail.accountName}</Typography.Text>
    </RecordTitle>
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

/** What changes the history: the row's own writes, a payment, a document. */
const historyVersion = (d: FilingDetail) =>
  `${d.version}:${d.incentive.payments.length}:${d.checklist.reduce((n, c) => n + c.documents.length, 0)}`;

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
      <IncentivePanel detail={detail} onApplied={onApplied} />
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
      <FilingHistory filingId={detail.id} version={historyVersion(detail)} />
    </>
  );
}
