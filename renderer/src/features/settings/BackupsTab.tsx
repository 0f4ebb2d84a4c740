/**
 * 备份 (a solo data folder's manager, a team server's system administrator): the database
 * backups — daily, taken by hand, before upgrades, imports and restores — each with its size,
 * time, audit head and check; 立即备份 and 导出全部数据 as jobs with progress and cancel, and 恢复,
 * confirmed with what will be replaced.
 */
import {
  CloudDownloadOutlined,
  ExportOutlined,
  ReloadOutlined,
  RollbackOutlined,
} from '@ant-design/icons';
import { Alert, Button, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../shared/api';
import type { ApiError } from '../../../../shared/result';
import type { BackupEntry } from '../../../../shared/schemas/backups';
import type { Job } from '../../../../shared/schemas/system';
import type { RestoreOutcome, RestoreStaged } from '../../../../shared/schemas/backups';
import { call } from '../../api/client';
import { downloadFile } from '../../api/download';
import { pollJob } from '../../api/poll-job';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type Translate, useLang, useT } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import { formatBytes, formatDateTime } from '../../lib/format';
import { jobFailure } from '../import/import-run';
import { testId } from '../../lib/test-id';
import { SettingsLoading } from './SettingsLoading';

/** A backup or an export-all run (the same job shape: progress, cancel, a file at the end). */
type Run =
  | {
      what: 'backup' | 'export';
      step: 'running';
      jobId: string;
      job: Job | null;
      cancelling: boolean;
    }
  | { what: 'backup' | 'export'; step: 'done'; fileName: string }
  | { what: 'backup' | 'export'; step: 'cancelled' }
  | { step: 'restoring' }
  | { step: 'restored'; staged: RestoreStaged }
  | { step: 'failed'; error: ApiError };

function kindText(kind: BackupEntry['kind'], t: Translate): string {
  if (kind === 'scheduled') return t('backups.kindScheduled');
  if (kind === 'manual') return t('backups.kindManual');
  if (kind === 'before_import') return t('backups.kindBeforeImport');
  if (kind === 'before_restore') return t('backups.kindBeforeRestore');
  return t('backups.kindBeforeMigration');
}

function headText(head: BackupEntry['auditHead'], t: Translate): string {
  return head ? `#${head.id} ${head.hash.slice(0, 12)}` : t('backups.auditHeadNone');
}

function countsText(counts: Record<string, number>, t: Translate): string {
  return t('backups.counts', {
    accounts: counts.accounts ?? 0,
    contacts: counts.contacts ?? 0,
    opportunities: counts.opportunities ?? 0,
    contracts: counts.contracts ?? 0,
    audit: counts.audit_log ?? 0,
  });
}

