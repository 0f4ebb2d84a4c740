/**
 * The manufacturer's order for competing claims on one organisation: the customer's wish first,
 * then development progress (the evidence counts), then filing time (earliest first). Pure, so
 * the conflict view, the dossier and the tests rank alike.
 */
import type { ConflictRule } from './filing-enums';

export interface RankedClaim {
  claimId: number;
  customerWish: boolean;
  evidenceCount: number;
  /** UTC ISO; a claim not yet filed ranks after every filed one. */
  filedAt: string | null;
}

export interface Ranking<T extends RankedClaim> {
  ranked: T[];
  winner: T;
  decidedBy: ConflictRule;
  facts: Record<string, string | number | boolean | null>;
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

/** Ranks two or more claims and says which rule separated the winner from the runner-up. */
export function rankClaims<T extends RankedClaim>(claims: readonly T[]): Ranking<T> {
  if (claims.length === 0) throw new Error('rankClaims needs at least one claim');
  const ranked = [...claims].sort(compare);
  const winner = ranked[0]!;
  const runnerUp = ranked[1];
  const decidedBy: ConflictRule =
    runnerUp === undefined || winner.customerWish !== runnerUp.customerWish
      ? 'customer_wish'
      : winner.evidenceCount !== runnerUp.evidenceCount
        ? 'development'
        : 'filing_time';
  return {
    ranked,
    winner,
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
