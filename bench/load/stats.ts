/** Latencies by kind of request, errors, and the percentiles and table the load test prints. */
import type { Failure } from './client';

/** Reads and writes have targets; a sign-in and a whole job (upload to commit, export to file) are shown. */
export type RequestClass = 'read' | 'write' | 'auth' | 'job';

interface Sample {
  ms: number;
  ok: boolean;
  retries: number;
  /** When the answer came, in ms since the run started. */
  at: number;
}

export interface ErrorEntry {
  kind: string;
  code: string;
  detail: string;
  message: string;
  count: number;
}

export class Recorder {
  private readonly samples = new Map<string, Sample[]>();
  private readonly errors = new Map<string, ErrorEntry>();
  /** Requests that were answered CONFLICT 'busy' at least once and then retried. */
  retried = 0;
  /** Of those, the ones still busy after the last retry (counted as errors too). */
  retriedInVain = 0;
  /** Requests sent again because a kept-alive connection was closed under them (as a browser does). */
  resent = 0;
  /** The run's start (performance.now()); answers are placed in time from it. */
  startedAt = performance.now();

  constructor(private readonly classOf: (kind: string) => RequestClass) {}

  record(kind: string, ms: number, error: Failure | null, retries: number): void {
    if (retries > 0) {
      this.retried++;
      if (error) this.retriedInVain++;
    }
    const list = this.samples.get(kind) ?? [];
    list.push({ ms, ok: error === null, retries, at: performance.now() - this.startedAt });
    this.samples.set(kind, list);
    if (error) this.error(kind, error);
  }

  /** A failure found by the harness rather than answered by the server (a job that failed …). */
  error(kind: string, error: Failure): void {
    const detail = error.details?.kind ?? '';
    const key = `${kind}|${error.code}|${detail}`;
    const entry = this.errors.get(key) ?? {
      kind,
      code: error.code,
      detail,
      message: error.message.slice(0, 160),
      count: 0,
    };
    entry.count++;
    this.errors.set(key, entry);
  }

  kinds(): string[] {
    return [...this.samples.keys()];
  }

  latencies(kind: string): number[] {
    return (this.samples.get(kind) ?? []).map((s) => s.ms);
  }

  /** Answers of this kind that came only after a 'busy' retry. */
  retriedOf(kind: string): number {
    return (this.samples.get(kind) ?? []).filter((s) => s.retries > 0).length;
  }

  errorsOf(kind: string): number {
    return this.errorList()
      .filter((e) => e.kind === kind)
      .reduce((n, e) => n + e.count, 0);
  }

  classLatencies(cls: RequestClass, from = -Infinity, to = Infinity): number[] {
    return this.kinds()
      .filter((k) => this.classOf(k) === cls)
      .flatMap((k) => (this.samples.get(k) ?? []).filter((s) => s.at >= from && s.at < to))
      .map((s) => s.ms);
  }

  /** The stretches (start, end in ms since the run started) that answers of a kind took. */
  spans(kind: string): [number, number][] {
    return (this.samples.get(kind) ?? []).map((s) => [s.at - s.ms, s.at]);
  }

  /** When the last answer of a kind came (ms since the start), or 0. */
  lastAt(kind: string): number {
    return Math.max(0, ...(this.samples.get(kind) ?? []).map((s) => s.at));
  }

  /** The slowest answers of a class, with when they came. */
  slowest(cls: RequestClass, n: number): { kind: string; ms: number; at: number }[] {
    return this.kinds()
      .filter((k) => this.classOf(k) === cls)
      .flatMap((kind) => (this.samples.get(kind) ?? []).map((s) => ({ kind, ms: s.ms, at: s.at })))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, n);
  }

  errorList(): ErrorEntry[] {
    return [...this.errors.values()].sort((a, b) => b.count - a.count);
  }

  errorCount(): number {
    return this.errorList().reduce((n, e) => n + e.count, 0);
  }

  classOfKind(kind: string): RequestClass {
    return this.classOf(kind);
  }
}

/** The nearest-rank percentile (p in 0–100) of unsorted values; NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Summary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(values: number[]): Summary {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

/** Fixed-width rows: the first column left-aligned, the rest right-aligned. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => {
          const pad = ' '.repeat(widths[i]! - [...c].length);
          return i === 0 ? c + pad : pad + c;
        })
        .join('  '),
    )
    .join('\n');
}

export function ms(value: number): string {
  return Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0);
}
