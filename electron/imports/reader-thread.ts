/**
 * An import's reader thread (row-reader.ts), its messages taken one at a time by the job's
 * thread. The job's worker starts it with the job (jobs/worker.ts), so that it opens the file,
 * loads pinyin and reads the first rows while the job's own modules load and its connection opens.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/result';
import { JOB_HEAP_MB, type WorkerEntry } from '../jobs/runner';
import type { ReaderMessage, RowBatch, RowReaderData, TakenMessage } from './row-reader-protocol';
import type { PreparerName } from './row-preparers';
import type { ImportParams } from './run-import';

/** About 5,000 rows of a workbook or 3,500 of a CSV. */
export const READER_THREAD_MIN_BYTES = 512 * 1024;

/**
 * The reader thread's old generation, MB. V8 collects as a heap nears its limit, so a limit not
 * far above the reader's live set — its modules (~40 MB) and a workbook's shared strings (well
 * under 8× the file) — keeps its garbage, and the process's peak RSS, small: at 100,000 rows
 * ~295 MB against ~315 MB with the jobs' limit, in the same time.
 */
function readerHeapMb(fileBytes: number): number {
  return Math.min(JOB_HEAP_MB, Math.ceil(128 + (8 * fileBytes) / 2 ** 20));
}

/**
 * The reader thread's young generation, MB: twice a job's. Parsing XML and reading pinyin make
 * short-lived strings at a great rate; with 12 MB they outlive too many scavenges and the thread
 * spent 1.14–1.17 s of a 100,000-row import collecting, with 24 MB 0.80–0.84 s, for 254–256 MB of
 * peak RSS instead of 247–249 (one import each way, twice, on the built server).
 */
const READER_YOUNG_MB = 24;

/** The reader thread, its messages taken one at a time. */
export class ReaderThread {
  private readonly worker: Worker;
  private readonly queue: ReaderMessage[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | null = null;

  constructor(
    entry: WorkerEntry,
    params: ImportParams,
    readonly preparer: PreparerName,
    fileBytes: number,
  ) {
    const { input, file, fileName, structureCache } = params;
    const data: RowReaderData = {
      role: 'rowReader',
      params: { input, file, fileName, ...(structureCache ? { structureCache } : {}) },
      preparer,
    };
    this.worker = new Worker(entry.file, {
      workerData: data,
      execArgv: entry.execArgv ?? [],
      resourceLimits: {
        maxOldGenerationSizeMb: readerHeapMb(fileBytes),
        maxYoungGenerationSizeMb: READER_YOUNG_MB,
      },
    });
    const signal = () => {
      this.wake?.();
      this.wake = null;
    };
    this.worker.on('message', (m: ReaderMessage) => {
      this.queue.push(m);
      signal();
    });
    this.worker.on('error', (error) => {
      // Out of memory: failed as the job itself would have (the runner's kind for it).
      this.failure ??=
        (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError('INTERNAL', error.message, { kind: 'out_of_memory' })
          : error;
      signal();
    });
    this.worker.on('exit', (code) => {
      this.failure ??= new Error(`the import's reader thread stopped (exit code ${code})`);
      signal();
    });
  }

  /** True when a message is waiting. */
  get ready(): boolean {
    return this.queue.length > 0;
  }

  async next(): Promise<ReaderMessage> {
    for (;;) {
      const message = this.queue.shift();
      if (message) return message;
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Hands a written batch's buffers back, which lets the reader send another. */
  taken(batch: RowBatch): void {
    const m: TakenMessage = { type: 'taken', batch };
    this.worker.postMessage(m, [batch.rows.buffer, batch.ends.buffer, batch.bytes.buffer]);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * The reader thread for a file large enough to want one; null for a small file (its rows are
 * prepared in the job's thread, where a thread's start-up would cost more than it saves) or
 * outside a job's worker.
 */
export function startRowReader(
  params: ImportParams,
  helper: WorkerEntry | undefined,
  preparer: PreparerName,
): ReaderThread | null {
  if (!helper) return null;
  let fileBytes: number;
  try {
    fileBytes = fs.statSync(params.file).size;
  } catch {
    return null; // a file gone fails the job where it is read, as it says
  }
  return fileBytes < READER_THREAD_MIN_BYTES
    ? null
    : new ReaderThread(helper, params, preparer, fileBytes);
}
