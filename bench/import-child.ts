/**
 * One import, in a process of its own so that it starts cold and its peak RSS is its own:
 * `tsx bench/import-child.ts <keyfleet|raw> <db> <file>` prints one JSON line.
 *
 * - keyfleet: the path a user takes, through the app's dispatch and job runner with the built
 *   worker (out/main/worker.js: `npm run build` first). The file is staged as an upload is,
 *   `imports.inspect` runs, then `imports.run` commits with the mapping the inspection suggested
 *   (and the backup a commit takes first). `<db>` must be `keyfleet.sqlite` in a data folder of
 *   its own (with its audit key).
 * - raw: exceljs's streaming reader feeding prepared inserts in one transaction, mapping each
 *   label to its code with a plain lookup table and checking nothing.
 *
 * Both then hash the accounts they stored (the columns the file gives, in id order), so the
 * bench can tell that the two did the same work.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createApp } from '../electron/app/create-app';
import { connect } from '../electron/db/connection';
import { stageCopy } from '../electron/imports/staging';
import type { App } from '../electron/app/create-app';
import type { Input, MethodName, Output } from '../shared/api';
import { peakRssMb } from './harness';
import { rawImport } from './import-job';

/** The built worker the app runs jobs in (BENCH_WORKER=<file> measures another build's). */
export const BUILT_WORKER = path.resolve(
  process.env.BENCH_WORKER ?? path.join(__dirname, '..', 'out', 'main', 'worker.js'),
);

export interface ImportChildResult {
  seconds: number;
  /** CPU time of the process (all threads), seconds: steadier than `seconds` on a busy machine. */
  cpuSeconds: number;
  /** Accounts the import stored. */
  created: number;
  /** What the inspect job took the file for (keyfleet only). */
  format: string | null;
  peakRssMb: number;
  /** sha256 of the stored accounts' own columns, in id order. */
  hash: string;
  /** The app's main thread's longest block while the import ran (keyfleet only), ms. */
  mainThreadBlockMs: number | null;
}

/** The columns an import of the bench's sheet fills, as both sides store them. */
const HASHED = `select name, uscc, buyer_type, industry, province_code, city_code, address, grade,
                      source, notes
                 from accounts order by id`;

/** The stored accounts' hashed columns, in id order. */
export function* hashedRows(dbFile: string): Generator<unknown[]> {
  const { sqlite } = connect(dbFile);
  try {
    yield* sqlite.prepare(HASHED).raw().iterate() as Iterable<unknown[]>;
  } finally {
    sqlite.close();
  }
}

export function accountsHash(dbFile: string): { count: number; hash: string } {
  const hash = createHash('sha256');
  let count = 0;
  for (const row of hashedRows(dbFile)) {
    hash.update(JSON.stringify(row));
    hash.update('\n');
    count++;
  }
  return { count, hash: hash.digest('hex') };
}

export async function call<M extends MethodName>(app: App, method: M, input: Input<M>) {
  const r = await app.dispatch(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as Output<M>;
}

/** Waits for a job to finish; throws unless it finished well. */
async function finished(app: App, jobId: string): Promise<void> {
  const job = await app.deps.jobs.wait(jobId);
  if (job.state !== 'done') throw new Error(`the ${job.kind} job ended ${job.state}: ${job.error}`);
}

/** The wizard's steps on an app already running (not timed: the app was open before the import). */
async function keyfleet(app: App, file: string): Promise<{ format: string }> {
  const dataDir = path.dirname(app.dbFile);
  const { fileId } = await stageCopy(dataDir, file);
  const { jobId: inspectJob } = await call(app, 'imports.inspect', { fileId, target: 'accounts' });
  await finished(app, inspectJob);
  const inspection = await call(app, 'imports.inspection', { jobId: inspectJob });
  const sheet = inspection.sheets[0]!;
  const { jobId } = await call(app, 'imports.run', {
    target: 'accounts',
    fileId,
    sheet: sheet.name,
    headerRow: sheet.headerRow!,
    columns: sheet.columns.map((c) => ({ index: c.index, field: c.field })),
    mode: 'commit',
    policy: 'allOrNothing',
  });
  await finished(app, jobId);
  const summary = await call(app, 'imports.summary', { jobId });
  if (summary.reject > 0) throw new Error(`the import rejected ${summary.reject} rows`);
  return { format: inspection.format };
}

async function main(): Promise<void> {
  const [side, dbFile, file] = process.argv.slice(2) as ['keyfleet' | 'raw', string, string];
  let app: App | null = null;
  if (side === 'keyfleet') {
    if (path.basename(dbFile) !== 'keyfleet.sqlite')
      throw new Error('the keyfleet side needs <data folder>/keyfleet.sqlite');
    app = await createApp({
      dataDir: path.dirname(dbFile),
      mode: 'browser',
      worker: { file: BUILT_WORKER },
    });
    await call(app, 'auth.setUp', { name: '基准测试', role: 'manager' });
  }
  // The app's event loop while the jobs run (in Electron it also owns the window): its monitor's
  // timer runs before the import starts and fires once after it, so every block is seen.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  await new Promise((resolve) => setTimeout(resolve, 12));
  const started = performance.now();
  const format = app ? (await keyfleet(app, file)).format : null;
  if (side === 'raw') await rawImport(dbFile, file);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 12));
  loop.disable();
  await app?.close();
  const cpu = process.cpuUsage();
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peak = peakRssMb();
  const { count, hash } = accountsHash(dbFile);
  const out: ImportChildResult = {
    seconds,
    cpuSeconds,
    created: count,
    format,
    peakRssMb: peak,
    hash,
    mainThreadBlockMs: app ? loop.max / 1e6 : null,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (require.main === module || process.argv[1]?.endsWith('import-child.ts'))
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
