import { afterEach, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../shared/dates';
import { testApp, type TestApp, untilJobPast, addStaff } from '../helpers/app';

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
    // The sales work on those accounts, written through the services: every view has content.
    // As the manager, who sees every account's records (a specialist sees their teams').
    const staff = await app.value('auth.pickList', {});
    await app.value('auth.pick', { staffId: staff.find((s) => s.role === 'manager')!.id });
    expect(await app.value('audit.verify', {})).toMatchObject({ ok: true });
    const board = await app.value('opportunities.board', { includeClosed: true });
    expect(board.columns.filter((c) => c.count > 0).length).toBeGreaterThanOrEqual(5);
    for (const m of ['tenders.list', 'contracts.list', 'activities.list'] as const)
      expect((await app.value(m, {})).total).toBeGreaterThan(0);
    const prices = await app.value('prices.list', {});
    expect(prices.total).toBeGreaterThanOrEqual(10);
    const year = await app.value('calendar.list', {
      from: addDays(chinaDate(), -180),
      to: addDays(chinaDate(), 180),
    });
    expect(new Set(year.items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(5);
    // Claims in several states (a conflict among them) and filings waiting for their evidence.
    const claims = await app.value('claims.list', { limit: 500 });
    const states = new Set(claims.rows.map((c) => c.status));
    for (const status of ['approved', 'conflict', 'draft'] as const)
      expect(states).toContain(status);
    expect(claims.rows.some((c) => c.source === 'other_dealer')).toBe(true);
    expect((await app.value('filings.list', {})).total).toBeGreaterThan(0);
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
    const tables = ['accounts', 'contacts', 'staff', 'audit_log', 'settings'];
    const counts = () =>
      tables.map((t) => app.database.sqlite.prepare(`select count(*) from ${t}`).pluck().get());
    // Empty, but for the audit log's first entry (the one that keys its chain).
    expect(counts()).toEqual([0, 0, 0, 1, 0]);
    const { jobId } = await app.value('demo.load', { accounts: 50_000 });
    // Cancel once the worker is writing, so the rollback path is what is tested.
    await untilJobPast(app, jobId);
    await app.value('jobs.cancel', { id: jobId });
    const job = await app.deps.jobs.wait(jobId);
    expect(job.state).toBe('cancelled');
    expect(counts()).toEqual([0, 0, 0, 1, 0]);
  });

  it('reports an unknown job id', async () => {
    app = await testApp();
    expect((await app.call('jobs.get', { id: 'nope' })).ok).toBe(false);
  });
});

describe('writes while a job holds the write lock', () => {
  it('answer CONFLICT busy quickly instead of freezing the UI thread', async () => {
    app = await testApp();
    const me = await addStaff(app, { name: '李明', role: 'manager' });
    await app.value('auth.pick', { staffId: me.id });
    const { jobId } = await app.value('demo.load', { accounts: 40_000 });
    await untilJobPast(app, jobId);
    // Reads go on (WAL); a write is refused with a reason while the job writes. Quickly: the UI's
    // connection waits a quarter of a second for the lock, not the 5 s a job's connection waits.
    expect((await app.call('accounts.list', {})).ok).toBe(true);
    expect(app.database.sqlite.pragma('busy_timeout', { simple: true })).toBeLessThanOrEqual(250);
    const write = await app.call('prefs.set', { key: 'grid.accounts', value: { v: 1 } });
    expect(write.ok || write.error).toMatchObject({ code: 'CONFLICT', details: { kind: 'busy' } });
    await app.value('jobs.cancel', { id: jobId });
    await app.deps.jobs.wait(jobId);
    expect((await app.call('prefs.set', { key: 'grid.accounts', value: { v: 1 } })).ok).toBe(true);
  });
});
