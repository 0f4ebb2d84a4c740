/**
 * One export from start to delivered file, outside React: start the job, poll its progress, read
 * what it wrote, then hand the file to the user (save dialog in Electron, download in a browser).
 * Every step is reported through `emit`; after `dispose` nothing is reported any more.
 */
import type { Delivery, ExportResult } from '../../../../shared/schemas/exports';
import type { Job } from '../../../../shared/schemas/system';
import type { ApiError, Result } from '../../../../shared/result';
import { call } from '../../api/client';
import { pollJob } from '../../api/poll-job';
import { downloadFile } from '../../api/download';
import { detailsOf, errorKind } from '../../api/errors';

export type ExportState =
  | { step: 'starting' }
  | { step: 'running'; job: Job | null; cancelling: boolean; pollError: ApiError | null }
  | { step: 'delivering'; result: ExportResult }
  | { step: 'done'; result: ExportResult; delivery: Delivery }
  | { step: 'cancelled' }
  | { step: 'failed'; error: ApiError; result: ExportResult | null; canRetry: boolean };

export interface ExportRun {
  /** Stops the job; the backend deletes its partial file. */
  cancel(): void;
  /** Delivers the finished file again (after a closed save dialog or a failed download). */
  deliverAgain(): void;
  /** Stops reporting, and stops the job if it is still running (the modal closed, the page left). */
  dispose(): void;
}

export type StartExport = () => Promise<Result<{ jobId: string }>>;

/**
 * Once the job exists, a missing job or file can only mean the export expired and was cleaned up;
 * the job registry and the download route say so without the `export_gone` kind of exports.*.
 */
function expired(error: ApiError): ApiError {
  if (error.code !== 'NOT_FOUND' || errorKind(error)) return error;
  return { ...error, details: { ...detailsOf(error), kind: 'export_gone' } };
}

export function runExport(start: StartExport, onState: (state: ExportState) => void): ExportRun {
  let jobId: string | null = null;
  let result: ExportResult | null = null;
  let cancelWanted = false;
  /** The job may still be writing: closing must stop it. */
  let running = true;
  let delivering = false;
  let disposed = false;
  let progress: Extract<ExportState, { step: 'running' }> = {
    step: 'running',
    job: null,
    cancelling: false,
    pollError: null,
  };

  const emit = (state: ExportState) => {
    if (disposed) return;
    if (state.step === 'running') progress = state;
    onState(state);
  };
  const fail = (error: ApiError, canRetry = false) => {
    running = false;
    emit({ step: 'failed', error, result, canRetry });
  };
  const stopJob = () => {
    if (jobId) void call('jobs.cancel', { id: jobId });
  };

  /** Resolves with the job once it is no longer running; null when the run was given up. */
  const poll = async (id: string): Promise<Job | null> => {
    const outcome = await pollJob(id, {
      stopped: () => disposed,
      // A failed poll (a dropped connection) is shown but does not end the run.
      progress: (job, pollError) => emit({ ...progress, job: job ?? progress.job, pollError }),
    });
    if (outcome && 'gone' in outcome) {
      fail(expired(outcome.gone));
      return null;
    }
    return outcome?.job ?? null;
  };

  const handOver = async (id: string): Promise<Result<Delivery>> => {
    const d = await call('exports.deliver', { jobId: id });
    if (!d.ok || d.value.kind !== 'download') return d;
    const saved = await downloadFile(d.value.url, d.value.fileName);
    return saved.ok ? d : saved;
  };

  const deliver = async (id: string, written: ExportResult) => {
    delivering = true;
    emit({ step: 'delivering', result: written });
    const d = await handOver(id);
    delivering = false;
    // An expired file cannot be delivered again; anything else (a dropped connection) may pass.
    if (!d.ok) return fail(expired(d.error), d.error.code !== 'NOT_FOUND');
    emit({ step: 'done', result: written, delivery: d.value });
  };

  const main = async () => {
    emit({ step: 'starting' });
    const started = await start();
    if (!started.ok) return fail(started.error);
    jobId = started.value.jobId;
    if (cancelWanted || disposed) {
      stopJob();
      running = false;
      return emit({ step: 'cancelled' });
    }
    emit(progress);
    const job = await poll(jobId);
    if (!job) return;
    running = false;
    // A cancel that came too late to stop the job still means the user does not want the file.
    if (job.state === 'cancelled' || cancelWanted) return emit({ step: 'cancelled' });
    if (job.state === 'failed')
      return fail(job.error ?? { code: 'INTERNAL', message: 'export job failed' });
    const r = await call('exports.result', { jobId });
    if (!r.ok) return fail(expired(r.error));
    result = r.value;
    await deliver(jobId, result);
  };
  void main();

  return {
    cancel() {
      if (!running || cancelWanted) return;
      cancelWanted = true;
      emit({ ...progress, cancelling: true });
      stopJob();
    },
    deliverAgain() {
      if (jobId && result && !running && !delivering) void deliver(jobId, result);
    },
    dispose() {
      if (running) stopJob();
      disposed = true;
    },
  };
}
