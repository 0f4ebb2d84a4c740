/**
 * One export of the whole accounts view (every column, sorted by name) in a process of its own,
 * so that it starts cold and its peak RSS is its own:
 * `tsx bench/export-child.ts <keyfleet|raw> <data folder> <out.xlsx>` prints one JSON line.
 *
 * - keyfleet: the path a user takes — `exports.accounts` through the app's dispatch and job
 *   runner, in the built worker (out/main/worker.js), as the demo's manager.
 * - raw: the same rows read on raw better-sqlite3 (the grid's own SQL), each turned into cells by
 *   the same cell rules, written by exceljs's streaming writer with the export's number formats
 *   (the zh-CN ones, table-writer.ts).
 *
 * Both then hash what the sheet holds (read back with Keyfleet's reader, cell by cell), so the
 * bench can tell that the two wrote the same table.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { type RowRecord, sortedRowsQuery, toRow } from '../electron/accounts/repository';
import { type App, createApp } from '../electron/app/create-app';
import { connect } from '../electron/db/connection';
import { cellAsText } from '../electron/excel/read/cell-value';
import { openTable } from '../electron/excel/read/table-source';
import { wallClock } from '../electron/excel/wall-clock';
import { ACCOUNT_CELL_KINDS, accountCells } from '../electron/exports/account-cells';
import { NUM_FMT } from '../electron/excel/table-writer';
import { ALL_EXPORT_COLUMNS, exportInput } from './export-job';
import { peakRssMb } from './harness';
import { BUILT_WORKER, call } from './import-child';

export interface ExportChildResult {
  seconds: number;
  cpuSeconds: number;
  /** Data rows in the sheet written. */
  rows: number;
  peakRssMb: number;
  /** sha256 of the first sheet's cells as text, row by row. */
  hash: string;
  /** The app's main thread's longest block while the export ran (keyfleet only), ms. */
  mainThreadBlockMs: number | null;
}

async function sheetHash(file: string): Promise<{ rows: number; hash: string }> {
  const source = await openTable(file);
  const hash = createHash('sha256');
  let rows = 0;
  for await (const { cells } of source.rows(source.sheets[0]!.name)) {
    hash.update(JSON.stringify(cells.map(cellAsText)));
    hash.update('\n');
    rows++;
  }
  return { rows: rows - 1, hash: hash.digest('hex') };
}

async function keyfleet(app: App, out: string): Promise<void> {
  const { jobId } = await call(app, 'exports.accounts', exportInput);
  const job = await app.deps.jobs.wait(jobId);
  if (job.state !== 'done') throw new Error(`the export ended ${job.state}: ${job.error}`);
  const delivery = await call(app, 'exports.deliver', { jobId });
  if (delivery.kind !== 'download') throw new Error('expected a download');
  fs.renameSync(app.files.get(delivery.url.slice('/api/files/'.length))!.path, out);
}

async function raw(dbFile: string, out: string): Promise<void> {
  const { db, sqlite, close } = connect(dbFile, { readonly: true });
  try {
    const query = sortedRowsQuery(db, { filters: [], sort: exportInput.sort }).compile();
    const cells = accountCells('zh-CN', wallClock('Asia/Shanghai'));
    const columns = ALL_EXPORT_COLUMNS;
    const money = columns.flatMap((c, i) => (ACCOUNT_CELL_KINDS[c.field] === 'money' ? [i] : []));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: out,
      useStyles: true,
      useSharedStrings: false,
    });
    const ws = wb.addWorksheet('客户列表');
    ws.columns = columns.map((c, i) => {
      const numFmt = NUM_FMT[ACCOUNT_CELL_KINDS[c.field]];
      return numFmt
        ? { header: c.header, key: `c${i}`, style: { numFmt } }
        : { header: c.header, key: `c${i}` };
    });
    for (const record of sqlite.prepare(query.sql).iterate(...query.parameters)) {
      const row = toRow(record as RowRecord);
      const values = columns.map((c) => cells[c.field](row));
      for (const i of money)
        if (typeof values[i] === 'number') values[i] = (values[i] as number) / 100;
      ws.addRow(values).commit();
    }
    ws.commit();
    await wb.commit();
  } finally {
    await close();
  }
}

async function main(): Promise<void> {
  const [side, dataDir, out] = process.argv.slice(2) as ['keyfleet' | 'raw', string, string];
  const dbFile = path.join(dataDir, 'keyfleet.sqlite');
  let app: App | null = null;
  if (side === 'keyfleet') {
    app = await createApp({ dataDir, mode: 'browser', worker: { file: BUILT_WORKER } });
    const manager = app.database.sqlite
      .prepare("select id from staff where role = 'manager' and active = 1 order by id limit 1")
      .pluck()
      .get() as number;
    await call(app, 'auth.pick', { staffId: manager });
  }
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  await new Promise((resolve) => setTimeout(resolve, 12));
  const started = performance.now();
  if (app) await keyfleet(app, out);
  else await raw(dbFile, out);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 12));
  loop.disable();
  await app?.close();
  const cpu = process.cpuUsage();
  const peak = peakRssMb();
  const { rows, hash } = await sheetHash(out);
  const result: ExportChildResult = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rows,
    peakRssMb: peak,
    hash,
    mainThreadBlockMs: app ? loop.max / 1e6 : null,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (process.argv[1]?.endsWith('export-child.ts'))
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