function LastRestore({ r, t, lang }: { r: RestoreOutcome; t: Translate; lang: Lang }) {
  return (
    <Alert
      type="info"
      showIcon
      className="gap-bottom"
      data-testid="backups-last-restore"
      title={t('backups.lastRestore', {
        restoredAt: formatDateTime(r.restoredAt, lang),
        file: r.source,
        time: formatDateTime(r.takenAt, lang),
        head: r.auditHead?.id ?? '-',
        counts: countsText(r.counts, t),
        documents: r.documents,
        safety: r.safetyBackup ?? '-',
      })}
    />
  );
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

  const follow = async (what: 'backup' | 'export', jobId: string) => {
    const outcome = await pollJob(jobId, {
      stopped: () => disposed.current,
      progress: (job) => job && setRun((r) => (r?.step === 'running' ? { ...r, job } : r)),
    });
    if (!outcome) return;
    if ('gone' in outcome) setRun({ step: 'failed', error: outcome.gone });
    else if (outcome.job.state === 'done') {
      if (what === 'export') {
        const d = await call('exports.deliver', { jobId });
        if (!d.ok) return setRun({ step: 'failed', error: d.error });
        if (d.value.kind === 'download') {
          const saved = await downloadFile(d.value.url, d.value.fileName);
          if (!saved.ok) return setRun({ step: 'failed', error: saved.error });
        }
      }
      setRun({ what, step: 'done', fileName: outcome.job.message ?? '' });
    } else if (outcome.job.state === 'cancelled') setRun({ what, step: 'cancelled' });
    else setRun({ step: 'failed', error: jobFailure(outcome.job) });
    reload();
  };

  const startJob = async (what: 'backup' | 'export') => {
    setStarting(true);
    const r = await call(what === 'backup' ? 'backups.create' : 'backups.exportAll', {});
    setStarting(false);
    if (!r.ok) return setRun({ step: 'failed', error: r.error });
    setRun({ what, step: 'running', jobId: r.value.jobId, job: null, cancelling: false });
    void follow(what, r.value.jobId);
  };

  const restore = async (entry: BackupEntry) => {
    setRun({ step: 'restoring' });
    const r = await call('backups.restore', { fileName: entry.fileName });
    if (!r.ok) return setRun({ step: 'failed', error: r.error });
    setRun({ step: 'restored', staged: r.value });
  };

  const cancel = async (jobId: string) => {
    setRun((r) => (r?.step === 'running' ? { ...r, cancelling: true } : r));
    const r = await call('jobs.cancel', { id: jobId });
    if (!r.ok) setRun({ step: 'failed', error: r.error });
  };

  if (!list) return <SettingsLoading error={error} reload={reload} testId="backups-tab" />;

  const running = run?.step === 'running' ? run : null;
  const busy = running !== null || run?.step === 'restoring' || run?.step === 'restored';
  const percent =
    running?.job && running.job.total > 0
      ? Math.floor((running.job.done / running.job.total) * 100)
      : 0;

  return (
    <div className="set-section" data-testid="backups-tab">
      <Typography.Paragraph type="secondary" data-testid="backups-intro">
        {t(list.daily ? 'backups.introDaily' : 'backups.introManual', {
          daily: list.rotation.daily,
          weekly: list.rotation.weekly,
          manual: list.rotation.manual,
          migration: list.rotation.beforeMigration,
          import: list.rotation.beforeImport,
          restore: list.rotation.beforeRestore,
        })}
      </Typography.Paragraph>
      {list.lastRestore && <LastRestore r={list.lastRestore} t={t} lang={lang} />}
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
          disabled={busy}
          onClick={() => void startJob('backup')}
          data-testid="backups-create"
        >
          {t('backups.create')}
        </Button>
        <Button
          icon={<ExportOutlined />}
          disabled={busy || starting}
          title={t('backups.exportAllHint')}
          onClick={() => void startJob('export')}
          data-testid="backups-export-all"
        >
          {t('backups.exportAll')}
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
                {running.what === 'export'
                  ? t('backups.exporting')
                  : percent >= 100
                    ? t('backups.verifying')
                    : t('backups.copying')}
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
            title={t(run.what === 'export' ? 'backups.exportDone' : 'backups.done', {
              file: run.fileName,
            })}
          />
        )}
        {run?.step === 'cancelled' && (
          <Alert
            type="info"
            showIcon
            className="gap-bottom"
            title={t(run.what === 'export' ? 'backups.exportCancelled' : 'backups.cancelled')}
          />
        )}
        {run?.step === 'restoring' && (
          <Alert type="info" showIcon className="gap-bottom" title={t('backups.restoring')} />
        )}
        {run?.step === 'restored' && (
          <Alert
            type="warning"
            showIcon
            className="gap-bottom"
            data-testid="backups-restored"
            title={t(
              run.staged.reopening ? 'backups.restoreReopening' : 'backups.restorePendingRestart',
              {
                file: run.staged.source,
                time: formatDateTime(run.staged.takenAt, lang),
                head: run.staged.auditHead?.id ?? '-',
              },
            )}
            description={countsText(run.staged.counts, t)}
            action={
              run.staged.reopening ? (
                <Button size="small" onClick={() => window.location.reload()}>
                  {t('backups.restoreReload')}
                </Button>
              ) : undefined
            }
          />
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
            title: t('backups.auditHead'),
            dataIndex: 'auditHead',
            render: (v: BackupEntry['auditHead']) => (
              <Typography.Text code={v !== null}>{headText(v, t)}</Typography.Text>
            ),
          },
          {
            title: t('backups.fileName'),
            dataIndex: 'fileName',
            render: (v: string) => <Typography.Text copyable>{v}</Typography.Text>,
          },
          {
            title: t('backups.actions'),
            key: 'actions',
            render: (_: unknown, entry) =>
              entry.verified === 'ok' ? (
                <Popconfirm
                  title={t('backups.restoreTitle')}
                  description={
                    <div style={{ maxWidth: 420 }} data-testid="backups-restore-what">
                      {t('backups.restoreConfirm', {
                        time: formatDateTime(entry.takenAt, lang),
                        file: entry.fileName,
                        head: entry.auditHead?.id ?? '-',
                      })}
                    </div>
                  }
                  okText={t('backups.restoreOk')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true, ...testId('backups-restore-confirm') }}
                  onConfirm={() => void restore(entry)}
                >
                  <Button
                    type="link"
                    size="small"
                    danger
                    disabled={busy}
                    icon={<RollbackOutlined />}
                    data-testid="backups-restore"
                  >
                    {t('backups.restore')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
