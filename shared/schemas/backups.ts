import { z } from 'zod';
import { timestamp } from './common';

/** Who took a backup: the daily timer, an admin's 立即备份, or the start-up before a schema upgrade. */
export const BACKUP_KINDS = ['scheduled', 'manual', 'before_migration'] as const;
export const backupKind = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof backupKind>;

/**
 * Whether the copy was proven whole: opened read-only, `integrity_check` = ok and a schema
 * version found. `unchecked`: a file with no record (made by an older Keyfleet, or by hand).
 */
export const backupVerified = z.enum(['ok', 'failed', 'unchecked']);

/** Why a backup failed its check, as a code the UI words. */
export const BACKUP_FAILURES = ['unreadable', 'corrupt', 'no_schema', 'changed'] as const;
export const backupFailure = z.enum(BACKUP_FAILURES);
export type BackupFailure = z.infer<typeof backupFailure>;

export const backupEntry = z.object({
  fileName: z.string(),
  kind: backupKind,
  takenAt: timestamp,
  bytes: z.number().int().nonnegative(),
  verified: backupVerified,
  reason: backupFailure.nullable(),
  /** The last schema migration in the copy (which Keyfleet version can open it). */
  schema: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

export const backupList = z.object({
  /** The folder the backups are in, on the computer that keeps the database. */
  folder: z.string(),
  /** Whether this server takes a backup every day (the team server does). */
  daily: z.boolean(),
  /** How many scheduled (and, separately, manual) backups are kept. */
  keep: z.number().int().positive(),
  /** Newest first. */
  backups: z.array(backupEntry),
});
export type BackupList = z.infer<typeof backupList>;
