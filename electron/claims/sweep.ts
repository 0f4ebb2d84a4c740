/**
 * The claims sweep: the only place where a claim's protection running out is written. Reads never
 * write (they show a claim past its protection as expired: see shared/claim-rules effectiveStatus);
 * this sweep records each expiry once, audited, at start-up and then on a timer. Idempotent: a
 * claim already expired is not touched again, so two sweeps, or a sweep racing a person's change,
 * audit each expiry exactly once.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { reconcileClaim } from './conflicts';
import { expireClaim } from './protection';
import { claimsInLegacyConflict, claimsPastProtection } from './repository';

/** Every ten minutes: a day's expiries are written soon after the China day turns. */
const CLAIM_SWEEP_INTERVAL_MS = 10 * 60_000;

interface SweepResult {
  expired: number;
  reconciled: number;
}

/**
 * Expires the claims whose protection ended before today (China, on `clock`); with `reconcile`,
 * also brings claims put "in conflict" by a colleague alone into today's rules.
 */
export async function sweepClaims(
  db: Kysely<Database>,
  clock: Clock,
  options: { reconcile?: boolean } = {},
): Promise<SweepResult> {
  const at = clock.now();
  const today = chinaDate(at);
  const due = await claimsPastProtection(db, today);
  const legacy = options.reconcile ? await claimsInLegacyConflict(db, today) : [];
  if (due.length === 0 && legacy.length === 0) return { expired: 0, reconciled: 0 };
  return writeTx(db, async (trx) => {
    let expired = 0;
    let reconciled = 0;
    for (const c of due)
      if (await expireClaim(trx, clock, c.id, today, at.toISOString())) expired++;
    for (const c of legacy) if (await reconcileClaim(trx, clock, c.id)) reconciled++;
    return { expired, reconciled };
  });
}

interface ClaimSweeper {
  /** Stops the timer and waits for a sweep in progress to end. */
  stop(): Promise<void>;
}

/**
 * Runs `sweepClaims` on `clock` every `intervalMs` until stopped. A sweep that fails (the database busy with
 * a job's write) is logged and tried again at the next tick; sweeps never overlap.
 */
export function scheduleClaimSweep(
  db: Kysely<Database>,
  clock: Clock,
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
    running = sweepClaims(db, clock)
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
