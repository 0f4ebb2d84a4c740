import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { BackupRotation } from '../../shared/schemas/backups';
import type { Staff } from '../../shared/schemas/staff';
import type { Deps } from '../app/deps';
import { exportsDir, stamp } from '../exports/handlers';
import type { Session } from '../session/session';
import type { CallContext, Handlers } from '../transport/dispatch';
import type { BackupJobParams, ExportAllParams } from './job';
import { backupDir, isBackupName, listBackups } from './records';
import { lastRestore, stageRestore } from './restore';

type BackupHandlers = Pick<
  Handlers,
  'backups.list' | 'backups.create' | 'backups.restore' | 'backups.exportAll'
>;

/**
 * The rules table lets managers and admins in (a solo data folder's manager is its keeper). On a
 * team server the data is everyone's: only the system administrator (系统管理员) backs it up,
 * restores it or exports all of it.
 */
function requireKeeper(deps: Deps, session: Session): Staff {
  const user = session.requireUser();
  if (deps.team && user.role !== 'admin')
    throw new AppError('FORBIDDEN', 'only the system administrator manages the server backups', {
      kind: 'role',
    });
  return user;
}

/** What the host settles for the backups' handlers. */
export interface BackupHandlerOptions {
  nativeBinding?: string | undefined;
  daily?: boolean;
  rotation: BackupRotation;
  /** Reopens the data so a staged restore applies now; absent: it applies at the next start. */
  reopen?: (() => void) | undefined;
}

export function backupHandlers(deps: Deps, options: BackupHandlerOptions): BackupHandlers {
  const dir = backupDir(deps.dataDir);
  return {
    'backups.list': async (_input, { session }: CallContext) => {
      requireKeeper(deps, session);
      return {
        folder: dir,
        daily: options.daily ?? false,
        rotation: options.rotation,
        backups: listBackups(dir),
        lastRestore: lastRestore(deps.dataDir),
      };
    },
    'backups.create': async (_input, { session }: CallContext) => {
      const user = requireKeeper(deps, session);
      const params: BackupJobParams = {
        dir,
        kind: 'manual',
        at: isoNow(deps.clock),
        rotation: options.rotation,
        nativeBinding: options.nativeBinding,
      };
      return { jobId: deps.jobs.start('backups.create', params, user.id).id };
    },
    'backups.restore': async ({ fileName }, { session }: CallContext) => {
      requireKeeper(deps, session);
      // Only a backup listed in the folder (no path of the caller's choosing).
      if (!isBackupName(fileName) || !fs.existsSync(path.join(dir, fileName)))
        throw new AppError('NOT_FOUND', `no backup ${fileName}`, { kind: 'backup_gone' });
      const staged = await stageRestore(deps.dataDir, path.join(dir, fileName), {
        clock: deps.clock,
        nativeBinding: options.nativeBinding,
      });
      // Answer first, then reopen: the caller hears what is about to be restored.
      if (options.reopen) setImmediate(options.reopen);
      return { ...staged, reopening: options.reopen !== undefined };
    },
    'backups.exportAll': async (_input, { session }: CallContext) => {
      const user = requireKeeper(deps, session);
      fs.mkdirSync(exportsDir(deps.dataDir), { recursive: true });
      const file = path.join(exportsDir(deps.dataDir), `${randomUUID()}.zip`);
      const fileName = `keyfleet-all-data-${stamp(deps.clock, 'Asia/Shanghai')}.zip`;
      const params: ExportAllParams = {
        dataDir: deps.dataDir,
        file,
        fileName,
        at: isoNow(deps.clock),
        version: deps.version,
        nativeBinding: options.nativeBinding,
      };
      const job = deps.jobs.start('backups.exportAll', params, user.id);
      deps.exportFiles.set(job.id, { file, fileName });
      return { jobId: job.id };
    },
  };
}
