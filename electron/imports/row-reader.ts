/**
 * An import's reader thread: it reads the sheet and prepares each row (row-preparers.ts) while
 * the job's thread writes the rows before. On two cores, reading, parsing and pinyin no longer
 * wait for SQLite, nor SQLite for them. Rows cross in batches; the writer hands each batch's
 * buffers back once it has written its rows, and the reader stays at most a few batches ahead,
 * so memory stays bounded whatever the size of the file. The thread touches no database.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/result';
import { isPreparerName, ROW_PREPARERS } from './row-preparers';
import {
  type ReaderMessage,
  ROWS_PER_BATCH,
  RowBatchWriter,
  type RowReaderData,
  type TakenMessage,
} from './row-reader-protocol';
import { sheetRows } from './sheet-rows';

/** Batches sent and not yet handed back by the writer, at most. */
const BATCHES_AHEAD = 4;

export async function serveRowReader(data: RowReaderData): Promise<void> {
  const port = parentPort!;
  const post = (m: ReaderMessage) => port.postMessage(m);
  let credit = BATCHES_AHEAD;
  let wake: (() => void) | null = null;
  const rows = new RowBatchWriter();
  port.on('message', (m: TakenMessage) => {
    rows.reuse(m.batch);
    credit++;
    wake?.();
    wake = null;
  });
  try {
    if (!isPreparerName(data.preparer))
      throw new AppError('INTERNAL', `no row preparer ${String(data.preparer)}`);
    const prepare = ROW_PREPARERS[data.preparer](data.params.input);
    const send = async () => {
      while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
      credit--;
      const { batch, transfer } = rows.take();
      port.postMessage({ type: 'rows', batch } satisfies ReaderMessage, transfer);
    };
    for await (const event of sheetRows(data.params)) {
      if (event.kind === 'row') {
        rows.add(event.row, prepare(event.cells));
        if (rows.count === ROWS_PER_BATCH) await send();
      } else if (event.kind === 'start') post({ type: 'start', expected: event.expected });
      else post({ type: 'header', texts: event.texts });
    }
    if (rows.count > 0) await send();
    post({ type: 'end' });
  } catch (error) {
    post(
      error instanceof AppError
        ? { type: 'failed', code: error.code, message: error.message, details: error.details }
        : {
            type: 'failed',
            code: 'INTERNAL',
            message: error instanceof Error ? error.message : String(error),
            details: undefined,
          },
    );
  }
}
