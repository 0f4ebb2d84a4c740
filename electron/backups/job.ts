/** The `backups.create` job: one online backup in a worker thread, with progress and cancel. */
import type { BackupEntry } from '../../shared/schemas/backups';
import type { JobFunction } from '../jobs/context';
import { takeBackup } from './take';

export interface BackupJobParams {
  dir: string;
  kind: 'scheduled' | 'manual';
  /** ISO time it is taken at, from the business clock of the thread that asked. */
  at: string;
  nativeBinding?: string | undefined;
}

export const backupJob: JobFunction<BackupJobParams> = async (ctx) => {
  const entry: BackupEntry = await takeBackup(ctx.sqlite, {
    dir: ctx.params.dir,
    kind: ctx.params.kind,
    at: new Date(ctx.params.at),
    nativeBinding: ctx.params.nativeBinding,
    progress: (done, total) => {
      ctx.checkCancelled();
      ctx.progress(done, total);
    },
  });
  return { result: entry, message: entry.fileName };
};
