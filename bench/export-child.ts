/**
 * One export of the whole accounts view (every column, sorted by name), in a process of its own
 * so that it starts cold and its peak RSS is its own:
 * `tsx bench/export-child.ts <data folder> <out.xlsx>` prints one JSON line. This is the raw
 * side: the same rows read on raw better-sqlite3 (the grid's own SQL), each turned into cells by
 * the same cell rules, written by exceljs's streaming writer with the export's number formats
 * (the zh-CN ones, table-writer.ts). Keyfleet's side is `exportOnServer`: the path a user takes,
 * `exports.accounts` on the built server as the demo's manager, then the download.
 *
 * Both sheets are hashed (read back with Keyfleet's reader, cell by cell), so the bench can tell
 * that the two wrote the same table.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type RowRecord, sortedRowsQuery, toRow } from '../electron/accounts/repository';
import { connect } from '../electron/db/connection';
import { cellAsText } from '../electron/excel/read/cell-value';
import { openTable } from '../electron/excel/read/table-source';
import { wallClock } from '../electron/excel/wall-clock';
import { ACCOUNT_CELL_KINDS, accountCells } from '../electron/exports/account-cells';
import { NUM_FMT } from '../electron/excel/table-writer';
import { ALL_EXPORT_COLUMNS, exportInput } from './export-job';
import { peakRssMb } from './harness';
import { ServerProcess } from './server-process';

export interface ExportChildResult {
  seconds: number;
  cpuSeconds: number;
  /** Data rows in the sheet written. */
  rows: number;
  peakRssMb: number;
  /** sha256 of the first sheet's cells as text, row by row. */
  hash: string;
  /** The server's main thread's longest block while the export ran (keyfleet only), ms. */
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

/** Keyfleet's export on the built server, started on `dataDir` for this one export. */
export async function exportOnServer(dataDir: string, out: string): Promise<ExportChildResult> {
  const result = await ServerProcess.timed(
    dataDir,
    // The demo's first manager, as the sign-in screen lists them (a manager sees every account).
    async (server) => {
      const managers = (await server.call('auth.pickList', {})).filter((s) => s.role === 'manager');
      const first = Math.min(...managers.map((m) => m.id));
      return server.call('auth.pick', { staffId: first });
    },
    async (server) => {
      const { jobId } = await server.call('exports.accounts', exportInput);
      await server.finished(jobId);
      const delivery = await server.call('exports.deliver', { jobId });
      if (delivery.kind !== 'download') throw new Error('expected a download');
      await server.download(delivery.url, out);
      return {};
    },
  );
  return { ...result, ...(await sheetHash(out)) };
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
  const [dataDir, out] = process.argv.slice(2) as [string, string];
  const started = performance.now();
  await raw(path.join(dataDir, 'keyfleet.sqlite'), out);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage();
  const peak = peakRssMb();
  const result: ExportChildResult = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMb: peak,
    mainThreadBlockMs: null,
    ...(await sheetHash(out)),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (process.argv[1]?.endsWith('export-child.ts'))
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
