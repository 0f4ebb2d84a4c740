/**
 * Runs fuzz cases against a dispatch-like target and counts the answers. A case that answers
 * `INTERNAL` is a finding.
 */
import type { MethodDescription } from '../../electron/transport/describe';
import type { Result } from '../../shared/result';
import {
  type FuzzCase,
  type GenContext,
  type Json,
  Rng,
  type Schema,
  fuzzCase,
  vocabulary,
} from './schema-values';

/** Who calls: a name for the report, and the call as that person. */
export interface FuzzCaller {
  name: string;
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Signs in again if an earlier case signed this caller out or changed their password. */
  ensure?(): Promise<void>;
}

export interface Finding {
  caller: string;
  method: string;
  mutation: FuzzCase['mutation'];
  at: string;
  message: string;
  input: string;
}

export interface FuzzFigures {
  requests: number;
  /** Answers by result code (`OK` for a success). */
  byCode: Record<string, number>;
  internal: Finding[];
  /** Jobs the calls started (for the caller to wait for and check). */
  jobIds: string[];
}

export interface FuzzPlan {
  methods: readonly MethodDescription[];
  callers: readonly FuzzCaller[];
  /** How many cases each method gets (per caller). */
  casesFor(method: string): number;
  seed: number;
  ctx: GenContext;
  /** Methods left out (with the reason at the call site). */
  skip?: ReadonlySet<string>;
}

export function emptyFigures(): FuzzFigures {
  return { requests: 0, byCode: {}, internal: [], jobIds: [] };
}

function excerpt(input: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(input) ?? 'undefined';
  } catch {
    text = String(input);
  }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
}

export function record(
  figures: FuzzFigures,
  result: Result<unknown>,
  finding: Omit<Finding, 'message'>,
): void {
  figures.requests++;
  const code = result.ok ? 'OK' : result.error.code;
  figures.byCode[code] = (figures.byCode[code] ?? 0) + 1;
  if (result.ok) {
    const jobId = (result.value as { jobId?: unknown } | null)?.jobId;
    if (typeof jobId === 'string') figures.jobIds.push(jobId);
    return;
  }
  if (code !== 'INTERNAL') return;
  figures.internal.push({ ...finding, message: result.error.message.slice(0, 300) });
}

/** Every method, as every caller, `casesFor(method)` cases each; one seeded sequence per caller. */
export async function fuzz(plan: FuzzPlan, figures = emptyFigures()): Promise<FuzzFigures> {
  for (const [c, caller] of plan.callers.entries()) {
    const rng = new Rng(plan.seed * 31 + c);
    for (const method of plan.methods) {
      if (plan.skip?.has(method.name)) continue;
      await caller.ensure?.();
      const schema = method.input as Schema;
      const ctx = { ...plan.ctx, words: vocabulary(schema) };
      for (let i = 0; i < plan.casesFor(method.name); i++) {
        const fc = fuzzCase(schema, i, rng, ctx);
        const result = await caller.call(method.name, fc.input as Json);
        record(figures, result, {
          caller: caller.name,
          method: method.name,
          mutation: fc.mutation,
          at: fc.at,
          input: excerpt(fc.input),
        });
      }
    }
  }
  return figures;
}

/** The figures in a few lines, for the test's output and the issue note. */
export function summary(label: string, figures: FuzzFigures): string {
  const codes = Object.entries(figures.byCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  return `${label}: ${figures.requests} requests; ${codes}; INTERNAL: ${figures.internal.length}`;
}
