/**
 * 备份 (system administrators): the database backups on the server — daily, taken by hand, and
 * before schema upgrades — each with the result of its check, the folder they are in, and
 * 立即备份, which runs as a job with progress and cancel.
 */
import { CloudDownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import type { BackupEntry } from '../../../../shared/schemas/backups';
import type { Job } from '../../../../shared/schemas/system';
import { call } from '../../api/client';
import { pollJob } from '../../api/poll-job';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type Translate, useLang, useT } from '../../i18n/context';
import { formatBytes, formatDateTime } from '../../lib/format';
import { jobFailure } from '../import/import-run';
import { SettingsLoading } from './SettingsLoading';

type Run =
  | { step: 'running'; jobId: string; job: Job | null; cancelling: boolean }
  | { step: 'done'; fileName: string }
  | { step: 'cancelled' }
  | { step: 'failed'; error: ApiError };

function kindText(kind: BackupEntry['kind'], t: Translate): string {
  if (kind === 'scheduled') return t('backups.kindScheduled');
  if (kind === 'manual') return t('backups.kindManual');
  return t('backups.kindBeforeMigration');
}

function checkTag(entry: BackupEntry, t: Translate) {
  if (entry.verified === 'ok') return <Tag color="success">{t('backups.verifiedOk')}</Tag>;
  if (entry.verified === 'unchecked') return <Tag>{t('backups.verifiedUnchecked')}</Tag>;
  const reason = {
    unreadable: t('backups.reasonUnreadable'),
    corrupt: t('backups.reasonCorrupt'),
    no_schema: t('backups.reasonNoSchema'),
    changed: t('backups.reasonChanged'),
  }[entry.reason ?? 'corrupt'];
  return (
    <Tag color="error" title={reason}>
      {t('backups.verifiedFailed', { reason })}
    </Tag>
  );
}

export function BackupsTab() {
  const t = useT();
  const { lang } = useLang();
  const [list, setList] = useState<Output<'backups.list'> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [run, setRun] = useState<Run | null>(null);
  const [starting, setStarting] = useState(false);
  const disposed = useRef(false);

  useEffect(() => {
    disposed.current = false;
    return () => {
      disposed.current = true;
    };
  }, []);

  useEffect(() => {
    let live = true;
    void call('backups.list', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setList(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);

  const follow = async (jobId: string) => {
    const outcome = await pollJob(jobId, {
      stopped: () => disposed.current,
      progress: (job) => job && setRun((r) => (r?.step === 'running' ? { ...r, job } : r)),
    });
    if (!outcome) return;
    if ('gone' in outcome) setRun({ step: 'failed', error: outcome.gone });
    else if (outcome.job.state === 'done')
      setRun({ step: 'done', fileName: outcome.job.message ?? '' });
    else if (outcome.job.state === 'cancelled') setRun({ step: 'cancelled' });
    else setRun({ step: 'failed', error: jobFailure(outcome.job) });
    reload();
  };

  const backUpNow = async () => {
    setStarting(true);
    const r = await call('backups.create', {});
    setStarting(false);
    if (!r.ok) return setRun({ step: 'failed', error: r.error });
    setRun({ step: 'running', jobId: r.value.jobId, job: null, cancelling: false });
    void follow(r.value.jobId);
  };

  const cancel = async (jobId: string) => {
    setRun((r) => (r?.step === 'running' ? { ...r, cancelling: true } : r));
    const r = await call('jobs.cancel', { id: jobId });
    if (!r.ok) setRun({ step: 'failed', error: r.error });
  };

  if (!list) return <SettingsLoading error={error} reload={reload} testId="backups-tab" />;

  const running = run?.step === 'running' ? run : null;
  const percent =
    running?.job && running.job.total > 0
      ? Math.floor((running.job.done / running.job.total) * 100)
      : 0;

  return (
    <div className="set-section" data-testid="backups-tab">
      <Typography.Paragraph type="secondary">
        {list.daily
          ? t('backups.introDaily', { n: list.keep })
          : t('backups.introManual', { n: list.keep })}
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('backups.folder')}{' '}
        <Typography.Text code copyable data-testid="backups-folder">
          {list.folder}
        </Typography.Text>
      </Typography.Paragraph>
      <Space wrap className="gap-bottom">
        <Button
          type="primary"
          icon={<CloudDownloadOutlined />}
          loading={starting}
          disabled={running !== null}
          onClick={() => void backUpNow()}
          data-testid="backups-create"
        >
          {t('backups.create')}
        </Button>
        <Button icon={<ReloadOutlined />} onClick={reload} data-testid="backups-reload">
          {t('backups.reload')}
        </Button>
      </Space>
      <div data-testid="backups-run">
        {running && (
          <div className="gap-bottom">
            <Progress percent={percent} status="active" />
            <Space>
              <Typography.Text type="secondary">
                {percent >= 100 ? t('backups.verifying') : t('backups.copying')}
              </Typography.Text>
              <Button
                danger
                size="small"
                loading={running.cancelling}
                onClick={() => void cancel(running.jobId)}
                data-testid="backups-cancel"
              >
                {t('common.cancel')}
              </Button>
            </Space>
          </div>
        )}
        {run?.step === 'done' && (
          <Alert
            type="success"
            showIcon
            className="gap-bottom"
            title={t('backups.done', { file: run.fileName })}
          />
        )}
        {run?.step === 'cancelled' && (
          <Alert type="info" showIcon className="gap-bottom" title={t('backups.cancelled')} />
        )}
        {run?.step === 'failed' && <ErrorAlert error={run.error} className="gap-bottom" />}
      </div>
      {error && <ErrorAlert error={error} type="warning" className="gap-bottom" />}
      <Table<BackupEntry>
        size="small"
        rowKey="fileName"
        pagination={false}
        dataSource={list.backups}
        locale={{ emptyText: t('backups.empty') }}
        data-testid="backups-list"
        columns={[
          {
            title: t('backups.takenAt'),
            dataIndex: 'takenAt',
            render: (v: string) => formatDateTime(v, lang),
          },
          {
            title: t('backups.kind'),
            dataIndex: 'kind',
            render: (v: BackupEntry['kind']) => kindText(v, t),
          },
          {
            title: t('backups.size'),
            dataIndex: 'bytes',
            align: 'right',
            render: (v: number) => formatBytes(v, lang),
          },
          {
            title: t('backups.check'),
            key: 'check',
            render: (_: unknown, entry) => checkTag(entry, t),
          },
          {
            title: t('backups.fileName'),
            dataIndex: 'fileName',
            render: (v: string) => <Typography.Text copyable>{v}</Typography.Text>,
          },
        ]}
      />
    </div>
  );
}
