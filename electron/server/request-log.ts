/**
 * The team server's request log: one line per API request in <dataDir>/logs/requests.log —
 * UTC time, method (or a fixed path such as /api/upload), user id, HTTP status, result code and
 * milliseconds. Never inputs, names, file names, tokens or session ids: the line is built only
 * from those fields, and a method name not in the contract is logged as `unknown`.
 *
 * Lines are appended with synchronous writes to an append-mode file: each line is in the file
 * when `record` returns, so a crash or a rotation loses none. At `maxBytes` the file is rotated
 * (requests.log → requests.log.1 → … → .<keep>, the oldest dropped).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isMethodName } from '../../shared/api';
import type { Caller } from '../session/session';
import type { ApiRequestEntry } from '../transport/http';

const REQUEST_LOG_MAX_BYTES = 5 * 1024 * 1024;
const REQUEST_LOG_KEEP = 5;

/** What the HTTP transport reports for each API request; the client id is never written. */
type RequestLogEntry = ApiRequestEntry;

interface RequestLogOptions {
  dir: string;
  /** The signed-in user's id for a client id, or null (no session, or signed out). */
  /** The user id behind a request (its session), or null: nobody signed in. */
  userOf: (caller: Caller) => number | null;
  maxBytes?: number;
  keep?: number;
  /**
   * The computer's clock: a log is read next to the system's own logs, so it is not dated by the
   * business clock (which `serve --clock` may start elsewhere).
   */
  now?: () => Date;
}

export interface RequestLog {
  readonly file: string;
  record(entry: RequestLogEntry): void;
  close(): void;
}

export const REQUEST_LOG_NAME = 'requests.log';

/** <dataDir>/logs: where the team server keeps its request log. */
export function requestLogDir(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

/** Fixed, non-method paths that may be logged as they are (no ids, no query strings). */
const PATHS = new Set(['/api', '/api/upload', '/api/files', '/api/events']);
const RESULT = /^[A-Z_]{2,20}$/;

function methodLabel(method: string): string {
  return isMethodName(method) || PATHS.has(method) ? method : 'unknown';
}

export function formatRequestLine(entry: RequestLogEntry, userId: number | null, at: Date): string {
  const ms = Number.isFinite(entry.ms) ? Math.max(0, Math.round(entry.ms)) : 0;
  const status = Number.isInteger(entry.status) ? entry.status : 0;
  const result = RESULT.test(entry.result) ? entry.result : 'UNKNOWN';
  const user = Number.isInteger(userId) ? String(userId) : '-';
  return `${at.toISOString()} ${methodLabel(entry.method)} user=${user} status=${status} result=${result} ms=${ms}\n`;
}

export function openRequestLog(options: RequestLogOptions): RequestLog {
  const maxBytes = options.maxBytes ?? REQUEST_LOG_MAX_BYTES;
  const keep = options.keep ?? REQUEST_LOG_KEEP;
  const now = options.now ?? (() => new Date());
  fs.mkdirSync(options.dir, { recursive: true });
  const file = path.join(options.dir, REQUEST_LOG_NAME);
  let fd: number | null = fs.openSync(file, 'a', 0o600);
  let size = fs.fstatSync(fd).size;

  const rotate = () => {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(`${file}.${keep}`, { force: true });
    for (let n = keep - 1; n >= 1; n--)
      if (fs.existsSync(`${file}.${n}`)) fs.renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    fs.renameSync(file, `${file}.1`);
    fd = fs.openSync(file, 'a', 0o600);
    size = 0;
  };

  return {
    file,
    record(entry) {
      if (fd === null) return;
      let userId: number | null = null;
      try {
        userId = options.userOf(entry.caller);
      } catch {
        userId = null;
      }
      const line = Buffer.from(formatRequestLine(entry, userId, now()), 'utf8');
      if (size > 0 && size + line.length > maxBytes) rotate();
      fs.writeSync(fd, line);
      size += line.length;
    },
    close() {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
  };
}
