/**
 * `BENCH_ONLY=xls`: a full legacy sheet (65,535 accounts + header = 65,536 rows, the .xls limit,
 * × 12 columns) imported through the path a user takes — uploaded, inspected, committed on the
 * built server — from an .xls and from the same data as .xlsx. Each import has a server process
 * of its own (bench/import-server.ts, so its peak RSS is its own), .xls and .xlsx alternating,
 * five rounds, medians. Both must store the same accounts (content hash).
 * Targets: the .xls's peak RSS < 600 MB and its time within 2× the .xlsx's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BenchResult, median } from './harness';
import { emptyTemplate, freshStore, runImport } from './import-bench';
import { writeImportFile } from './import-job';

const ROWS = 65_535;
const ROUNDS = 5;

/**
 * The same workbook saved as .xls by LibreOffice (SheetJS's own BIFF8 writer grows past 4 GB on
 * a sheet this size).
 */
function writeXls(xlsx: string, dir: string): string {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  if (!soffice) throw new Error('BENCH_ONLY=xls needs LibreOffice (soffice) to write the .xls');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-bench-lo-'));
  try {
    const run = spawnSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'xls:MS Excel 97',
        '--outdir',
        dir,
        xlsx,
      ],
      { encoding: 'utf8', timeout: 900_000 },
    );
    const out = xlsx.replace(/\.xlsx$/, '.xls');
    if (run.status !== 0 || !fs.existsSync(out))
      throw new Error(`LibreOffice could not write the .xls: ${run.stderr}`);
    return out;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

export async function benchXlsImport(results: BenchResult[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-bench-xls-'));
  try {
    const template = await emptyTemplate(dir);
    const xlsx = path.join(dir, 'accounts.xlsx');
    process.stderr.write(`writing ${ROWS} accounts as .xlsx and as .xls…\n`);
    await writeImportFile(xlsx, ROWS);
    const xls = writeXls(xlsx, dir);

    const times: Record<'xls' | 'xlsx', number[]> = { xls: [], xlsx: [] };
    const rss: Record<'xls' | 'xlsx', number[]> = { xls: [], xlsx: [] };
    const loads: number[][] = [];
    const hashes = new Set<string>();
    for (let round = 0; round < ROUNDS; round++)
      for (const [kind, file] of [
        ['xls', xls],
        ['xlsx', xlsx],
      ] as const) {
        loads.push(os.loadavg());
        const r = await runImport('keyfleet', freshStore(template, dir, 'keyfleet'), file);
        if (r.created !== ROWS || r.format !== kind)
          throw new Error(`${kind}: ${r.created} accounts created as ${r.format}, not ${ROWS}`);
        hashes.add(r.hash);
        if (hashes.size > 1) throw new Error(`the ${kind} import stored other accounts`);
        times[kind].push(r.seconds);
        rss[kind].push(r.peakRssMb);
        process.stderr.write(
          `round ${round + 1} ${kind}: ${r.seconds.toFixed(2)} s, peak RSS ${r.peakRssMb.toFixed(0)} MB (load ${os
            .loadavg()
            .map((l) => l.toFixed(2))
            .join(' ')})\n`,
        );
      }
    const loadAverage = os.loadavg().map((l) => Number(l.toFixed(2)));
    const [tXls, tXlsx] = [median(times.xls), median(times.xlsx)];
    const size = (f: string) => `${(fs.statSync(f).size / 1024 ** 2).toFixed(0)} MB`;
    results.push(
      {
        name: `import of ${ROWS} accounts + header from .xls (${size(xls)}, upload → inspect → commit, same content hash) vs the same data as .xlsx (${size(xlsx)})`,
        value: tXls,
        unit: 's',
        baseline: tXlsx,
        ratio: tXls / tXlsx,
        target: { ratio: 2 },
        loadAverage,
      },
      {
        name: `import of ${ROWS} accounts + header from .xls: peak RSS of the importing process (largest of ${ROUNDS}; .xlsx ${Math.max(...rss.xlsx).toFixed(0)} MB)`,
        value: Math.max(...rss.xls),
        unit: 'MB',
        baseline: null,
        ratio: null,
        target: { max: 600 },
        loadAverage,
      },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
