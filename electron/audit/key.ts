/**
 * The audit chain's key: 32 random bytes in `audit.key` beside the database file (mode 0600),
 * made at first start. Entries are chained with HMAC-SHA256 under it, so someone holding only the
 * database file cannot rewrite an entry and recompute the later links: without the key the
 * rewritten links do not verify.
 */
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

export const AUDIT_KEY_FILE = 'audit.key';
const KEY_BYTES = 32;
/** The SQL function a keyed connection offers, so appends inside a kysely transaction reach the key. */
export const AUDIT_MAC_FUNCTION = 'keyfleet_audit_mac';

export function auditKeyPath(dataDir: string): string {
  return path.join(dataDir, AUDIT_KEY_FILE);
}

/** The key, or null when the folder has none (a database from before keyed chains). */
export function readAuditKey(dataDir: string): Buffer | null {
  let key: Buffer;
  try {
    key = fs.readFileSync(auditKeyPath(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (key.length !== KEY_BYTES)
    throw new Error(`${auditKeyPath(dataDir)} is not an audit key (${key.length} bytes)`);
  return key;
}

/** Reads the key, creating it (owner-only) when the folder has none yet. */
export function ensureAuditKey(dataDir: string): Buffer {
  const existing = readAuditKey(dataDir);
  if (existing) return existing;
  const file = auditKeyPath(dataDir);
  const part = `${file}.${process.pid}.part`;
  const fd = fs.openSync(part, 'wx', 0o600);
  try {
    fs.writeSync(fd, randomBytes(KEY_BYTES));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // `link` fails if another process made the key meanwhile: then theirs is the key.
  try {
    fs.linkSync(part, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(part, { force: true });
  }
  return readAuditKey(dataDir)!;
}

export function auditMac(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('hex');
}

/** Lets this connection's SQL compute the chain's MAC (used by appendAudit inside transactions). */
export function bindAuditKey(sqlite: BetterSqlite3.Database, key: Buffer): void {
  const copy = Buffer.from(key);
  sqlite.function(AUDIT_MAC_FUNCTION, { deterministic: true }, (payload: unknown) =>
    auditMac(copy, String(payload)),
  );
}
