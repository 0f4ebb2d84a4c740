/**
 * Step 4: the dry run. Every row is checked against the database as the commit would, nothing is
 * written; the counts and the per-row report say what the import would do.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import type { ImportSummary } from '../../../../shared/schemas/imports';
import { useT } from '../../i18n/context';
import { ImportCounts } from './ImportCounts';
import { ImportError } from './ImportError';
import { isActive } from './import-run';
import { JobProgress } from './JobProgress';
import { ReportTable } from './ReportTable';
import type { ImportWizard } from './use-import-wizard';

/** Nothing to write: every row matches the account it would update. */
export function changesNothing(summary: ImportSummary): boolean {
  return summary.total > 0 && summary.total === summary.unchanged;
}

export function RejectsDownload({
  summary,
  onDownload,
}: {
  summary: ImportSummary;
  onDownload: (runId: number) => void;
}) {
  const t = useT();
  if (summary.reject === 0) return null;
  return (
    <Space className="import-rejects" wrap>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => onDownload(summary.runId)}
        data-testid="import-rejects-download"
      >
        {t('import.downloadRejects')}
      </Button>
      <Typography.Text type="secondary">{t('import.rejectsHint')}</Typography.Text>
    </Space>
  );
}

/** The outcome of a finished run: what it means in one sentence, the counts, the report. */
export function RunResult({
  summary,
  onDownloadRejects,
}: {
  summary: ImportSummary;
  onDownloadRejects: (runId: number) => void;
}) {
  return (
    <>
      <ImportCounts summary={summary} />
      <RejectsDownload summary={summary} onDownload={onDownloadRejects} />
      <ReportTable key={summary.runId} summary={summary} />
    </>
  );
}

export function DryRunStep({
  wizard,
  onDownloadRejects,
}: {
  wizard: ImportWizard;
  onDownloadRejects: (runId: number) => void;
}) {
  const t = useT();
  const { dryRun } = wizard;
  const again = (
    <Button onClick={wizard.startDryRun} data-testid="import-dryrun">
      {t('import.dryRunAgain')}
    </Button>
  );

  return (
    <div className="import-step" data-testid="import-step-dryrun">
      {isActive(dryRun) ? (
        <JobProgress state={dryRun} onCancel={wizard.cancelJob} note={t('import.dryRunNote')} />
      ) : dryRun?.step === 'failed' ? (
        <ImportError error={dryRun.error} action={again} />
      ) : dryRun?.step === 'done' ? (
        <>
          {changesNothing(dryRun.value) && (
            <Alert
              className="gap-bottom"
              type="success"
              showIcon
              title={t('import.nothingChanges')}
              data-testid="import-nothing-changes"
            />
          )}
          {dryRun.value.total === 0 && (
            <Alert
              className="gap-bottom"
              type="warning"
              showIcon
              title={t('import.noRows')}
              data-testid="import-no-rows"
            />
          )}
          <RunResult summary={dryRun.value} onDownloadRejects={onDownloadRejects} />
        </>
      ) : dryRun?.step === 'cancelled' ? (
        <Alert
          type="info"
          showIcon
          title={t('import.dryRunCancelled')}
          action={again}
          data-testid="import-dryrun-cancelled"
        />
      ) : (
        again
      )}
    </div>
  );
}
