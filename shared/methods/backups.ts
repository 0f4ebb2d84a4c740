/** The backups.* methods of the API contract (served from electron/backups/). */
import { z } from 'zod';
import { empty } from '../schemas/common';
import { backupList, restoreInput, restoreStaged } from '../schemas/backups';
import { method } from './method';

export const backupsMethods = {
  'backups.list': method(
    empty,
    backupList,
    'Managers of a solo data folder, admins of a team server: the database backups (daily, manual, before upgrades, imports and restores), each with its check result and audit head, and the last restore.',
  ),
  'backups.create': method(
    empty,
    z.object({ jobId: z.string() }),
    'Take a verified online backup now (a job with progress and cancel).',
  ),
  'backups.restore': method(
    restoreInput,
    restoreStaged,
    'Check a listed backup and stage it to replace the data; the data is backed up first and the swap happens as the database is reopened.',
  ),
  'backups.exportAll': method(
    empty,
    z.object({ jobId: z.string() }),
    'Export all data (database backup, documents, manifest) as one zip archive, a job; fetch it with exports.deliver.',
  ),
} as const;
