/**
 * The rules of competing claims on one organisation, pure so that the services, the dossier and
 * the tests decide alike:
 * - the manufacturer's order applies between dealers only: the customer's wish first, then
 *   development progress (the evidence counts), then filing time (earliest first);
 * - two claims of our own dealership on one organisation are an internal overlap that a manager
 *   settles, never ranked by the manufacturer's order;
 * - a claim's protection ends with its expiry day (China): from the next day it is expired, whether
 *   or not the expiry sweep has written that yet.
 */
import {
  ACTIVE_CLAIM_STATUSES,
  type ClaimSource,
  type ClaimStatus,
  type ConflictRule,
} from './filing-enums';

interface RankedClaim {
  claimId: number;
  /** Whose claim it is in the manufacturer's eyes: our dealership, or one other dealer. */
  party: string;
  customerWish: boolean;
  evidenceCount: number;
  /** UTC ISO; a claim not yet filed ranks after every filed one. */
  filedAt: string | null;
}

interface Ranking<T extends RankedClaim> {
  ranked: T[];
  winner: T;
  /** The best claim of another party than the winner's; null when no other party claims. */
  runnerUp: T | null;
  decidedBy: ConflictRule;
  facts: Record<string, string | number | boolean | null>;
}

/** Our dealership is one party; each other dealer (by its name as reported) is another. */
export function partyOf(source: ClaimSource, dealerName: string | null): string {
  return source === 'ours' ? 'ours' : `dealer:${(dealerName ?? '').trim()}`;
}

function compare(a: RankedClaim, b: RankedClaim): number {
  if (a.customerWish !== b.customerWish) return a.customerWish ? -1 : 1;
  if (a.evidenceCount !== b.evidenceCount) return b.evidenceCount - a.evidenceCount;
  if (a.filedAt !== b.filedAt) {
    if (a.filedAt === null) return 1;
    if (b.filedAt === null) return -1;
    return a.filedAt < b.filedAt ? -1 : 1;
  }
  return a.claimId - b.claimId;
}

/**
 * Ranks claims of two or more parties and says which rule separated the winner from the best
 * claim of another party (never from a claim of the winner's own party).
 */
export function rankClaims<T extends RankedClaim>(claims: readonly T[]): Ranking<T> {
  if (claims.length === 0) throw new Error('rankClaims needs at least one claim');
  const ranked = [...claims].sort(compare);
  const winner = ranked[0]!;
  const runnerUp = ranked.find((c) => c.party !== winner.party) ?? null;
  const decidedBy: ConflictRule =
    runnerUp === null || winner.customerWish !== runnerUp.customerWish
      ? 'customer_wish'
      : winner.evidenceCount !== runnerUp.evidenceCount
        ? 'development'
        : 'filing_time';
  return {
    ranked,
    winner,
    runnerUp,
    decidedBy,
    facts: {
      winnerWish: winner.customerWish,
      runnerUpWish: runnerUp?.customerWish ?? null,
      winnerEvidence: winner.evidenceCount,
      runnerUpEvidence: runnerUp?.evidenceCount ?? null,
      winnerFiledAt: winner.filedAt,
      runnerUpFiledAt: runnerUp?.filedAt ?? null,
    },
  };
}

export interface Collisions<T> {
  /** Other parties' claims, the best of each party: what the manufacturer ranks against. */
  rivals: T[];
  /** Our own colleagues' claims on the same organisation (only when the claim looked at is ours). */
  overlap: T[];
}

/**
 * Splits the claims colliding with `self` into the other parties' (ranked by the manufacturer, one
 * claim each: the party's best) and, for a claim of ours, our own other claims (an internal
 * overlap). Another claim of the same other dealer is neither: it is that dealer's business.
 */
export function splitCollisions<T extends RankedClaim>(
  self: T,
  others: readonly T[],
): Collisions<T> {
  const best = new Map<string, T>();
  for (const o of others) {
    if (o.party === self.party) continue;
    const held = best.get(o.party);
    if (!held || compare(o, held) < 0) best.set(o.party, o);
  }
  return {
    rivals: [...best.values()],
    overlap: self.party === 'ours' ? others.filter((o) => o.party === 'ours') : [],
  };
}

/** When an internal overlap began: the second filing of it (null while the claim is a draft). */
export function overlapSince(
  self: { filedAt: string | null },
  overlap: readonly { filedAt: string | null }[],
): string | null {
  const earliest = overlap
    .map((o) => o.filedAt)
    .filter((t): t is string => t !== null)
    .sort()[0];
  if (self.filedAt === null || earliest === undefined) return null;
  return self.filedAt > earliest ? self.filedAt : earliest;
}

const ACTIVE: readonly string[] = ACTIVE_CLAIM_STATUSES;

/** True when an active claim's protection ended before `today` (a China date, YYYY-MM-DD). */
export function isPastProtection(status: string, expiresOn: string | null, today: string): boolean {
  return ACTIVE.includes(status) && expiresOn !== null && expiresOn < today;
}

/**
 * The status a person sees: an active claim past its protection is expired even before the
 * expiry sweep has recorded it (reads never write).
 */
export function effectiveStatus(
  status: ClaimStatus,
  expiresOn: string | null,
  today: string,
): ClaimStatus {
  return isPastProtection(status, expiresOn, today) ? 'expired' : status;
}
