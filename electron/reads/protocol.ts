/** Messages between the read worker (a worker thread) and the thread that answers the UI. */
import type { ErrorCode } from '../../shared/result';
import type { ReadScope } from './scope';

/** `workerData` of a read worker: the job worker's entry serves reads when it sees `role`. */
export interface ReadWorkerData {
  role: 'reads';
  dbFile: string;
  nativeBinding: string | undefined;
}

export interface ReadRequest {
  id: number;
  name: string;
  input: unknown;
  scope: ReadScope;
}

export type ReadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; code: ErrorCode; message: string; details: unknown };

export function isReadWorkerData(data: unknown): data is ReadWorkerData {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === 'reads';
}
