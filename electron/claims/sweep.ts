/**
 * The claims sweep: the only place where a claim's protection running out is written. Reads never
 * write (they show a claim past its protection as expired: see shared/claim-rules effectiveStatus);
 * this sweep records each expiry once, audited, at start-up and then on a timer. Idempotent: a
 * claim already expired is not touched again, so two sweeps, or a sweep racing a person's change,
 * audit each expiry exactly once.
 */
import type { Kysely } from 'kysely';
import { now as clockNow } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import { ACTIVE_CLAIM_STATUSES } from '../../shared/filing-enums';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { expireClaim, reconcileClaim } from './service';

/** Every ten minutes: a day's expiries are written soon after the China day turns. */
export const CLAIM_SWEEP_INTERVAL_MS = 10 * 60_000;

export interface SweepResult {
  expired: number;
  reconciled: number;
}

/**
 * Expires the claims whose protection ended before today (China, on the business clock); with
 * `reconcile`, also brings claims put "in conflict" by a colleague alone into today's rules.
 */
export async function sweepClaims(
  db: Kysely<Database>,
  options: { now?: Date; reconcile?: boolean } = {},
): Promise<SweepResult> {
  const at = options.now ?? clockNow();
  const today = chinaDate(at);
  const due = await db
    .selectFrom('claims')
    .select('id')
    .where('status', 'in', [...ACTIVE_CLAIM_STATUSES])
    .where('expires_on', '<', today)
    .execute();
  const legacy = options.reconcile
    ? await db
        .selectFrom('claims')
        .select('id')
        .where('source', '=', 'ours')
        .where('status', '=', 'conflict')
        .where('overlap_since', 'is', null)
        .where('expires_on', '>=', today)
        .execute()
    : [];
  if (due.length === 0 && legacy.length === 0) return { expired: 0, reconciled: 0 };
  return writeTx(db, async (trx) => {
    let expired = 0;
    let reconciled = 0;
    for (const c of due) if (await expireClaim(trx, c.id, today, at.toISOString())) expired++;
    for (const c of legacy) if (await reconcileClaim(trx, c.id)) reconciled++;
    return { expired, reconciled };
  });
}

export interface ClaimSweeper {
  /** Stops the timer and waits for a sweep in progress to end. */
  stop(): Promise<void>;
}

/**
 * Runs `sweepClaims` every `intervalMs` until stopped. A sweep that fails (the database busy with
 * a job's write) is logged and tried again at the next tick; sweeps never overlap.
 */
export function scheduleClaimSweep(
  db: Kysely<Database>,
  options: {
    intervalMs?: number;
    log?: (message: string) => void;
    /** Told when a sweep changed claims (the live event hub). */
    onSwept?: (result: SweepResult) => void;
  } = {},
): ClaimSweeper {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = sweepClaims(db)
      .then(
        (result) => {
          if (result.expired + result.reconciled > 0) options.onSwept?.(result);
        },
        (error: unknown) =>
          options.log?.(
            `claims sweep failed, tried again later: ${error instanceof Error ? error.message : String(error)}`,
          ),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, options.intervalMs ?? CLAIM_SWEEP_INTERVAL_MS);
  // The sweep never keeps a process alive on its own.
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
