/** Messages between the job runner (UI thread) and its worker threads. */
import type { ErrorCode } from '../../shared/result';
import type { JobKind, JobParams } from './registry';
import type { WorkerEntry } from './runner';

export interface JobWorkerData<K extends JobKind = JobKind> {
  jobId: string;
  kind: K;
  params: JobParams[K];
  actorId: number | null;
  dbFile: string;
  nativeBinding: string | undefined;
  /** Int32Array over a SharedArrayBuffer: [0] becomes 1 when the user cancels. */
  cancelFlag: SharedArrayBuffer;
  /** The business clock's offset (shared/clock): a job dates its records as the UI thread does. */
  clockOffsetMs: number;
  /** This worker's own entry, from which a job may start a helper thread. */
  entry: WorkerEntry;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message: string | null }
  | { type: 'done'; result: unknown; message: string | null }
  | { type: 'failed'; code: ErrorCode; message: string; kind: string | null }
  | { type: 'cancelled' };

export class JobCancelled extends Error {
  override name = 'JobCancelled';
}
