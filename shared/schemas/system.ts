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

export const jobState = z.enum(['running', 'done', 'failed', 'cancelled']);
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
  /** `kind` names the problem for translation (e.g. `encrypted`, `legacy_xls`), as in error details. */
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

export const auditVerify = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.number().int().nullable(),
});
