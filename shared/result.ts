/** The result envelope every API call resolves to; errors never cross the boundary as throws. */
import type { ErrorKind } from './error-kinds';

export type { ErrorKind };

export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'POLICY',
  'IO',
  /** The disk under the data file failed (full, read-only, I/O error, damaged): nothing was saved. */
  'STORAGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One invalid field: `path` is dotted (`contacts.0.phone`), `code` is stable for translation. */
export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/**
 * What an error says beyond its code, as a service sets it: `kind` is one of the catalogue's
 * (shared/error-kinds.ts, so a kind without words cannot slip in), the rest is what that kind
 * needs (`fields`, who changed a stale row, the names of a duplicate …). On the wire `details`
 * is read as unknown: the renderer checks what it uses.
 */
export type ErrorDetails = { readonly kind?: ErrorKind; readonly [key: string]: unknown };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by services; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

/** Error details naming one field and what is wrong with it (`code` doubles as the message key). */
export function fieldIssue(path: string, code: string): { fields: FieldIssue[] } {
  return { fields: [{ path, code, message: code }] };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: ErrorDetails): Result<never> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } };
}
