/** The body of the export modal for each step: progress, the written file, how it was delivered. */
import { Alert, Progress, Space, Spin, Typography } from 'antd';
import type { Delivery, ExportResult } from '../../../../shared/schemas/exports';
import type { Job } from '../../../../shared/schemas/system';
import { hasBridge } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatBytes, formatCount } from '../../lib/format';
import type { ExportState } from './export-run';

function ProgressView({ job, cancelling }: { job: Job | null; cancelling: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const done = job?.done ?? 0;
  const total = job?.total ?? 0;
  const rate = job?.rate ?? 0;
  const count = (n: number) => formatCount(n, lang);
  return (
    <>
      <Progress
        percent={total > 0 ? Math.floor((done / total) * 100) : 0}
        status={cancelling ? 'normal' : 'active'}
      />
      <Space separator="·" wrap>
        <Typography.Text data-testid="export-progress">
          {cancelling
            ? t('export.cancelling')
            : total > 0
              ? t('export.progress', { done: count(done), total: count(total) })
              : t('export.preparing')}
        </Typography.Text>
        {rate > 0 && !cancelling && (
          <Typography.Text type="secondary" data-testid="export-rate">
            {t('export.rate', { rate: count(Math.round(rate)) })}
          </Typography.Text>
        )}
      </Space>
    </>
  );
}

/** "已导出 N 行" with the file's name and size. */
function Summary({ result }: { result: ExportResult }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <div data-testid="export-summary">
      <Typography.Text strong>
        {t('export.rows', { rows: formatCount(result.rows, lang) })}
      </Typography.Text>
      <div>
        <Typography.Text className="mono" data-testid="export-file">
          {result.fileName}
        </Typography.Text>
        <Typography.Text type="secondary"> · {formatBytes(result.bytes, lang)}</Typography.Text>
      </div>
    </div>
  );
}

function Delivered({ delivery, result }: { delivery: Delivery; result: ExportResult }) {
  const t = useT();
  if (delivery.kind === 'cancelled')
    return (
      <Alert
        type="info"
        showIcon
        title={t('export.notSaved')}
        description={t('export.notSavedHint')}
        data-testid="export-not-saved"
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      title={t('export.done')}
      description={
        delivery.kind === 'saved' ? (
          <span data-testid="export-path">{t('export.savedTo', { path: delivery.path })}</span>
        ) : (
          t('export.downloaded', { name: delivery.fileName || result.fileName })
        )
      }
      data-testid="export-done"
    />
  );
}

export function ExportStatus({ state }: { state: ExportState }) {
  const t = useT();
  switch (state.step) {
    case 'starting':
      return <ProgressView job={null} cancelling={false} />;
    case 'running':
      return (
        <>
          <ProgressView job={state.job} cancelling={state.cancelling} />
          {state.pollError && <ErrorAlert error={state.pollError} type="warning" />}
        </>
      );
    case 'delivering':
      return (
        <Space orientation="vertical" className="export-status">
          <Summary result={state.result} />
          <Space>
            <Spin size="small" />
            <Typography.Text type="secondary" data-testid="export-delivering">
              {hasBridge() ? t('export.saving') : t('export.downloading')}
            </Typography.Text>
          </Space>
        </Space>
      );
    case 'done':
      return (
        <Space orientation="vertical" className="export-status">
          <Summary result={state.result} />
          <Delivered delivery={state.delivery} result={state.result} />
        </Space>
      );
    case 'cancelled':
      return (
        <Alert
          type="info"
          showIcon
          title={t('export.cancelled')}
          description={t('export.cancelledHint')}
          data-testid="export-cancelled"
        />
      );
    case 'failed':
      return (
        <Space orientation="vertical" className="export-status">
          {state.result && <Summary result={state.result} />}
          <ErrorAlert error={state.error} data-testid="export-error" />
        </Space>
      );
  }
}
