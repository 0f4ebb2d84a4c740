/**
 * A job worker runs under a heap limit: a job that outgrows it fails with `out_of_memory` and the
 * backend goes on — the same job under the normal limit finishes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { businessClock } from '../../shared/clock';
import { JobRunner } from '../../electron/jobs/runner';
import { testApp, type TestApp, WORKER_FROM_SOURCE } from '../helpers/app';

let app: TestApp;
afterEach(async () => app?.close());

describe('the job heap limit', () => {
  it('fails a job that outgrows it as out_of_memory, and the same job runs under the normal one', async () => {
    app = await testApp();
    const file = path.join(app.dataDir, 'tiny.csv');
    fs.writeFileSync(file, '单位名称,统一社会信用代码\n杭州市公安局,\n');
    const params = { fileId: 'f', target: 'accounts' as const, file, fileName: 'tiny.csv' };

    // A few MB cannot even hold the worker's code: it hits the limit while loading.
    const starved = new JobRunner({ ...WORKER_FROM_SOURCE, heapMb: 4 }, app.dbFile, businessClock);
    const failed = await starved.wait(starved.start('import.inspect', params, null).id);
    expect(failed).toMatchObject({
      state: 'failed',
      error: { code: 'INTERNAL', kind: 'out_of_memory' },
    });

    const normal = new JobRunner(WORKER_FROM_SOURCE, app.dbFile, businessClock);
    const done = await normal.wait(normal.start('import.inspect', params, null).id);
    expect(done.state).toBe('done');
  });
});
