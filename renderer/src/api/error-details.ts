/** Reading the loosely typed `details` of an ApiError (the envelope types it as unknown). */
import type { ApiError } from '../../../shared/result';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function detailsOf(error: ApiError): Record<string, unknown> {
  return isRecord(error.details) ? error.details : {};
}

/** `details.kind` of an error, when the server set one (uscc_taken, stale, no_user, …). */
export function errorKind(error: ApiError): string | undefined {
  const kind = detailsOf(error).kind;
  return typeof kind === 'string' ? kind : undefined;
}
