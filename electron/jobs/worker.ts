/**
 * Worker-thread entry for long jobs: its own database connection (WAL lets the UI thread keep
 * reading meanwhile), progress messages, cancellation through a shared flag.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { readAuditKey } from '../audit/key';
import { businessClock, setClockOffsetMs } from '../../shared/clock';
import { AppError } from '../../shared/result';
import { type Connection, connect } from '../db/connection';
import { storageError } from '../db/storage-errors';
import { cancelCheck } from './context';
import { JobCancelled, type JobWorkerData, type WorkerMessage } from './protocol';
import { isJobKind, type JobKind, loadJob, ROW_PREPARER_OF } from './registry';
import { isReadWorkerData } from '../reads/protocol';
import { serveReads } from '../reads/serve-reads';
import { isRowReaderData } from '../imports/row-reader-protocol';
import { startRowReader } from '../imports/reader-thread';
import type { ImportParams } from '../imports/run-import';

const data = workerData as JobWorkerData;

/** The `details.kind` of an AppError, which the renderer translates (e.g. `encrypted`). */
function errorKindOf(details: unknown): string | null {
  const kind = (details as { kind?: unknown } | undefined)?.kind;
  return typeof kind === 'string' ? kind : null;
}
const post = (m: WorkerMessage) => parentPort?.postMessage(m);

async function main(): Promise<void> {
  // The kind crossed a thread boundary: check it before looking its module up.
  if (!isJobKind(data.kind))
    return post({
      type: 'failed',
      code: 'NOT_FOUND',
      message: `unknown job kind ${String(data.kind)}`,
      kind: null,
    });
  return run(data);
}

/** Runs the job `data` names, its function and params typed alike by the kind. */
async function run<K extends JobKind>(data: JobWorkerData<K>): Promise<void> {
  const checkCancelled = cancelCheck(new Int32Array(data.cancelFlag));
  let lastPost = 0;
  let conn: Connection | null = null;
  // An import's reader thread starts first: it reads while this thread loads the job and connects.
  const preparer = ROW_PREPARER_OF[data.kind];
  const reader = preparer
    ? startRowReader(data.params as ImportParams, data.entry, preparer)
    : null;
  try {
    const job = await loadJob(data.kind);
    conn = connect(data.dbFile, {
      nativeBinding: data.nativeBinding,
      // Jobs append audit entries too: the key beside the database (the app made it at start).
      auditKey: readAuditKey(path.dirname(data.dbFile)),
    });
    const { result, message } = await job({
      params: data.params,
      actorId: data.actorId,
      db: conn.db,
      sqlite: conn.sqlite,
      clock: businessClock,
      checkCancelled,
      helper: data.entry,
      ...(reader ? { reader } : {}),
      progress(done, total, msg) {
        const now = Date.now();
        if (now - lastPost >= 100 || done === total) {
          lastPost = now;
          post({ type: 'progress', done, total, message: msg ?? null });
        }
      },
    });
    post({ type: 'done', result, message: message ?? null });
  } catch (thrown) {
    const error = storageError(thrown) ?? thrown;
    if (error instanceof JobCancelled) post({ type: 'cancelled' });
    else if (error instanceof AppError)
      post({
        type: 'failed',
        code: error.code,
        message: error.message,
        kind: errorKindOf(error.details),
      });
    else
      post({
        type: 'failed',
        code: 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
        kind: null,
      });
  } finally {
    await reader?.stop();
    await conn?.close();
  }
}

// The same entry serves as the long-lived read worker (electron/reads/read-worker.ts) and as an
// import's reader thread (electron/imports/row-reader.ts, loaded only there).
if (isReadWorkerData(workerData)) serveReads(workerData);
else if (isRowReaderData(workerData))
  void import('../imports/row-reader').then((reader) => reader.serveRowReader(workerData));
else {
  setClockOffsetMs(data.clockOffsetMs);
  void main();
}
