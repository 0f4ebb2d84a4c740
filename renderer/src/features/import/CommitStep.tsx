/**
 * Step 5: the import itself. What happens to rejected rows is the user's choice — nothing at all
 * (the default) or only the valid rows. The commit is one transaction: cancelled, it leaves the
 * database exactly as it was.
 */
import { Alert, Radio, Space, Typography } from 'antd';
import type { ImportSummary } from '../../../../shared/schemas/imports';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { changesNothing, RunResult } from './DryRunStep';
import { TARGETS } from './import-targets';
import { ImportCounts } from './ImportCounts';
import { ImportError } from './ImportError';
import { isActive } from './import-run';
import { JobProgress } from './JobProgress';
import type { ImportPolicy, ImportWizard } from './use-import-wizard';

/** Why the commit cannot start, or null when it can. */
export function commitBlocked(
  dryRun: ImportSummary,
  policy: ImportPolicy,
): 'noRows' | 'rejects' | null {
  if (dryRun.total === 0) return 'noRows';
  if (policy === 'allOrNothing' && dryRun.reject > 0) return 'rejects';
  return null;
}

function Committed({
  summary,
  onDownloadRejects,
}: {
  summary: ImportSummary;
  onDownloadRejects: (runId: number) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const count = (n: number) => formatCount(n, lang);
  const wrote = summary.create + summary.update > 0;
  return (
    <div data-testid="import-done" data-committed={String(summary.committed)}>
      <Alert
        className="gap-bottom"
        type={summary.committed ? 'success' : 'warning'}
        showIcon
        title={
          !summary.committed
            ? t('import.notCommitted')
            : wrote
              ? t('import.commitDone')
              : t('import.committedNothing')
        }
        description={
          !summary.committed
            ? t('import.notCommittedDetail')
            : wrote || summary.reject > 0
              ? [
                  wrote &&
                    t(TARGETS[summary.target].wrote, {
                      create: count(summary.create),
                      update: count(summary.update),
                    }),
                  summary.reject > 0 &&
                    t('import.commitSkipped', { reject: count(summary.reject) }),
                ]
                  .filter(Boolean)
                  .join(' ')
              : undefined
        }
      />
      <RunResult summary={summary} onDownloadRejects={onDownloadRejects} />
    </div>
  );
}

function PolicyChoice({ wizard, disabled }: { wizard: ImportWizard; disabled: boolean }) {
  const t = useT();
  const option = (policy: ImportPolicy, label: string, hint: string) => (
    <Radio value={policy} {...testId(`import-policy-${policy}`)}>
      <span>{label}</span>
      <Typography.Text type="secondary" className="import-policy__hint">
        {hint}
      </Typography.Text>
    </Radio>
  );
  return (
    <div className="import-policy">
      <Typography.Text strong>{t('import.policy')}</Typography.Text>
      <Radio.Group
        value={wizard.policy}
        disabled={disabled}
        onChange={(e) => wizard.setPolicy(e.target.value as ImportPolicy)}
      >
        <Space orientation="vertical">
          {option('allOrNothing', t('import.policyAll'), t('import.policyAllHint'))}
          {option('validOnly', t('import.policyValid'), t('import.policyValidHint'))}
        </Space>
      </Radio.Group>
    </div>
  );
}

export function CommitStep({
  wizard,
  onDownloadRejects,
}: {
  wizard: ImportWizard;
  onDownloadRejects: (runId: number) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { dryRun, commit, policy } = wizard;
  if (dryRun?.step !== 'done') return null;
  if (commit?.step === 'done')
    return (
      <div className="import-step" data-testid="import-step-commit">
        <Committed summary={commit.value} onDownloadRejects={onDownloadRejects} />
      </div>
    );

  const planned = dryRun.value;
  const blocked = commitBlocked(planned, policy);
  const running = isActive(commit);
  const count = (n: number) => formatCount(n, lang);

  return (
    <div className="import-step" data-testid="import-step-commit">
      <ImportCounts summary={planned} />
      {planned.reject > 0 && <PolicyChoice wizard={wizard} disabled={running} />}
      {blocked === 'rejects' ? (
        <Alert
          className="gap-top"
          type="warning"
          showIcon
          title={t('import.blockedAll', { n: count(planned.reject) })}
          data-testid="import-commit-blocked"
        />
      ) : blocked === 'noRows' ? (
        <Alert className="gap-top" type="warning" showIcon title={t('import.noRows')} />
      ) : (
        !running && (
          <Alert
            className="gap-top"
            type="info"
            showIcon
            title={
              changesNothing(planned) || planned.create + planned.update === 0
                ? t('import.willWriteNothing')
                : t(TARGETS[planned.target].willWrite, {
                    create: count(planned.create),
                    update: count(planned.update),
                  })
            }
            description={
              <>
                {policy === 'validOnly' && planned.reject > 0 && (
                  <div>{t('import.willSkip', { n: count(planned.reject) })}</div>
                )}
                <div>{t('import.commitNote')}</div>
              </>
            }
            data-testid="import-commit-plan"
          />
        )
      )}
      {running && (
        <div className="gap-top">
          <JobProgress state={commit} onCancel={wizard.cancelJob} note={t('import.commitNote')} />
        </div>
      )}
      {commit?.step === 'cancelled' && (
        <Alert
          className="gap-top"
          type="info"
          showIcon
          title={t('import.commitCancelled')}
          data-testid="import-commit-cancelled"
        />
      )}
      {commit?.step === 'failed' && (
        <div className="gap-top">
          <ImportError error={commit.error} />
        </div>
      )}
    </div>
  );
}
