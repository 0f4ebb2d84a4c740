/** A whole backend (dispatch, session, jobs in real worker threads) on a fresh data folder. */
import path from 'node:path';
import { vi } from 'vitest';
import { type App, createApp } from '../../electron/app/create-app';
import type { Input, MethodName, Output } from '../../shared/api';
import type { Result } from '../../shared/result';
import { tempDir } from './db';
import { type Clock, isoNow } from '../../shared/clock';
import type { Staff } from '../../shared/schemas/staff';
import { toStaff } from '../../electron/staff/service';

export const WORKER_FROM_SOURCE = { file: path.resolve(__dirname, 'ts-worker.cjs') };

export interface TestApp extends App {
  dataDir: string;
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  /** Calls and fails the test on an error result. */
  value<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** `clock`: the time the app's services take (default: the business clock, on the test clock). */
export async function testApp(
  dataDir = tempDir(),
  options: { clock?: Clock } = {},
): Promise<TestApp> {
  const app = await createApp({
    dataDir,
    clock: options.clock,
    mode: 'browser',
    worker: WORKER_FROM_SOURCE,
    validateOutput: true,
  });
  const call = app.dispatch as TestApp['call'];
  return {
    ...app,
    dataDir,
    call,
    async value(method, input) {
      const r = await call(method, input);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
  };
}

/** An app with one signed-in staff member of the given role. */
export async function signedInApp(
  role: 'specialist' | 'manager' | 'admin' = 'manager',
): Promise<TestApp> {
  const app = await testApp();
  await app.value('auth.setUp', { name: '测试员', role });
  return app;
}

/**
 * Puts a staff member on the books as the test's setting (not through staff.create, whose rules
 * some tests are about): the people a scenario needs before anyone signs in.
 */
export async function addStaff(
  app: Pick<App, 'deps'>,
  person: { name: string; role: 'specialist' | 'manager' | 'admin' },
): Promise<Staff> {
  const row = await app.deps.db
    .insertInto('staff')
    .values({ name: person.name, role: person.role, active: 1, created_at: isoNow(app.deps.clock) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStaff(row);
}

/** A valid USCC for tests: the check character is computed. */
export { usccCheckChar } from '../../shared/uscc';

/**
 * Waits until a running job has done more than `done` units (for a writing job: its first rows are
 * in its open transaction). A worker takes from a fraction of a second to several on a loaded
 * machine to start: wait for the state, as long as the test may run, never for a number of polls.
 */
export async function untilJobPast(app: TestApp, jobId: string, done = 0): Promise<void> {
  await vi.waitFor(
    async () => {
      const job = await app.value('jobs.get', { id: jobId });
      if (job.state !== 'running') throw new Error(`the job ended early: ${job.state}`);
      if (job.done <= done) throw new Error(`${job.done} done so far`);
    },
    { timeout: 25_000, interval: 20 },
  );
}
