/**
 * A pass's data rows, each prepared (row-preparers.ts) before the pass writes it. A large file is
 * read and prepared by a reader thread (row-reader.ts) while this thread writes; a small one in
 * this thread, where a thread's start-up would cost more than it saves. Either way the pass sees
 * the same rows, in order, prepared by the same code.
 */
import { AppError } from '../../shared/result';
import type { JobContext } from '../jobs/context';
import { startRowReader } from './reader-thread';
import type { ReportSpool } from './report-writer';
import { batchRows } from './row-reader-protocol';
import { type PreparedRow, type PreparerName, ROW_PREPARERS } from './row-preparers';
import { eachDataRow, type ImportParams, rowCounter, type Tally } from './run-import';

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
  // The thread the job's worker started with the job, else one started now (a large file).
  const reader =
    ctx.reader?.preparer === preparer ? ctx.reader : startRowReader(params, helper, preparer);
  if (!reader) {
    const prepare = ROW_PREPARERS[preparer](params.input);
    return eachDataRow(ctx, report, tally, (row, cells) =>
      onRow(row, prepare(cells) as PreparedRow<N>),
    );
  }
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
