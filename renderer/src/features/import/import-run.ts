/**
 * One import job (inspect, dry run or commit) from start to result, outside React: start it, poll
 * its progress, then read what it produced. Every step is reported through `onState`; after
 * `dispose` nothing is reported any more.
 */
import type { ApiError, Result } from '../../../../shared/result';
import type { Job } from '../../../../shared/schemas/system';
import { call } from '../../api/client';
import { pollJob } from '../../api/poll-job';

export type JobRunState<T> =
  | { step: 'starting' }
  | { step: 'running'; job: Job | null; cancelling: boolean; pollError: ApiError | null }
  | { step: 'done'; jobId: string; value: T }
  | { step: 'cancelled' }
  | { step: 'failed'; error: ApiError };

export type ActiveJobState = Extract<JobRunState<unknown>, { step: 'starting' | 'running' }>;

/** The job is starting or running: its result is still to come. */
export function isActive<T>(state: JobRunState<T> | null): state is ActiveJobState {
  return state?.step === 'starting' || state?.step === 'running';
}

export interface JobRun {
  /** Asks the job to stop; an import job rolls back, so the database stays as it was. */
  cancel(): void;
  /** Stops reporting, and stops the job if it is still running (the wizard closed). */
  dispose(): void;
}

export type StartJob = () => Promise<Result<{ jobId: string }>>;
export type ReadResult<T> = (jobId: string) => Promise<Result<T>>;

/** A failed job's error as an ApiError, its kind (too_many_cells, encrypted …) in `details` as usual. */
export function jobFailure(job: Job): ApiError {
  if (!job.error) return { code: 'INTERNAL', message: `${job.kind} job failed` };
  const { code, message, kind } = job.error;
  return kind ? { code, message, details: { kind } } : { code, message };
}

export function runJob<T>(
  start: StartJob,
  read: ReadResult<T>,
  onState: (state: JobRunState<T>) => void,
): JobRun {
  let jobId: string | null = null;
  let running = true;
  let cancelWanted = false;
  let disposed = false;
  let progress: Extract<JobRunState<T>, { step: 'running' }> = {
    step: 'running',
    job: null,
    cancelling: false,
    pollError: null,
  };

  const emit = (state: JobRunState<T>) => {
    if (disposed) return;
    if (state.step === 'running') progress = state;
    onState(state);
  };
  const end = (state: JobRunState<T>) => {
    running = false;
    emit(state);
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
      end({ step: 'failed', error: outcome.gone });
      return null;
    }
    return outcome?.job ?? null;
  };

  const main = async () => {
    emit({ step: 'starting' });
    const started = await start();
    if (!started.ok) return end({ step: 'failed', error: started.error });
    jobId = started.value.jobId;
    if (cancelWanted || disposed) {
      stopJob();
      return end({ step: 'cancelled' });
    }
    emit(progress);
    const job = await poll(jobId);
    if (!job) return;
    if (job.state === 'cancelled') return end({ step: 'cancelled' });
    if (job.state === 'failed') return end({ step: 'failed', error: jobFailure(job) });
    const r = await read(jobId);
    end(r.ok ? { step: 'done', jobId, value: r.value } : { step: 'failed', error: r.error });
  };
  void main();

  return {
    cancel() {
      if (!running || cancelWanted) return;
      cancelWanted = true;
      emit({ ...progress, cancelling: true });
      stopJob();
    },
    dispose() {
      if (running) stopJob();
      disposed = true;
    },
  };
}
