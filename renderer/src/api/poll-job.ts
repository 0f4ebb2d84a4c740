/**
 * Polls a long job until it is no longer running. A failed poll (a dropped connection) is
 * reported and retried more slowly; a job the backend no longer knows ends the wait.
 */
import type { ApiError } from '../../../shared/result';
import type { Job } from '../../../shared/schemas/system';
import { call } from './client';

const POLL_MS = 300;
const RETRY_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

export type PollOutcome = { job: Job } | { gone: ApiError } | null;

export async function pollJob(
  id: string,
  hooks: {
    /** True once the caller gave up (closed, disposed): the wait ends with null. */
    stopped(): boolean;
    /** Each poll: the job as now known (null when this poll failed) and the poll's error. */
    progress(job: Job | null, pollError: ApiError | null): void;
  },
): Promise<PollOutcome> {
  for (;;) {
    if (hooks.stopped()) return null;
    const r = await call('jobs.get', { id });
    if (hooks.stopped()) return null;
    if (r.ok && r.value.state !== 'running') return { job: r.value };
    if (!r.ok && r.error.code === 'NOT_FOUND') return { gone: r.error };
    hooks.progress(r.ok ? r.value : null, r.ok ? null : r.error);
    await sleep(r.ok ? POLL_MS : RETRY_MS);
  }
}
