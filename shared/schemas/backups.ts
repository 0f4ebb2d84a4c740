import { z } from 'zod';
import { timestamp } from './common';

/**
 * Why a backup was taken: the daily timer (and quitting), an admin's or manager's 立即备份, the
 * start-up before a schema upgrade, an import about to commit, or a restore about to replace the
 * data.
 */
const BACKUP_KINDS = [
  'scheduled',
  'manual',
  'before_migration',
  'before_import',
  'before_restore',
] as const;
const backupKind = z.enum(BACKUP_KINDS);
export type BackupKind = z.infer<typeof backupKind>;

/**
 * Whether the copy was proven whole: opened read-only, `integrity_check` = ok, the expected tables
 * and a schema version found. `unchecked`: a file with no record (an older Keyfleet's, or by hand).
 */
const backupVerified = z.enum(['ok', 'failed', 'unchecked']);

/** Why a backup failed its check, as a code the UI words. */
const BACKUP_FAILURES = ['unreadable', 'corrupt', 'no_schema', 'changed'] as const;
const backupFailure = z.enum(BACKUP_FAILURES);
export type BackupFailure = z.infer<typeof backupFailure>;

/** The audit chain's last entry in the copy: recorded outside it, so a cut or rewrite shows. */
export const auditHeadSchema = z.object({ id: z.number().int(), hash: z.string() });

export const backupEntry = z.object({
  fileName: z.string(),
  kind: backupKind,
  takenAt: timestamp,
  bytes: z.number().int().nonnegative(),
  verified: backupVerified,
  reason: backupFailure.nullable(),
  /** The last schema migration in the copy (which Keyfleet version can open it). */
  schema: z.string().nullable(),
  /** The audit chain's head in the copy (null: an empty log, or a backup without a record). */
  auditHead: auditHeadSchema.nullable(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

/** How many of each kind rotation keeps. */
export const backupRotation = z.object({
  /** The newest backup of each of the last N days (7; 14 on a team server). */
  daily: z.number().int().positive(),
  /** The newest backup of each of the last N weeks. */
  weekly: z.number().int().positive(),
  manual: z.number().int().positive(),
  beforeMigration: z.number().int().positive(),
  beforeImport: z.number().int().positive(),
  beforeRestore: z.number().int().positive(),
});
export type BackupRotation = z.infer<typeof backupRotation>;

/** What a restore put back (shown after the restart that applied it). */
const restoreOutcome = z.object({
  /** The backup or archive it came from. */
  source: z.string(),
  takenAt: timestamp.nullable(),
  restoredAt: timestamp,
  schema: z.string().nullable(),
  auditHead: auditHeadSchema.nullable(),
  /** Rows in the main tables of the restored data. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Document files put back with it (an export-all archive), else 0. */
  documents: z.number().int().nonnegative(),
  /** The backup of the data it replaced, in the backups folder. */
  safetyBackup: z.string().nullable(),
});
export type RestoreOutcome = z.infer<typeof restoreOutcome>;

export const backupList = z.object({
  /** The folder the backups are in, on the computer that keeps the database. */
  folder: z.string(),
  /** Whether this server takes a backup every day (and when quitting). */
  daily: z.boolean(),
  rotation: backupRotation,
  /** Newest first. */
  backups: z.array(backupEntry),
  /** The last restore applied to this data folder, if any. */
  lastRestore: restoreOutcome.nullable(),
});

export const restoreInput = z.object({ fileName: z.string().min(1).max(200) });

/** A restore is staged and applied when the data is reopened (see electron/backups/restore.ts). */
export const restoreStaged = z.object({
  source: z.string(),
  takenAt: timestamp.nullable(),
  schema: z.string().nullable(),
  auditHead: auditHeadSchema.nullable(),
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** Whether the data is reopened now (a server, the app) or at the next start. */
  reopening: z.boolean(),
});
export type RestoreStaged = z.infer<typeof restoreStaged>;
