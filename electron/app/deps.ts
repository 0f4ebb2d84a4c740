/** What handlers are given: the database, every client's session, the job runner and facts about this launch. */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import type { BackupRotation } from '../../shared/schemas/backups';
import type { Delivery } from '../../shared/schemas/exports';
import type { Database } from '../db/schema';
import type { JobRunner } from '../jobs/runner';
import type { ReadWorker } from '../reads/read-worker';
import type { SignInThrottle } from '../auth/sign-in-throttle';
import type { TeamSessions } from '../auth/team-sessions';
import type { Sessions } from '../session/session';

export interface Deps {
  db: Kysely<Database>;
  /** The time every service takes: the business clock, or a test's settable one. */
  clock: Clock;
  sessions: Sessions;
  /** A team server's signed-in sessions (the same object as `sessions`); null on a solo folder. */
  team: TeamSessions | null;
  throttle: SignInThrottle;
  jobs: JobRunner;
  /** Heavy reads (the dashboards, the largest grids, quick search, report templates' workbooks) on a read-only connection in a worker thread. */
  reads: ReadWorker;
  mode: 'electron' | 'browser' | 'team';
  dataDir: string;
  version: string;
  /** Hands a finished file to the user: the host decides how (save dialog, download link). */
  deliverFile: DeliverFile;
  /** Electron: an open dialog for a file to import (null if cancelled). Browser mode uploads. */
  chooseFile?: ChooseFile | undefined;
  /** The SQLite binding to open extra connections with (a backup's check), if not the default. */
  nativeBinding?: string | undefined;
  /** What backup rotation keeps here (a team server keeps more daily ones). */
  backupRotation?: BackupRotation | undefined;
  /** Files written by export jobs (any of them), by job id, until delivered or swept. */
  exportFiles: Map<string, { file: string; fileName: string }>;
}

export type ChooseFile = () => Promise<string | null>;

export type DeliverFile = (
  file: string,
  fileName: string,
  ownerId: number | null,
) => Promise<Delivery>;
