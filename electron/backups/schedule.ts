/**
 * The daily backup (solo and team): at start, and then every check, a backup is taken when the newest good
 * scheduled one is a day old (or there is none). It runs as a `backups.create` job, so the copy
 * and its check happen off the thread that answers the UI; a failed or refused run (an admin's
 * backup already running) is logged and tried again at the next check.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { now as clockNow } from '../../shared/clock';
import type { BackupRotation } from '../../shared/schemas/backups';
import type { JobRunner } from '../jobs/runner';
import type { BackupJobParams } from './job';
import { listBackups } from './records';
import { takeBackup } from './take';

const BACKUP_INTERVAL_MS = 24 * 60 * 60_000;
/** How often "is a backup due?" is asked: a failed backup is retried within the hour. */
const BACKUP_CHECK_MS = 60 * 60_000;

export interface BackupSchedule {
  /** A backup is due when the newest good scheduled one is this old (default a day). */
  intervalMs?: number;
  /** How often to look (default an hour). */
  checkMs?: number;
  /** The business clock (tests move it). */
  now?: () => Date;
}

export interface BackupScheduler {
  /** Resolves when the check started at launch (and any backup it started) has finished. */
  readonly firstCheck: Promise<void>;
  /** Checks now (as the timer does) and resolves when that check and its backup have ended. */
  check(): Promise<void>;
  /** Stops the timer, cancels a backup in progress and waits for it to end. */
  stop(): Promise<void>;
  /**
   * The backup taken as the app quits, on its own connection (the jobs have stopped): a
   * scheduled one, so rotation keeps the newest of each day. A failure is logged, never blocks
   * quitting.
   */
  atQuit(sqlite: BetterSqlite3.Database): Promise<void>;
}

function isBackupDue(dir: string, at: Date, intervalMs: number): boolean {
  const last = listBackups(dir).find((b) => b.kind === 'scheduled' && b.verified === 'ok');
  return !last || at.getTime() - Date.parse(last.takenAt) >= intervalMs;
}

export function scheduleBackups(
  jobs: JobRunner,
  options: BackupSchedule & {
    dir: string;
    nativeBinding?: string | undefined;
    rotation?: BackupRotation;
    log?: (message: string) => void;
  },
): BackupScheduler {
  const intervalMs = options.intervalMs ?? BACKUP_INTERVAL_MS;
  const now = options.now ?? clockNow;
  let running: Promise<void> | null = null;
  let jobId: string | null = null;
  let stopped = false;

  const run = async () => {
    const at = now();
    if (!isBackupDue(options.dir, at, intervalMs)) return;
    const params: BackupJobParams = {
      dir: options.dir,
      kind: 'scheduled',
      at: at.toISOString(),
      nativeBinding: options.nativeBinding,
      ...(options.rotation ? { rotation: options.rotation } : {}),
    };
    jobId = jobs.start('backups.create', params, null).id;
    const job = await jobs.wait(jobId);
    jobId = null;
    if (job.state === 'done') options.log?.(`daily backup: ${job.message ?? ''}`);
    else options.log?.(`daily backup ${job.state}: ${job.error?.message ?? ''}; tried again later`);
  };
  const tick = (): Promise<void> => {
    if (stopped || running) return running ?? Promise.resolve();
    running = run()
      .catch((error: unknown) =>
        options.log?.(
          `daily backup not started, tried again later: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };

  const firstCheck = tick();
  const timer = setInterval(() => void tick(), options.checkMs ?? BACKUP_CHECK_MS);
  // Backups never keep a process alive on their own.
  timer.unref();
  return {
    firstCheck,
    check: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (jobId) jobs.cancel(jobId, null);
      await running;
    },
    async atQuit(sqlite) {
      try {
        const entry = await takeBackup(sqlite, {
          dir: options.dir,
          kind: 'scheduled',
          at: now(),
          nativeBinding: options.nativeBinding,
          ...(options.rotation ? { rotation: options.rotation } : {}),
        });
        options.log?.(`backup at quit: ${entry.fileName} (${entry.verified})`);
      } catch (error) {
        options.log?.(
          `backup at quit failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
  };
}
