/**
 * The read worker: dashboards.* calls go through the dispatch (gate, validation) to a worker
 * thread's read-only connection and come back equal to the same read run in-process; the caller's
 * role decides what is counted; a worker that died is started again by the next read; an error in
 * a read comes back as a typed error, not a hang.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettableClock } from '../../shared/clock';
import { pipelineMatrix } from '../../electron/dashboards/pipeline-matrix';
import { testApp, type TestApp } from '../helpers/app';
import { type DashboardData, seedDashboardData } from '../helpers/dashboard-data';
import { tempDir } from '../helpers/db';

let app: TestApp;
let data: DashboardData;
const range = { from: '2026-03-01', to: '2026-04-30' };

beforeEach(async () => {
  app = await testApp(tempDir(), { clock: new SettableClock('2026-03-31T02:00:00.000Z') });
  data = await seedDashboardData(app.deps.db);
});
afterEach(() => app.close());

describe('the read worker', () => {
  it('answers dashboards calls off the main thread, as the read itself would', async () => {
    await app.value('auth.pick', { staffId: data.manager });
    const [viaWorker, again] = await Promise.all([
      app.value('dashboards.pipeline', range),
      app.value('dashboards.pipeline', range),
    ]);
    const inProcess = await pipelineMatrix(app.deps.db, range, {
      viewer: { id: data.manager, name: '王经理', role: 'manager' },
      today: '2026-03-31',
    });
    expect(viaWorker).toEqual(inProcess);
    expect(again).toEqual(inProcess);
    expect(viaWorker.cells.length).toBe(5);
    // The worker is a thread of its own, kept for the next call.
    const worker = app.deps.reads.started();
    expect(worker.threadId).toBeGreaterThan(0);
    await app.value('dashboards.claims', { warnDays: 30 });
    expect(app.deps.reads.started()).toBe(worker);
  });

  it('counts a specialist’s own teams’ records only', async () => {
    await app.value('auth.pick', { staffId: data.li });
    const mine = await app.value('dashboards.pipeline', range);
    expect(new Set(mine.cells.map((c) => c.ownerId))).toEqual(new Set([data.li]));
    const kpi = await app.value('dashboards.kpi', { period: 'month', date: '2026-02-18' });
    expect(kpi.rows.map((r) => r.staffId)).toEqual([data.li]);
    expect(kpi.trend).toHaveLength(6);
    const claims = await app.value('dashboards.claims', {});
    expect(claims.today).toBe('2026-03-31');
    expect(claims.overlaps).toBe(0);
  });

  it('starts a new worker after one died, and refuses bad input before it', async () => {
    await app.value('auth.pick', { staffId: data.manager });
    await app.deps.reads.started().terminate();
    const w = await app.value('dashboards.winLoss', { from: '2026-03-01', to: '2026-03-31' });
    expect(w.byOwner).toHaveLength(2);
    const bad = await app.call('dashboards.pipeline', { from: '2026-04-30', to: '2026-03-01' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const nobody = await testApp();
    try {
      const refused = await nobody.call('dashboards.pipeline', range);
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await nobody.close();
    }
  });

  it('answers a failing read with its error, and goes on serving', async () => {
    const scope = {
      viewer: { id: data.manager, name: '王经理', role: 'manager' as const },
      today: '2026-03-31',
    };
    // Not a date (the API's schema would have refused it): the read throws inside the worker.
    const failed = app.deps.reads.run(
      'dashboards.kpi',
      { period: 'month', date: 'x', trend: 1 },
      scope,
    );
    await expect(failed).rejects.toMatchObject({ code: 'INTERNAL' });
    const ok = await app.deps.reads.run('dashboards.claims', { warnDays: 30 }, scope);
    expect(ok.expiringCount).toBe(1);
  });
});
