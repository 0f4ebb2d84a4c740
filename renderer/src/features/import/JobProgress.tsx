/**
 * Progress of an import job: a bar when the job knows how many rows there are, otherwise the rows
 * read so far and the speed (a CSV does not say how many rows it has). Cancel sits under it.
 */
import { Button, Progress, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import type { ActiveJobState } from './import-run';

export function JobProgress({
  state,
  onCancel,
  note,
  countsRows = true,
}: {
  state: ActiveJobState;
  onCancel: () => void;
  /** What cancelling means for this job. */
  note?: ReactNode;
  /** False for a job whose progress is not in rows (inspecting counts sheets). */
  countsRows?: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  const job = state.step === 'running' ? state.job : null;
  const cancelling = state.step === 'running' && state.cancelling;
  const done = job?.done ?? 0;
  const total = job?.total ?? 0;
  const rate = job?.rate ?? 0;
  const count = (n: number) => formatCount(n, lang);

  const text = cancelling
    ? t('import.cancelling')
    : !job
      ? t('import.starting')
      : !countsRows
        ? null
        : total > 0
          ? t('import.rowsOf', { done: count(done), total: count(total) })
          : t('import.rowsRead', { done: count(done) });

  return (
    <div className="import-progress" data-testid="import-progress" data-done={done}>
      {total > 0 ? (
        <Progress
          percent={Math.min(100, Math.floor((done / total) * 100))}
          status={cancelling ? 'normal' : 'active'}
        />
      ) : (
        <Spin size="small" className="import-progress__spin" />
      )}
      <Space separator="·" wrap className="import-progress__meta">
        {text && <Typography.Text>{text}</Typography.Text>}
        {rate > 0 && !cancelling && countsRows && (
          <Typography.Text type="secondary">
            {t('import.rate', { rate: count(Math.round(rate)) })}
          </Typography.Text>
        )}
      </Space>
      {state.step === 'running' && state.pollError && (
        <ErrorAlert error={state.pollError} type="warning" className="gap-top" />
      )}
      <div className="import-progress__actions">
        <Button danger loading={cancelling} onClick={onCancel} data-testid="import-cancel">
          {t('common.cancel')}
        </Button>
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
      </div>
    </div>
  );
}
