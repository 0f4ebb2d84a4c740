/**
 * The export of the whole accounts view (100,000 accounts, every column) through the path a user
 * takes against the same rows written by exceljs's streaming writer: each export a cold process
 * of its own (bench/export-child.ts), the two sides alternating for ≥ 5 rounds, medians and
 * ranges, the load average beside them. Both must write the same table (content hash) or the
 * bench stops. Targets: ≤ 1.25× the baseline; the app's main thread never blocked over 50 ms.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ExportChildResult, exportOnServer } from './export-child';
import { ALL_EXPORT_COLUMNS } from './export-job';
import { type BenchResult, mainThreadBlockLine, median, range } from './harness';
import { BUILT_SERVER } from './server-process';

const ROUNDS = Math.max(5, Number(process.env.BENCH_EXPORT_ROUNDS ?? 5));

type Side = 'keyfleet' | 'raw';

/** One export, cold: Keyfleet's on the built server, the raw side in a child process. */
async function runExport(side: Side, dataDir: string, out: string): Promise<ExportChildResult> {
  fs.rmSync(out, { force: true });
  if (side === 'keyfleet') return exportOnServer(dataDir, out);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'export-child.ts'), dataDir, out],
    { encoding: 'utf8', maxBuffer: 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`the raw export failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ExportChildResult;
}

/** `store`: a data folder (keyfleet.sqlite and its audit key) holding the accounts to export. */
export async function benchExport(store: string, results: BenchResult[]): Promise<void> {
  if (!fs.existsSync(BUILT_SERVER))
    throw new Error(`no built server at ${BUILT_SERVER}: run \`npm run build\` first`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-bench-export-'));
  try {
    // A copy of its own: the app adds its export files and backups beside the database.
    const dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    for (const f of ['keyfleet.sqlite', 'audit.key'])
      fs.copyFileSync(path.join(store, f), path.join(dataDir, f));
    const times: Record<Side, number[]> = { keyfleet: [], raw: [] };
    const ratios: number[] = [];
    const loads: number[] = [];
    const blocks: number[] = [];
    const rss: number[] = [];
    let hash: string | null = null;
    let rows = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const order: Side[] = round % 2 === 0 ? ['keyfleet', 'raw'] : ['raw', 'keyfleet'];
      const took: Partial<Record<Side, number>> = {};
      for (const side of order) {
        const r = await runExport(side, dataDir, path.join(dir, `${side}.xlsx`));
        if (hash !== null && r.hash !== hash)
          throw new Error(`the ${side} export wrote another table (content hash)`);
        hash = r.hash;
        rows = r.rows;
        times[side].push(r.seconds);
        took[side] = r.seconds;
        if (r.mainThreadBlockMs !== null) blocks.push(r.mainThreadBlockMs);
        if (side === 'keyfleet') rss.push(r.peakRssMb);
      }
      ratios.push(took.keyfleet! / took.raw!);
      loads.push(os.loadavg()[0]!);
      process.stderr.write(
        `export round ${round + 1}: keyfleet ${took.keyfleet!.toFixed(2)} s, raw ${took.raw!.toFixed(2)} s (load ${loads.at(-1)!.toFixed(2)})\n`,
      );
    }
    const loadAverage = [Math.min(...loads), Math.max(...loads)].map((l) => Number(l.toFixed(2)));
    const [keyfleet, raw] = [median(times.keyfleet), median(times.raw)];
    results.push(
      {
        name: `export of ${rows} accounts (${ALL_EXPORT_COLUMNS.length} columns, .xlsx; exports.accounts on the built server and the download, cold processes, same content hash) vs the same rows and cell rules through exceljs's streaming writer: median of ${ROUNDS} rounds, round ratios ${range(ratios, 2)}, Keyfleet ${range(times.keyfleet, 1)} s, raw ${range(times.raw, 1)} s, Keyfleet's peak RSS ${Math.max(...rss).toFixed(0)} MB`,
        value: keyfleet,
        unit: 's',
        baseline: raw,
        ratio: keyfleet / raw,
        target: { ratio: 1.25 },
        loadAverage,
      },
      mainThreadBlockLine(`export of ${rows} accounts`, blocks, loadAverage),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
