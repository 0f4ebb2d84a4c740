import { nowIso } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { Staff } from '../../shared/schemas/staff';
import type { Deps } from '../app/deps';
import type { Session } from '../session/session';
import type { CallContext, Handlers } from '../transport/dispatch';
import type { BackupJobParams } from './job';
import { backupDir, KEEP_BACKUPS, listBackups } from './records';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.create'>;

/** Backups are the system administrator's (系统管理员), not a sales manager's. */
function requireAdmin(session: Session): Staff {
  const user = session.requireUser();
  if (user.role !== 'admin')
    throw new AppError('FORBIDDEN', 'only the system administrator manages backups', {
      kind: 'role',
    });
  return user;
}

export function backupHandlers(
  deps: Deps,
  options: { nativeBinding?: string | undefined; daily?: boolean } = {},
): BackupHandlers {
  const dir = backupDir(deps.dataDir);
  return {
    'backups.list': async (_input, { session }: CallContext) => {
      requireAdmin(session);
      return {
        folder: dir,
        daily: options.daily ?? false,
        keep: KEEP_BACKUPS,
        backups: listBackups(dir),
      };
    },
    'backups.create': async (_input, { session }: CallContext) => {
      const admin = requireAdmin(session);
      const params: BackupJobParams = {
        dir,
        kind: 'manual',
        at: nowIso(),
        nativeBinding: options.nativeBinding,
      };
      return { jobId: deps.jobs.start('backups.create', params, admin.id).id };
    },
  };
}
