/**
 * A failure of the storage under the database (disk full, read-only file, I/O error, a file that
 * cannot be opened or is damaged) as a typed `STORAGE` error: the user is told what happened
 * to the disk and that nothing was saved, instead of an internal error.
 */
import { AppError } from '../../shared/result';

type StorageKind = 'disk_full' | 'read_only' | 'io_error' | 'cannot_open' | 'corrupt';

const MESSAGES: Record<StorageKind, string> = {
  disk_full: 'the disk is full: nothing was saved',
  read_only: 'the data file is read-only: nothing was saved',
  io_error: 'the disk could not be read or written: nothing was saved',
  cannot_open: 'the data file cannot be opened: nothing was saved',
  corrupt: 'the data file is damaged: nothing was saved',
};

/** Which storage failure an error is (SQLite's extended codes, or the file system's), if any. */
export function storageKind(error: unknown): StorageKind | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read_only';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io_error';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot_open';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  return null;
}

/** The typed error for a storage failure, or null for any other error. */
export function storageError(error: unknown): AppError | null {
  const kind = storageKind(error);
  if (!kind) return null;
  const code = (error as { code: string }).code;
  return new AppError('STORAGE', MESSAGES[kind], { kind, cause: code });
}
