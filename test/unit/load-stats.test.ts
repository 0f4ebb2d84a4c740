/** The load test's arithmetic and its share of bench/out/latest.json. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BenchResult, writeResults } from '../../bench/harness';
import { percentile, Recorder, summarize } from '../../bench/load/stats';
import { tempDir } from '../helpers/db';

const line = (name: string, value: number): BenchResult => ({
  name,
  value,
  unit: 'ms',
  baseline: null,
  ratio: null,
  target: { max: 200 },
});

describe('load test figures', () => {
  it('takes nearest-rank percentiles: p99 of 100 answers is the 99th slowest, not an average', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
    expect(summarize([3, 1, 2])).toEqual({ count: 3, p50: 2, p99: 3, max: 3 });
  });

  it('counts a busy answer retried into success as retried, and one still busy as an error', () => {
    const recorder = new Recorder(() => 'write');
    recorder.record('activities.create', 12, null, 2);
    recorder.record(
      'activities.create',
      40,
      { code: 'CONFLICT', message: 'busy', details: { kind: 'busy' } },
      5,
    );
    recorder.record('claims.create', 9, null, 0);
    expect(recorder.retried).toBe(2);
    expect(recorder.retriedInVain).toBe(1);
    expect(recorder.retriedOf('activities.create')).toBe(2);
    expect(recorder.errorList()).toMatchObject([
      { kind: 'activities.create', code: 'CONFLICT', detail: 'busy', count: 1 },
    ]);
    expect(recorder.classLatencies('write').sort((a, b) => a - b)).toEqual([9, 12, 40]);
  });

  it('replaces only its own suite’s lines in latest.json, keeping the benchmarks’', () => {
    const file = path.join(tempDir('keyfleet-bench-out-'), 'latest.json');
    writeResults([line('accounts.list page', 3)], 'bench', file);
    writeResults([line('load test: reads p99', 150)], 'loadtest', file);
    writeResults([line('load test: reads p99', 120)], 'loadtest', file);
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult[];
    expect(kept.map((r) => [r.name, r.value, r.suite])).toEqual([
      ['accounts.list page', 3, undefined],
      ['load test: reads p99', 120, 'loadtest'],
    ]);
    // `npm run bench` rewrites its own lines and leaves the load test's.
    writeResults([line('accounts.list page', 4)], 'bench', file);
    const again = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult[];
    expect(again.map((r) => [r.name, r.value])).toEqual([
      ['load test: reads p99', 120],
      ['accounts.list page', 4],
    ]);
  });

  it('a partial run replaces the lines it measured though their figures changed, and keeps the rest', () => {
    const file = path.join(tempDir('keyfleet-bench-out-'), 'latest.json');
    writeResults(
      [
        line('pipeline (100204 rows) — first call 85 ms', 70),
        line('first load (range 698–813 ms)', 780),
      ],
      'bench',
      file,
    );
    writeResults([line('pipeline (100311 rows) — first call 91 ms', 74)], 'bench', file, true);
    const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult[];
    expect(kept.map((r) => [r.name, r.value])).toEqual([
      ['first load (range 698–813 ms)', 780],
      ['pipeline (100311 rows) — first call 91 ms', 74],
    ]);
  });
});
