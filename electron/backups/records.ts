/**
 * The backups folder: how backups are named, the small JSON record kept next to each one (what
 * kind it is, when it was taken, how its check went), the listing the admin sees and what is kept.
 * Records hold codes, never sentences; a backup without a record is listed as unchecked.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type BackupEntry,
  type BackupFailure,
  type BackupKind,
  backupEntry,
} from '../../shared/schemas/backups';

/** The last 14 scheduled backups are kept (and, counted apart, the last 14 taken by hand). */
export const KEEP_BACKUPS = 14;

export const BACKUP_DIR_NAME = 'backups';

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR_NAME);
}

const RECORD_SUFFIX = '.json';
/** A backup being written: hidden, never under a backup's final name. */
const PARTIAL_SUFFIX = '.partial';
const NAME = /^keyfleet-(\d{8})-(\d{6})(?:-(\d+))?(-manual|-before-.+)?\.sqlite$/;

/** `keyfleet-YYYYMMDD-HHMMSS.sqlite` in UTC, `-manual` for one taken by hand. */
export function backupFileName(at: Date, kind: Exclude<BackupKind, 'before_migration'>): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `keyfleet-${stamp}${kind === 'manual' ? '-manual' : ''}.sqlite`;
}

/** A free name in `dir`: a second backup within the same second gets `-2`, `-3`… */
export function freeBackupPath(dir: string, fileName: string): string {
  let file = path.join(dir, fileName);
  for (let n = 2; fs.existsSync(file) || fs.existsSync(file + RECORD_SUFFIX); n++)
    file = path.join(dir, fileName.replace(/(-manual)?\.sqlite$/, `-${n}$1.sqlite`));
  return file;
}

export function partialPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}${PARTIAL_SUFFIX}`);
}

export interface BackupRecord {
  format: 1;
  kind: BackupKind;
  takenAt: string;
  bytes: number;
  /** The file's modification time when it was checked. */
  mtimeMs: number;
  verified: 'ok' | 'failed';
  reason: BackupFailure | null;
  schema: string | null;
}

/** Writes the record next to `file` (temp name, then rename: never a half-written record). */
export function writeRecord(file: string, record: BackupRecord): void {
  const target = file + RECORD_SUFFIX;
  const temp = partialPath(target);
  fs.writeFileSync(temp, JSON.stringify(record));
  fs.renameSync(temp, target);
}

function readRecord(file: string): BackupRecord | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file + RECORD_SUFFIX, 'utf8')) as BackupRecord;
    return parsed.format === 1 ? parsed : null;
  } catch {
    return null;
  }
}

function kindFromName(match: RegExpMatchArray): BackupKind {
  if (match[4] === '-manual') return 'manual';
  if (match[4]?.startsWith('-before-')) return 'before_migration';
  return 'scheduled';
}

function takenAtFromName(match: RegExpMatchArray): string {
  const [d, t] = [match[1]!, match[2]!];
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}.000Z`;
}

/**
 * Every backup in `dir`, newest first. A file whose size or modification time no longer matches
 * its record was changed after its check (damaged, written over): it is reported as failed,
 * `changed`, without reading it again.
 */
export function listBackups(dir: string): BackupEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const entries: BackupEntry[] = [];
  for (const fileName of names) {
    const match = NAME.exec(fileName);
    if (!match) continue;
    const file = path.join(dir, fileName);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue;
    }
    const bytes = stat.size;
    const record = readRecord(file);
    const changed = record !== null && (record.bytes !== bytes || record.mtimeMs !== stat.mtimeMs);
    const fromName = {
      fileName,
      kind: kindFromName(match),
      takenAt: takenAtFromName(match),
      bytes,
      verified: 'unchecked',
      reason: null,
      schema: null,
    } as const;
    const listed = backupEntry.safeParse(
      record && {
        ...fromName,
        kind: record.kind,
        takenAt: record.takenAt,
        verified: changed ? 'failed' : record.verified,
        reason: changed ? 'changed' : record.reason,
        schema: record.schema,
      },
    );
    // A record that cannot be read is as good as none: the file is listed, unchecked.
    entries.push(listed.success ? listed.data : fromName);
  }
  return entries.sort(
    (a, b) => b.takenAt.localeCompare(a.takenAt) || b.fileName.localeCompare(a.fileName),
  );
}

function removeBackup(dir: string, fileName: string): void {
  const file = path.join(dir, fileName);
  // The record goes last: a crash in between leaves a file listed as unchecked, not a lost one.
  fs.rmSync(file, { force: true });
  fs.rmSync(file + RECORD_SUFFIX, { force: true });
}

/**
 * Keeps the newest `keep` good backups of each of the scheduled and manual kinds, and the failed
 * ones newer than the oldest of those (at most `keep`), so a run of failures can never push the
 * good backups out. Backups taken before a schema upgrade are never removed here.
 */
export function pruneBackups(dir: string, keep = KEEP_BACKUPS): string[] {
  const removed: string[] = [];
  const all = listBackups(dir);
  for (const kind of ['scheduled', 'manual'] as const) {
    const ofKind = all.filter((b) => b.kind === kind);
    const good = ofKind.filter((b) => b.verified !== 'failed');
    const oldestKept = good[keep - 1]?.takenAt ?? '';
    const drop = [
      ...good.slice(keep),
      ...ofKind
        .filter((b) => b.verified === 'failed')
        .filter((b, i) => i >= keep || b.takenAt < oldestKept),
    ];
    for (const b of drop) {
      removeBackup(dir, b.fileName);
      removed.push(b.fileName);
    }
  }
  // Records left without their backup (a crash between the two writes) are dropped too.
  for (const name of fs.readdirSync(dir))
    if (
      name.endsWith('.sqlite' + RECORD_SUFFIX) &&
      !fs.existsSync(path.join(dir, name.slice(0, -5)))
    )
      fs.rmSync(path.join(dir, name), { force: true });
  return removed;
}

/** Removes what an interrupted backup left (only call while no backup is being written). */
export function sweepPartials(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names)
    if (/^\..*\.partial(-wal|-shm|-journal)?$/.test(name))
      fs.rmSync(path.join(dir, name), { force: true });
}
