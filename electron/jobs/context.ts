/** What a job's code gets inside its worker thread. */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import type { Database } from '../db/schema';
import type { ReaderThread } from '../imports/reader-thread';
import { JobCancelled } from './protocol';
import type { WorkerEntry } from './runner';

export interface JobContext<P = unknown> {
  params: P;
  actorId: number | null;
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  /** The business clock, set where the app's clock stood when the job started. */
  clock: Clock;
  /** Reports progress (throttled); also the place where a cancel request is noticed. */
  progress(done: number, total: number, message?: string): void;
  /** Throws JobCancelled when the user has asked to stop; call between batches. */
  checkCancelled(): void;
  /** The worker entry a job may start a helper thread from (its own); absent outside a worker. */
  helper?: WorkerEntry;
  /** An import's reader thread, started with the job (registry's ROW_PREPARER_OF). */
  reader?: ReaderThread;
}

export type JobFunction<P = unknown> = (
  ctx: JobContext<P>,
) => Promise<{ result: unknown; message?: string }>;

export function cancelCheck(flag: Int32Array): () => void {
  return () => {
    if (Atomics.load(flag, 0) === 1) throw new JobCancelled('cancelled by the user');
  };
}
