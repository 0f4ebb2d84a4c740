/** jobs.*: a background job's progress, and cancelling it. */
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';

type JobHandlers = Pick<Handlers, 'jobs.get' | 'jobs.cancel'>;

export function jobHandlers({ jobs }: Deps): JobHandlers {
  return {
    // A job is its starter's: another user's id answers NOT_FOUND.
    'jobs.get': async ({ id }, { session }) => jobs.get(id, session.user?.id ?? null),
    'jobs.cancel': async ({ id }, { session }) => jobs.cancel(id, session.user?.id ?? null),
  };
}
