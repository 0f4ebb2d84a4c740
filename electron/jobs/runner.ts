/**
 * Starts long jobs in worker threads so the thread that answers the UI never blocks, and keeps
 * their progress for `jobs.get`. A job's database work is one transaction: cancelling or a crash
 * leaves the database as it was.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Job } from '../../shared/schemas/system';
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { JobWorkerData, WorkerMessage } from './protocol';
import type { JobKind, JobParams } from './registry';

/** Where the worker script is: the bundled .js in the app, the .ts source (via tsx) in tests. */
export interface WorkerEntry {
  file: string;
  execArgv?: string[];
  /** The old-generation heap a job worker may use, in MB (`jobHeapMb` unless a test says). */
  heapMb?: number;
}

/**
 * A job's heap limit: far above what the largest import or export needs (a full sheet stays
 * under 600 MB of RSS), so that only a runaway ends here — as a failed job, not a dead app.
 */
export const JOB_HEAP_MB = 2048;

/**
 * An import's heap limit. V8 lets a heap grow to 4× its live set before a full collection when
 * its limit is 2 GB, and to ~1.6× at 1 GB: an import's writer keeps little (~20 MB at 100,000
 * rows) and leaves garbage steadily, so at 100,000 rows this limit took ~35 MB off the process's
 * peak RSS (283–299 → 255–270 MB) in the same time; it is still far above what an import needs.
 */
export const IMPORT_HEAP_MB = 1024;

/** The old-generation limit of a job of `kind`, MB. */
export function jobHeapMb(kind: JobKind): number {
  return kind.endsWith('.import') ? IMPORT_HEAP_MB : JOB_HEAP_MB;
}

/**
 * A job's young generation, in MB (V8's default is several times larger). A job allocates fast and
 * keeps little, so a full young generation is mostly garbage held as RSS: at 100,000 imported
 * rows, 12 MB put the server's peak at 240–317 MB (median 260 over 20 rounds) instead of 268–341
 * MB (median 307), for ~9% more CPU.
 */
export const JOB_YOUNG_MB = 12;

interface Running {
  job: Job;
  /** Who started it: only they see, cancel and download it (null: started before anyone signed in). */
  ownerId: number | null;
  worker: Worker | null;
  flag: Int32Array;
  settled: Promise<Job>;
  result: unknown;
}

const KEEP_FINISHED = 50;

/** A job that finished its work (and committed it, if it writes). */
type JobDoneListener = (job: { kind: JobKind; params: unknown; actorId: number | null }) => void;

export class JobRunner {
  private readonly jobs = new Map<string, Running>();
  private readonly doneListeners = new Set<JobDoneListener>();

  constructor(
    private readonly entry: WorkerEntry,
    private readonly dbFile: string,
    private readonly clock: Clock,
    private readonly nativeBinding?: string,
  ) {}

  start<K extends JobKind>(
    kind: K,
    params: JobParams[K],
    actorId: number | null,
    onDone?: (result: unknown) => void,
  ): Job {
    for (const r of this.jobs.values())
      if (r.job.kind === kind && r.job.state === 'running')
        throw new AppError('CONFLICT', `a ${kind} job is already running`, {
          kind: 'job_running',
          jobId: r.job.id,
        });
    const id = randomUUID();
    const buffer = new SharedArrayBuffer(4);
    const flag = new Int32Array(buffer);
    const data: JobWorkerData<K> = {
      jobId: id,
      kind,
      params,
      actorId,
      dbFile: this.dbFile,
      nativeBinding: this.nativeBinding,
      cancelFlag: buffer,
      clockOffsetMs: this.clock.now().getTime() - Date.now(),
      entry: this.entry,
    };
    const job: Job = {
      id,
      kind,
      state: 'running',
      done: 0,
      total: 0,
      rate: 0,
      message: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
    };
    const worker = new Worker(this.entry.file, {
      workerData: data,
      execArgv: this.entry.execArgv ?? [],
      resourceLimits: {
        maxOldGenerationSizeMb: this.entry.heapMb ?? jobHeapMb(kind),
        maxYoungGenerationSizeMb: JOB_YOUNG_MB,
      },
    });
    const running: Running = {
      job,
      ownerId: actorId,
      worker,
      flag,
      result: undefined,
      settled: Promise.resolve(job),
    };
    const finish = (patch: Partial<Job>) => {
      if (job.state !== 'running') return;
      Object.assign(job, patch, { finishedAt: new Date().toISOString() });
      running.worker = null;
    };
    running.settled = new Promise<Job>((resolve) => {
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') {
          const seconds = (Date.now() - Date.parse(job.startedAt)) / 1000;
          Object.assign(job, {
            done: m.done,
            total: m.total,
            message: m.message,
            rate: seconds > 0 ? Math.round(m.done / seconds) : 0,
          });
        } else if (m.type === 'done') {
          running.result = m.result;
          finish({ state: 'done', message: m.message, done: Math.max(job.done, job.total) });
          onDone?.(m.result);
          for (const listener of this.doneListeners) listener({ kind, params, actorId });
        } else if (m.type === 'cancelled') finish({ state: 'cancelled' });
        else finish({ state: 'failed', error: { code: m.code, message: m.message, kind: m.kind } });
      });
      worker.on('error', (error) =>
        finish({
          state: 'failed',
          error: {
            code: 'INTERNAL',
            message: error.message,
            kind:
              (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
                ? 'out_of_memory'
                : null,
          },
        }),
      );
      worker.on('exit', (code) => {
        finish(
          Atomics.load(flag, 0) === 1
            ? { state: 'cancelled' }
            : {
                state: 'failed',
                error: {
                  code: 'INTERNAL',
                  message: `the job stopped unexpectedly (exit ${code})`,
                  kind: null,
                },
              },
        );
        resolve(job);
      });
    });
    this.jobs.set(id, running);
    this.prune();
    return { ...job };
  }

  /** Tells whoever listens (the live event hub) each time a job finishes its work. */
  onJobDone(listener: JobDoneListener): () => void {
    this.doneListeners.add(listener);
    return () => this.doneListeners.delete(listener);
  }

  /**
   * A job as `userId` may see it: another user's job answers NOT_FOUND, as if it did not exist
   * (jobs carry export files and import results). Jobs started before anyone signed in (demo
   * data on first run) are everyone's.
   */
  get(id: string, userId: number | null): Job {
    return { ...this.mustFind(id, userId).job };
  }

  result(id: string, userId: number | null): unknown {
    return this.mustFind(id, userId).result;
  }

  cancel(id: string, userId: number | null): Job {
    const r = this.mustFind(id, userId);
    if (r.job.state === 'running') Atomics.store(r.flag, 0, 1);
    return { ...r.job };
  }

  /** For the backend itself (start-up demo load, tests): no user check. */
  async wait(id: string): Promise<Job> {
    const r = this.jobs.get(id);
    if (!r) throw new AppError('NOT_FOUND', `no job ${id}`);
    return { ...(await r.settled) };
  }

  /** Cancels running jobs and waits for their workers to roll back and exit. */
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((r) => r.job.state === 'running');
    for (const r of running) Atomics.store(r.flag, 0, 1);
    await Promise.all(running.map((r) => r.settled));
  }

  private mustFind(id: string, userId: number | null): Running {
    const r = this.jobs.get(id);
    if (!r || (r.ownerId !== null && r.ownerId !== userId))
      throw new AppError('NOT_FOUND', `no job ${id}`);
    return r;
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((r) => r.job.state !== 'running');
    for (const r of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(r.job.id);
  }
}
