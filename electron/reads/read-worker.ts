/**
 * Runs analysis reads off the thread that answers the UI: one long-lived worker thread with a
 * read-only connection (electron/reads/serve-reads.ts), started on the first read and restarted
 * if it ever dies, so a dashboard call costs a message round-trip, not a worker start-up. The
 * worker is the job worker's entry in its `reads` role: built and bundled once, the same file in
 * the app, browser and team mode, and (from source) in tests.
 */
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorDetails } from '../../shared/result';
import type { WorkerEntry } from '../jobs/runner';
import type { ReadReply, ReadRequest, ReadWorkerData } from './protocol';
import type { ReadInput, ReadName, ReadOutput } from './registry';
import type { ReadScope } from './scope';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: AppError) => void;
}

export class ReadWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  constructor(
    private readonly entry: WorkerEntry,
    private readonly dbFile: string,
    private readonly nativeBinding?: string,
  ) {}

  run<N extends ReadName>(name: N, input: ReadInput<N>, scope: ReadScope): Promise<ReadOutput<N>> {
    if (this.closed) return Promise.reject(new AppError('IO', 'the app is closing'));
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<ReadOutput<N>>((resolve, reject) => {
      // The worker answers with the read's own result for this name (serve-reads.ts).
      this.pending.set(id, { resolve: (v) => resolve(v as ReadOutput<N>), reject });
      worker.ref();
      const request: ReadRequest = { id, name, input, scope };
      worker.postMessage(request);
    });
  }

  /** Starts the worker now (a host may warm it up at start; otherwise the first read does). */
  started(): Worker {
    if (this.worker) return this.worker;
    const workerData: ReadWorkerData = {
      role: 'reads',
      dbFile: this.dbFile,
      nativeBinding: this.nativeBinding,
    };
    const worker = new Worker(this.entry.file, {
      workerData,
      execArgv: this.entry.execArgv ?? [],
    });
    // An idle read worker does not keep a process (a test, the bench) alive; a waiting read does.
    worker.unref();
    worker.on('message', (reply: ReadReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.ok) waiting.resolve(reply.value);
      else
        waiting.reject(
          new AppError(reply.code, reply.message, (reply.details ?? undefined) as ErrorDetails),
        );
    });
    const lost = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(new AppError('INTERNAL', `the read worker stopped: ${why}`));
      }
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`exit ${code}`));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    for (const [id, waiting] of this.pending) {
      this.pending.delete(id);
      waiting.reject(new AppError('IO', 'the app is closing'));
    }
    if (worker) await worker.terminate();
  }
}
