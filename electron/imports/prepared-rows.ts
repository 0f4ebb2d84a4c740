/**
 * A pass's data rows, each prepared (row-preparers.ts) before the pass writes it. A large file is
 * read and prepared by a reader thread (row-reader.ts) while this thread writes; a small one in
 * this thread, where a thread's start-up would cost more than it saves. Either way the pass sees
 * the same rows, in order, prepared by the same code.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/result';
import type { JobContext } from '../jobs/context';
import { JOB_HEAP_MB, JOB_YOUNG_MB, type WorkerEntry } from '../jobs/runner';
import type { ReportSpool } from './report-writer';
import {
  batchRows,
  type ReaderMessage,
  type RowBatch,
  type RowReaderData,
  type TakenMessage,
} from './row-reader-protocol';
import { type PreparedRow, type PreparerName, ROW_PREPARERS } from './row-preparers';
import { eachDataRow, type ImportParams, rowCounter, type Tally } from './run-import';

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

/** The reader thread, its messages taken one at a time. */
class ReaderThread {
  private readonly worker: Worker;
  private readonly queue: ReaderMessage[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | null = null;

  constructor(entry: WorkerEntry, data: RowReaderData, fileBytes: number) {
    this.worker = new Worker(entry.file, {
      workerData: data,
      execArgv: entry.execArgv ?? [],
      resourceLimits: {
        maxOldGenerationSizeMb: readerHeapMb(fileBytes),
        maxYoungGenerationSizeMb: JOB_YOUNG_MB,
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

export async function eachPreparedRow<N extends PreparerName>(
  ctx: JobContext<ImportParams>,
  report: ReportSpool,
  tally: Tally,
  preparer: N,
  onRow: (row: number, prepared: PreparedRow<N>) => void,
  /** Work of the pass that may be done early, while the reader thread has no rows ready. */
  whileWaiting?: () => void,
): Promise<void> {
  const { params, helper } = ctx;
  const fileBytes = fs.statSync(params.file).size;
  if (!helper || fileBytes < READER_THREAD_MIN_BYTES) {
    const prepare = ROW_PREPARERS[preparer](params.input);
    return eachDataRow(ctx, report, tally, (row, cells) =>
      onRow(row, prepare(cells) as PreparedRow<N>),
    );
  }
  const { input, file, fileName, structureCache } = params;
  const reader = new ReaderThread(
    helper,
    {
      role: 'rowReader',
      params: { input, file, fileName, ...(structureCache ? { structureCache } : {}) },
      preparer,
    },
    fileBytes,
  );
  const counter = rowCounter(ctx, tally);
  try {
    for (;;) {
      if (!reader.ready) whileWaiting?.();
      const m = await reader.next();
      if (m.type === 'start') counter.start(m.expected);
      else if (m.type === 'header') report.setHeaders(m.texts);
      else if (m.type === 'rows') {
        for (const [row, prepared] of batchRows(m.batch)) {
          counter.counted();
          onRow(row, prepared as PreparedRow<N>);
        }
        reader.taken(m.batch);
      } else if (m.type === 'end') return;
      // The reader's error, failing the job as it would have reading in this thread.
      else throw new AppError(m.code, m.message, m.details);
    }
  } finally {
    await reader.stop();
  }
}
