/**
 * The renderer's only way to the backend. In Electron the preload bridge `window.keyfleet`
 * carries the call over IPC; in a browser it is a POST to `/api/<method>` naming the tab's
 * session. Either way the answer is the Result envelope, and `call` never throws. A reply saying
 * the session has nobody signed in is also reported to whoever listens (the session provider).
 */
import type { Input, MethodName, Output } from '../../../shared/api';
import type { ApiError, ErrorCode, ErrorDetails, Result } from '../../../shared/result';
import type { ConnectionBridge } from '../../../shared/schemas/connection';
import { reportSessionLost, sessionId } from './client-session';
import { errorKind } from './error-details';
import { getToken, reportAuthFailure } from './token';

export interface KeyfleetBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  methods: readonly string[];
  /** The connection screen's calls (Electron, on the app's own page). */
  connection?: ConnectionBridge;
}

declare global {
  interface Window {
    keyfleet?: KeyfleetBridge;
  }
}

export function hasBridge(): boolean {
  return window.keyfleet !== undefined;
}

export class ApiCallError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly method: string;
  readonly apiError: ApiError;

  constructor(method: string, error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.method = method;
    this.code = error.code;
    this.details = error.details;
    this.apiError = error;
  }
}

/** Any thrown value as an ApiError (a rejected page load, a bug). */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiCallError) return thrown.apiError;
  return { code: 'INTERNAL', message: thrown instanceof Error ? thrown.message : String(thrown) };
}

export function failure(
  code: ErrorCode,
  message: string,
  details?: ErrorDetails,
): { ok: false; error: ApiError } {
  return {
    ok: false,
    error: details === undefined ? { code, message } : { code, message, details },
  };
}

export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'value' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** Browser mode: who is calling. Sent as headers only, so the token never appears in a URL. */
export function authHeaders(): Record<string, string> {
  const token = getToken();
  return {
    'X-Keyfleet-Session': sessionId(),
    // A team server counts its session cookie only on requests with this header (CSRF).
    'X-Keyfleet-CSRF': '1',
    ...(token ? { Authorization: `Bearer ${token}` } : {}),
  };
}

async function overHttp(method: string, input: unknown): Promise<unknown> {
  const response = await fetch(`/api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...authHeaders() },
    body: JSON.stringify(input ?? {}),
  });
  if (response.status === 401) {
    reportAuthFailure();
    return failure('FORBIDDEN', 'The access token was refused.', { kind: 'auth' });
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return failure('IO', `HTTP ${response.status}: ${text.slice(0, 200) || response.statusText}`);
  }
}

export async function call<M extends MethodName>(
  method: M,
  input: Input<M>,
): Promise<Result<Output<M>>> {
  try {
    const raw = window.keyfleet
      ? await window.keyfleet.invoke(method, input)
      : await overHttp(method, input);
    if (!isResult(raw))
      return failure('INTERNAL', `${method}: the answer is not a result envelope`);
    if (!raw.ok && raw.error.code === 'FORBIDDEN' && errorKind(raw.error) === 'no_user')
      reportSessionLost();
    // The backend validated its own output against the same contract.
    return raw as Result<Output<M>>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failure('IO', `${method}: ${message}`);
  }
}

/** For code paths where any failure is shown the same way: resolves the value or throws ApiCallError. */
export async function callOrThrow<M extends MethodName>(
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new ApiCallError(method, result.error);
  return result.value;
}
