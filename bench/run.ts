/**
 * `npm run bench`: Keyfleet's paths against the raw libraries doing the same work, in one run.
 * Prints one line per benchmark and writes bench/out/latest.json. `BENCH_ONLY=jobs` runs only the
 * job-start lines (the script builds first: they use the built worker), `BENCH_ONLY=sales` stops after
 * the sales lines, `BENCH_ONLY=dashboards` runs only the dashboards' lines (read worker, browser page),
 * `BENCH_ONLY=first-load` only the browser-mode first load, `BENCH_ONLY=xls` only the 65,536-row
 * .xls import against the same data as .xlsx, `BENCH_ONLY=search` only the quick search,
 * `BENCH_ONLY=import` only the 100,000-row import against its baseline, `BENCH_ONLY=export` only the
 * 100,000-account export against its baseline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../electron/app/create-app';
import { loadDemoJob } from '../electron/demo/load';
import { spawnSync } from 'node:child_process';
import { prepareInsert } from '../electron/db/bulk';
import { ALL_EXPORT_COLUMNS } from './export-job';
import { writeImportFile } from './import-job';
import { benchImport, emptyTemplate, freshStore, runImport } from './import-bench';
import { benchExport } from './export-bench';
import { type BenchResult, compare, report } from './harness';
import { benchJobStart, loadAverage } from './job-start';
import { benchSales } from './sales';
import { benchDashboards } from './dashboards';
import { benchFirstLoad } from './first-load';
import { benchValue } from './value';
import { benchSearch } from './search';
import { benchXlsImport } from './xls-import';
import { BUILT_WORKER, jobContext, signInManager } from './in-process';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const FULL_SHEET_ROWS = 1_048_575;

async function main(): Promise<void> {
  // BENCH_ONLY=dashboards: only the dashboards' lines (their own generated store).
  if (process.env.BENCH_ONLY === 'dashboards') {
    const dashLines: BenchResult[] = [];
    await benchDashboards(dashLines);
    if (!report(dashLines, true)) process.exitCode = 1;
    return;
  }
  // BENCH_ONLY=first-load: only the browser-mode first load (a small data folder of its own).
  if (process.env.BENCH_ONLY === 'first-load') {
    const loadLines: BenchResult[] = [];
    await benchFirstLoad(loadLines);
    if (!report(loadLines, true)) process.exitCode = 1;
    return;
  }
  // BENCH_ONLY=value: only the account-value lines (the dashboards' store with fleets and money in).
  if (process.env.BENCH_ONLY === 'value') {
    const valueLines: BenchResult[] = [];
    await benchValue(valueLines);
    if (!report(valueLines, true)) process.exitCode = 1;
    return;
  }
  // BENCH_ONLY=xls: only the 65,536-row .xls import against the same data as .xlsx.
  if (process.env.BENCH_ONLY === 'xls') {
    const xlsLines: BenchResult[] = [];
    await benchXlsImport(xlsLines);
    if (!report(xlsLines, true)) process.exitCode = 1;
    return;
  }
  // BENCH_ONLY=import: only the 100,000-row import against its baseline.
  if (process.env.BENCH_ONLY === 'import') {
    const importLines: BenchResult[] = [];
    await benchImport(importLines);
    if (!report(importLines, true)) process.exitCode = 1;
    return;
  }
  // BENCH_ONLY=export: only the 100,000-account export against its baseline (a store of its own).
  if (process.env.BENCH_ONLY === 'export') {
    const exportLines: BenchResult[] = [];
    const store = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-bench-store-'));
    try {
      const demo = await createApp({ dataDir: store, mode: 'browser', worker: { file: '/x' } });
      process.stderr.write(`loading ${ACCOUNTS} demo accounts…\n`);
      await loadDemoJob(jobContext({ accounts: ACCOUNTS }, demo.database));
      await demo.close();
      await benchExport(store, exportLines);
    } finally {
      fs.rmSync(store, { recursive: true, force: true });
    }
    if (!report(exportLines, true)) process.exitCode = 1;
    return;
  }
  // BENCH_ONLY=search: only the quick search (its own stores of 2,000 and 100,000 accounts).
  if (process.env.BENCH_ONLY === 'search') {
    const searchLines: BenchResult[] = [];
    await benchSearch(searchLines);
    if (!report(searchLines, true)) process.exitCode = 1;
    return;
  }
  // BENCH_ONLY=jobs: only the job-start lines (a small app of their own, no 100,000 accounts).
  if (process.env.BENCH_ONLY === 'jobs') {
    const jobLines: BenchResult[] = [];
    await benchJobStart(jobLines);
    if (!report(jobLines, true)) process.exitCode = 1;
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-bench-'));
  // The data is loaded in-process, before anything is timed; the lists read on the built worker.
  const app = await createApp({ dataDir, mode: 'browser', worker: { file: BUILT_WORKER } });
  const { db, sqlite } = app.database;
  process.stderr.write(`loading ${ACCOUNTS} demo accounts…\n`);
  await loadDemoJob(jobContext({ accounts: ACCOUNTS }, { db, sqlite }));
  sqlite.pragma('optimize');
  const total = sqlite.prepare('select count(*) from accounts').pluck().get() as number;
  process.stderr.write(`${total} accounts loaded\n`);

  await signInManager(app);

  const results: BenchResult[] = [];

  // 0. Small jobs from jobs.start to their result through the built worker (a data folder of
  // their own, so the 100,000 accounts do not weigh on them).
  await benchJobStart(results);
  await benchFirstLoad(results);
  // The dashboards at 100,000 accounts, 200,000 contracts and 1,000,000 activities (their own store).
  await benchDashboards(results);

  // 1. One page (100 rows, third page) sorted by name, filtered to government buyers.
  const query = {
    offset: 200,
    limit: 100,
    sort: [{ field: 'name', desc: false }],
    filters: [{ field: 'buyerType', op: 'in', values: ['government'] }],
  };
  const page = sqlite.prepare(
    `select a.id, a.name, a.uscc, a.buyer_type, a.industry, a.province_code, a.city_code, a.district_code, a.grade,
            a.value_type, a.lifecycle, a.source, a.owner_id, o.name as owner_name, a.parent_id, p.name as parent_name,
            a.address, a.fleet_total, a.contact_count, a.subordinate_count, a.created_at, a.updated_at,
            a.org_nature, a.org_nature_confirmed, f.revenue_fen, f.units, f.purchases, f.last_purchase_on,
            f.last_contact_on, f.open_pipeline_fen, f.margin_floor_fen, f.fleet_share_bp
       from accounts a left join accounts p on p.id = a.parent_id left join staff o on o.id = a.owner_id
            left join account_facts f on f.account_id = a.id
      where a.buyer_type in (?) order by a.name_sort asc, a.id asc limit ? offset ?`,
  );
  const count = sqlite.prepare('select count(*) as n from accounts a where a.buyer_type in (?)');
  const raw = () => ({
    rows: page.all('government', 100, 200),
    total: (count.get('government') as { n: number }).n,
  });
  const api = async () => {
    const r = await app.dispatch('accounts.list', query);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const apiRows = ((await api()) as { rows: { id: number }[] }).rows.map((r) => r.id);
  const rawRows = (raw().rows as { id: number }[]).map((r) => r.id);
  if (JSON.stringify(apiRows) !== JSON.stringify(rawRows))
    throw new Error('the API and the raw statement disagree');
  const t = await compare(300, api, raw);
  results.push({
    name: `accounts.list page (100 of ${total}, sort name, filter buyer type) via dispatch vs raw better-sqlite3`,
    value: t.candidate,
    unit: 'ms',
    baseline: t.baseline,
    ratio: t.candidate / t.baseline,
    target: { ratio: 1.5, max: 50 },
  });

  // 2. The quick search: its own stores, six kinds of term, checked against LIKE.
  await benchSearch(results);

  // The opportunities board and the calendar (50,000 opportunities, 20,000 tenders).
  await benchSales(app, results);
  if (process.env.BENCH_ONLY === 'sales') {
    report(results, true);
    await app.close();
    return;
  }

  // 3. Export of the 100,000 accounts (every column) through the real path, cold processes,
  // against exceljs's streaming writer writing the same rows (export-bench.ts).
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await benchExport(dataDir, results);

  // 4. A full sheet: 1,048,575 accounts (+ the header row) exported by a process of its own, whose
  // peak RSS is the number that matters. Skipped with BENCH_FULL_SHEET=0 (it takes minutes).
  if (process.env.BENCH_FULL_SHEET !== '0') {
    const FULL = 1_048_575;
    const existing = sqlite.prepare('select count(*) from accounts').pluck().get() as number;
    process.stderr.write(`adding ${FULL - existing} plain accounts for the full-sheet export…\n`);
    const insert = prepareInsert(sqlite, 'accounts', [
      'name',
      'name_norm',
      'name_sort',
      'buyer_type',
      'grade',
      'lifecycle',
      'search_text',
      'created_at',
      'updated_at',
    ]);
    const now = new Date().toISOString();
    sqlite.transaction(() => {
      for (let i = existing; i < FULL; i++) {
        const name = `批量测试单位${String(i).padStart(7, '0')}`;
        insert.run([
          name,
          name,
          `pi liang ce shi dan wei ${i}`,
          'direct',
          'C',
          'prospect',
          name,
          now,
          now,
        ]);
      }
    })();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const out = path.join(dataDir, 'full-sheet.xlsx');
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'full-sheet-export.ts'), app.dbFile, out],
      {
        encoding: 'utf8',
        maxBuffer: 1024 * 1024,
      },
    );
    if (child.status !== 0) throw new Error(`full-sheet export failed: ${child.stderr}`);
    const full = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
      seconds: number;
      rows: number;
      peakRssMb: number;
    };
    results.push({
      name: `export of a full sheet (${full.rows} rows × ${ALL_EXPORT_COLUMNS.length} columns, ${Math.round(fs.statSync(out).size / 1024 ** 2)} MB .xlsx in ${full.seconds.toFixed(0)} s): peak RSS of the exporting process`,
      value: full.peakRssMb,
      unit: 'MB',
      baseline: null,
      ratio: null,
      target: { max: 600 },
    });
  }

  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  // 5. Import of a 100,000-row × 12-column accounts sheet through the real path, cold
  // processes, against exceljs's streaming reader + raw prepared inserts (import-bench.ts).
  await benchImport(results);

  // 6. A full sheet (1,048,575 rows + header) imported by a process of its own, the same way.
  if (process.env.BENCH_FULL_SHEET !== '0') {
    const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-bench-import-'));
    try {
      const template = await emptyTemplate(importDir);
      const full = path.join(importDir, 'full.xlsx');
      process.stderr.write('writing the full-sheet import file…\n');
      await writeImportFile(full, FULL_SHEET_ROWS);
      const out = await runImport('keyfleet', freshStore(template, importDir, 'keyfleet'), full);
      if (out.created !== FULL_SHEET_ROWS)
        throw new Error(`the full-sheet import stored ${out.created} accounts`);
      results.push({
        name: `import of a full sheet (${out.created} accounts + header, ${Math.round(fs.statSync(full).size / 1024 ** 2)} MB .xlsx in ${out.seconds.toFixed(0)} s, upload → inspect → commit): peak RSS of the importing process`,
        value: out.peakRssMb,
        unit: 'MB',
        baseline: null,
        ratio: null,
        target: { max: 600 },
        loadAverage: loadAverage(),
      });
    } finally {
      fs.rmSync(importDir, { recursive: true, force: true });
    }
  }
  const met = report(results);
  if (!met) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
