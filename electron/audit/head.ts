/**
 * The audit chain's head — its last entry's id and hash. Recorded outside the database file (in a
 * backup's manifest, an export's about sheet, a filing report), it lets `audit.verify` notice
 * entries cut off the end or rewritten later.
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface AuditHead {
  id: number;
  hash: string;
}

/** The head of the chain, or null while the log is empty. */
export function auditHead(sqlite: BetterSqlite3.Database): AuditHead | null {
  const row = sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as
    AuditHead | undefined;
  return row ?? null;
}
