/**
 * The "jobs start fast" lines: how long a small job takes from `jobs.start` to its result, through
 * the real runner and the built worker (out/main/worker.js, as the app runs it: `npm run build`
 * first), each round on a fresh worker thread. A 2-row CSV inspect and an 80-row accounts export,
 * each the median of several rounds after one unmeasured round (the disk cache warm, as in use).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { ExportResult } from '../shared/schemas/exports';
import type { Inspection } from '../shared/schemas/imports';
import { createApp } from '../electron/app/create-app';
import { loadDemoJob } from '../electron/demo/load';
import type { JobRunner } from '../electron/jobs/runner';
import { stageCopy, stagedFile } from '../electron/imports/staging';
import { ALL_EXPORT_COLUMNS, exportInput } from './export-job';
import { type BenchResult, median } from './harness';
import { BUILT_WORKER as WORKER, jobContext } from './in-process';

const ROUNDS = Math.max(5, Number(process.env.BENCH_JOB_ROUNDS ?? 5));
const EXPORT_ROWS = 80;

/** The machine's 1, 5 and 15 minute load averages, rounded for the report. */
export const loadAverage = (): number[] => os.loadavg().map((n) => Math.round(n * 100) / 100);

interface Round {
  /** Wall-clock milliseconds from `jobs.start` to the finished job. */
  ms: number;
  /** CPU milliseconds of the whole process meanwhile (the worker thread's included). */
  cpuMs: number;
}

/** Starts a job, waits for it and returns its result and the time it took. */
async function timed(jobs: JobRunner, start: () => string): Promise<Round & { result: unknown }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const id = start();
  const job = await jobs.wait(id);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  if (job.state !== 'done') throw new Error(`the job ${job.kind} ended ${job.state}`);
  return { ms, cpuMs: (used.user + used.system) / 1000, result: jobs.result(id, null) };
}

/** One unmeasured round, then `ROUNDS` measured ones (each checks its result); the medians. */
async function rounds(run: () => Promise<Round>): Promise<Round> {
  await run();
  const done: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) done.push(await run());
  return { ms: median(done.map((r) => r.ms)), cpuMs: median(done.map((r) => r.cpuMs)) };
}

export async function benchJobStart(results: BenchResult[]): Promise<void> {
  if (!fs.existsSync(WORKER))
    throw new Error(`no built worker at ${WORKER}: run \`npm run build\` first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-bench-jobs-'));
  const app = await createApp({ dataDir, mode: 'browser', worker: { file: WORKER } });
  const { jobs } = app.deps;
  try {
    // 1. Inspect of a 2-row CSV (header + 2 accounts), as the import wizard starts it.
    const csv = path.join(dataDir, 'two-rows.csv');
    fs.writeFileSync(
      csv,
      '单位名称,统一社会信用代码,客户类型\n某市公安局,11110000000000001X,政府机关\n某某物流有限公司,,企业\n',
    );
    const { fileId } = await stageCopy(dataDir, csv);
    const inspectParams = { fileId, target: 'accounts' as const, ...stagedFile(dataDir, fileId) };
    const inspect = await rounds(async () => {
      const r = await timed(jobs, () => jobs.start('import.inspect', inspectParams, null).id);
      const sheet = (r.result as Inspection).sheets[0];
      const dataRows = sheet?.preview.filter((p) => p.row > (sheet.headerRow ?? 0)).length;
      if (sheet?.headerRow !== 1 || dataRows !== 2)
        throw new Error(`the inspect did not find the header and 2 rows: ${JSON.stringify(sheet)}`);
      return r;
    });
    results.push({
      name: 'job start: 2-row CSV inspect ready (jobs.start → result, cold worker)',
      value: inspect.ms,
      cpu: inspect.cpuMs,
      unit: 'ms',
      baseline: null,
      ratio: null,
      target: { max: 300 },
      loadAverage: loadAverage(),
    });

    // 2. Export of an 80-account view to .xlsx (every column), file written and renamed.
    await loadDemoJob(jobContext({ accounts: EXPORT_ROWS }, app.database));
    const file = path.join(dataDir, 'export.xlsx');
    const exportParams = {
      input: exportInput,
      file,
      fileName: 'bench.xlsx',
      actorName: 'bench',
      version: 'bench',
    };
    const tiny = await rounds(async () => {
      fs.rmSync(file, { force: true });
      const r = await timed(jobs, () => jobs.start('accounts.export', exportParams, null).id);
      const written = (r.result as ExportResult).rows;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const sheetRows = (wb.worksheets[0]?.actualRowCount ?? 0) - 1;
      if (written !== EXPORT_ROWS || sheetRows !== EXPORT_ROWS)
        throw new Error(`the export wrote ${written} rows, its sheet has ${sheetRows}`);
      return r;
    });
    results.push({
      name: `tiny export: ${EXPORT_ROWS}-row accounts export file (${ALL_EXPORT_COLUMNS.length} columns, .xlsx, jobs.start → file, cold worker)`,
      value: tiny.ms / 1000,
      cpu: tiny.cpuMs / 1000,
      unit: 's',
      baseline: null,
      ratio: null,
      target: { max: 1 },
      loadAverage: loadAverage(),
    });
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
