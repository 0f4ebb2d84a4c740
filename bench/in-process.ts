/**
 * How the benchmarks run Keyfleet in-process: a job function's context (nobody acting, the
 * business clock, no progress shown, never cancelled), and the demo's manager signed in (the API
 * needs someone; a manager sees every account).
 */
import path from 'node:path';
import type { App } from '../electron/app/create-app';
import type { JobContext } from '../electron/jobs/context';
import { businessClock } from '../shared/clock';

/**
 * The built worker (jobs and heavy reads) an in-process app runs: `npm run build` first.
 * BENCH_WORKER=<file> measures another build's (e.g. one of main's, for a before/after).
 */
export const BUILT_WORKER = path.resolve(
  process.env.BENCH_WORKER ?? path.join(__dirname, '..', 'out', 'main', 'worker.js'),
);

export function jobContext<P>(
  params: P,
  database: Pick<JobContext<P>, 'db' | 'sqlite'>,
): JobContext<P> {
  return {
    params,
    actorId: null,
    db: database.db,
    sqlite: database.sqlite,
    clock: businessClock,
    progress: () => {},
    checkCancelled: () => {},
  };
}

export async function signInManager(app: App): Promise<void> {
  const managerId = app.database.sqlite
    .prepare("select id from staff where role = 'manager' and active = 1 order by id limit 1")
    .pluck()
    .get() as number;
  const signedIn = await app.dispatch('auth.pick', { staffId: managerId });
  if (!signedIn.ok) throw new Error(signedIn.error.message);
}
