/** Timing helpers: interleaved runs, medians, and the result file `npm run bench` writes. */
import fs from 'node:fs';
import path from 'node:path';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  /** The ratio to stay within (and, for some, an absolute ceiling in `unit`). */
  target: { ratio?: number; max?: number } | null;
  /** Which command wrote the line (`npm run bench` when absent), so each replaces only its own. */
  suite?: string;
  /** The machine's 1, 5 and 15 minute load averages when the figure was taken. */
  loadAverage?: number[];
  /** CPU time the process spent (all its threads), median per round: steadier than `value` on a busy machine. */
  cpu?: number;
}

const LATEST = path.resolve(__dirname, 'out', 'latest.json');

/**
 * Writes `results` to bench/out/latest.json in place of the lines an earlier run of the same suite
 * wrote, keeping the other suites' lines (the load test and `npm run bench` share the file). A
 * partial run (`BENCH_ONLY=…`) replaces only the lines it measured: those of the same name once
 * its figures are left out (a name says what was measured, with counts and timings that vary).
 */
const lineKey = (name: string) => name.replace(/\d[\d.,–-]*/g, '#');

export function writeResults(
  results: BenchResult[],
  suite = 'bench',
  file = LATEST,
  partial = false,
): void {
  const names = new Set(results.map((r) => lineKey(r.name)));
  const replaced = (r: BenchResult) =>
    (r.suite ?? 'bench') === suite && (!partial || names.has(lineKey(r.name)));
  let kept: BenchResult[] = [];
  try {
    const existing = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (Array.isArray(existing)) kept = (existing as BenchResult[]).filter((r) => !replaced(r));
  } catch {
    // no earlier results (or an unreadable file): start afresh
  }
  const mine = results.map((r) => (suite === 'bench' ? r : { ...r, suite }));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify([...kept, ...mine], null, 2) + '\n');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs the candidate and its baseline alternately so that machine noise hits both alike. */
export async function compare(
  iterations: number,
  candidate: () => Promise<unknown> | unknown,
  baseline: () => Promise<unknown> | unknown,
): Promise<{ candidate: number; baseline: number }> {
  for (let i = 0; i < Math.min(20, iterations); i++) {
    await candidate();
    await baseline();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < iterations; i++) {
    let t = performance.now();
    await candidate();
    a.push(performance.now() - t);
    t = performance.now();
    await baseline();
    b.push(performance.now() - t);
  }
  return { candidate: median(a), baseline: median(b) };
}

/** Prints one line per result (with the load average where taken) and writes latest.json. */
export function report(results: BenchResult[], partial = false): boolean {
  let allMet = true;
  for (const r of results) {
    const met =
      r.target === null ||
      ((r.target.ratio === undefined || (r.ratio ?? Infinity) <= r.target.ratio) &&
        (r.target.max === undefined || r.value <= r.target.max));
    allMet &&= met;
    const ratio = r.ratio === null ? '' : ` ratio ${r.ratio.toFixed(2)}×`;
    const baseline = r.baseline === null ? '' : ` (baseline ${r.baseline.toFixed(3)} ${r.unit})`;
    const target = r.target
      ? ` target ${[r.target.ratio && `≤ ${r.target.ratio}×`, r.target.max && `≤ ${r.target.max} ${r.unit}`].filter(Boolean).join(', ')} ${met ? 'met' : 'MISSED'}`
      : '';
    const cpu = r.cpu === undefined ? '' : `, CPU ${r.cpu.toFixed(3)} ${r.unit}`;
    const load = r.loadAverage ? ` (load average ${r.loadAverage.join(' ')}${cpu})` : '';
    console.log(`${r.name}: ${r.value.toFixed(3)} ${r.unit}${baseline}${ratio}${target}${load}`);
  }
  writeResults(results, 'bench', LATEST, partial);
  return allMet;
}

/**
 * This process's peak resident memory in MB. Linux's VmHWM belongs to the process image, so it
 * starts afresh at exec; getrusage's maxRSS does not (a child spawned by fork + exec inherits the
 * parent's high-water mark, which made a full-sheet child look as large as the bench itself).
 */
export function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s*(\d+)\s*kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** "min–max" of a bench's per-round figures, for a line's name. */
export function range(values: number[], digits: number): string {
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
}

/** The line holding the app's main thread to 50 ms while a job of `what` ran in a worker. */
export function mainThreadBlockLine(
  what: string,
  blocks: number[],
  loadAverage: number[],
): BenchResult {
  return {
    name: `${what}: the app's main thread's longest block while it ran (largest of ${blocks.length}; the job runs in a worker)`,
    value: Math.max(...blocks),
    unit: 'ms',
    baseline: null,
    ratio: null,
    target: { max: 50 },
    loadAverage,
  };
}
