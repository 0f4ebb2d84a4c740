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

/**
 * The head as a label/value pair for an export's about sheet or a report, in its language: kept
 * with the file, it later shows whether the log was cut back or rewritten behind it.
 */
export function auditHeadPair(sqlite: BetterSqlite3.Database, zh: boolean): [string, string] {
  const head = auditHead(sqlite);
  const label = zh ? '审计链头' : 'Audit chain head';
  if (!head) return [label, zh ? '（审计日志为空）' : '(the audit log is empty)'];
  return [label, `#${head.id} ${head.hash}`];
}
