import { afterEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app';

let app: TestApp;
afterEach(async () => app?.close());

describe('demo data job (worker thread)', () => {
  it('offers demo data on an empty database and loads it off the UI thread', async () => {
    app = await testApp();
    expect(await app.value('app.info', {})).toMatchObject({ accountCount: 0, offerDemo: true });
    const { jobId } = await app.value('demo.load', { accounts: 300 });
    const job = await app.deps.jobs.wait(jobId);
    expect(job).toMatchObject({ state: 'done', done: 300, total: 300 });
    expect(await app.value('app.info', {})).toMatchObject({ accountCount: 300, offerDemo: false });
    expect(await app.value('audit.verify', {})).toMatchObject({ ok: true });
    const again = await app.call('demo.load', {});
    expect(again.ok || again.error.code).toBe('CONFLICT');
  });

  it('does not offer demo data again once declined', async () => {
    app = await testApp();
    await app.value('demo.decline', {});
    expect(await app.value('app.info', {})).toMatchObject({ offerDemo: false });
  });

  it('leaves the database exactly as before when cancelled', async () => {
    app = await testApp();
    const { jobId } = await app.value('demo.load', { accounts: 50_000 });
    // Cancel once the worker is writing, so the rollback path is what is tested.
    for (let i = 0; i < 200 && (await app.value('jobs.get', { id: jobId })).done === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    await app.value('jobs.cancel', { id: jobId });
    const job = await app.deps.jobs.wait(jobId);
    expect(job.state).toBe('cancelled');
    const count = (table: string) =>
      app.database.sqlite.prepare(`select count(*) from ${table}`).pluck().get();
    for (const table of ['accounts', 'contacts', 'staff', 'audit_log', 'settings'])
      expect(count(table)).toBe(0);
  });

  it('reports an unknown job id', async () => {
    app = await testApp();
    expect((await app.call('jobs.get', { id: 'nope' })).ok).toBe(false);
  });
});
