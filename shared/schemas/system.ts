import { z } from 'zod';
import { ERROR_CODES } from '../result';
import { id, timestamp } from './common';

export const appInfo = z.object({
  version: z.string(),
  /** `team`: a team server; the others are one person's data folder (solo). */
  mode: z.enum(['electron', 'browser', 'team']),
  /** How people sign in here: pick a name (solo) or login and password (team). */
  signIn: z.enum(['pick', 'password']),
  dataDir: z.string(),
  accountCount: z.number().int(),
  /** An empty database whose user has not yet accepted or declined the demo data. */
  offerDemo: z.boolean(),
  /**
   * What schema upgrades changed in the user's data (e.g. how many accounts got a suggested
   * organisation nature), as codes and parameters the UI words.
   */
  upgradeNotes: z.array(
    z.object({
      migration: z.string(),
      appliedAt: timestamp,
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
    }),
  ),
});

const jobState = z.enum(['running', 'done', 'failed', 'cancelled']);
export const job = z.object({
  id: z.string(),
  kind: z.string(),
  state: jobState,
  done: z.number(),
  total: z.number(),
  /** Units per second over the job so far, for the progress bar. */
  rate: z.number(),
  message: z.string().nullable(),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  /** `kind` names the problem for translation (e.g. `encrypted`, `too_many_cells`), as in error details. */
  error: z
    .object({ code: z.enum(ERROR_CODES), message: z.string(), kind: z.string().nullable() })
    .nullable(),
});
export type Job = z.infer<typeof job>;

export const prefKey = z.string().regex(/^[a-zA-Z0-9._:-]{1,100}$/);

export const auditEntry = z.object({
  id,
  at: timestamp,
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** A chain head recorded outside the database: its last entry's id and hash. */
export const auditHeadSchema = z.object({
  id: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const auditVerifyInput = z.object({ head: auditHeadSchema.optional() }).strict().default({});

/**
 * What went wrong, for words in the UI: an entry changed in place (edited), re-hashed without the
 * key (rewritten), an entry missing before #entryId (removed), entries after #entryId missing
 * compared with a recorded head #headId (cut), a chain that lost its keyed part (unkeyed), keyed
 * entries with no key to check them (no_key).
 */
const auditProblemKind = z.enum(['edited', 'rewritten', 'removed', 'cut', 'unkeyed', 'no_key']);
export type AuditProblemKind = z.infer<typeof auditProblemKind>;

export const auditVerify = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
  problem: z
    .object({
      kind: auditProblemKind,
      entryId: z.number().int().nullable(),
      headId: z.number().int().nullable(),
    })
    .nullable(),
});
export type AuditVerify = z.infer<typeof auditVerify>;
