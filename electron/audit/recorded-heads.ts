/**
 * Chain heads recorded outside the database that `audit.verify` checks on its own: the latest
 * backup's record (`<backup>.sqlite.json`, field `auditHead: { id, hash }`). A database cut back
 * behind a head it once had shows as "entries after #N are missing".
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { auditHeadSchema } from '../../shared/schemas/system';
import { backupDir } from '../backups/records';
import { lastRestore } from '../backups/restore';
import type { AuditHead } from './head';

const recordWithHead = z.object({
  takenAt: z.string(),
  auditHead: auditHeadSchema.nullable().optional(),
});

/** The head a backup record (or manifest) carries, if it carries a well-formed one. */
function headFromRecord(json: unknown): { takenAt: string; head: AuditHead } | null {
  const parsed = recordWithHead.safeParse(json);
  if (!parsed.success || !parsed.data.auditHead) return null;
  return { takenAt: parsed.data.takenAt, head: parsed.data.auditHead };
}

/**
 * The head recorded with the most recent backup in the data folder, or null. Backups taken before
 * the last restore describe the data that was replaced (the restored data may well be shorter),
 * so only those taken since count.
 */
export function latestBackupHead(dataDir: string): AuditHead | null {
  const since = lastRestore(dataDir)?.restoredAt ?? '';
  const dir = backupDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.sqlite.json'));
  } catch {
    return null;
  }
  let latest: { takenAt: string; head: AuditHead } | null = null;
  for (const name of names) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch {
      continue; // an unreadable record is the backups listing's business, not this check's
    }
    const found = headFromRecord(json);
    if (found && found.takenAt >= since && (!latest || found.takenAt > latest.takenAt))
      latest = found;
  }
  return latest?.head ?? null;
}
