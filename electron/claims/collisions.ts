/**
 * Which active claims collide with one (the same organisation by account, USCC, name, alias or
 * hierarchy): other dealers' ranked by the manufacturer's order as a conflict, our colleagues' as
 * an internal overlap. A read: marking and settling them is conflicts.ts.
 */
import type { Kysely } from 'kysely';
import { overlapSince, partyOf, rankClaims, splitCollisions } from '../../shared/claim-rules';
import type { ClaimRow, ConflictView, OverlapView } from '../../shared/schemas/claims';
import type { Database } from '../db/schema';
import { activeClaimsOn, lookAlikes } from './collisions-repository';
import type { ClaimRecord } from './record-repository';
import { getClaimRows } from './repository';

export interface Collisions {
  /** Other dealers' claims against this one (or ours against another dealer's), ranked. */
  conflict: ConflictView | null;
  /** Our own other active claims on the organisation, when this claim is ours. */
  overlap: OverlapView | null;
  /** Every active claim colliding with this one. */
  others: ClaimRow[];
}

/**
 * The active claims on the same organisation as this one (by account, USCC, name, alias or
 * hierarchy): other dealers' ranked by the manufacturer's order, our colleagues' as an overlap.
 */
export async function collisionsOf(
  db: Kysely<Database>,
  claim: Pick<ClaimRecord, 'id' | 'account_id'>,
  today: string,
): Promise<Collisions> {
  const alikes = await lookAlikes(db, claim.account_id);
  const found = await activeClaimsOn(db, [...alikes.keys()], claim.id, today);
  if (found.length === 0) return { conflict: null, overlap: null, others: [] };
  const rows = await getClaimRows(db, [claim.id, ...found.map((o) => o.id)], today);
  const entries = rows.map((r) => ({
    claimId: r.id,
    rank: 0,
    party: partyOf(r.source, r.dealerName),
    accountId: r.accountId,
    accountName: r.accountName,
    source: r.source,
    claimantName: r.source === 'ours' ? (r.claimant?.name ?? '') : (r.dealerName ?? ''),
    claimantId: r.source === 'ours' ? (r.claimant?.id ?? null) : null,
    status: r.status,
    filedAt: r.filedAt,
    customerWish: r.customerWish,
    evidenceCount: r.evidenceCount,
    matches: r.id === claim.id ? [] : (alikes.get(r.accountId) ?? []),
  }));
  const self = entries.find((e) => e.claimId === claim.id)!;
  const split = splitCollisions(
    self,
    entries.filter((e) => e !== self),
  );
  let conflict: ConflictView | null = null;
  if (split.rivals.length > 0) {
    const ranking = rankClaims([self, ...split.rivals]);
    conflict = {
      claims: ranking.ranked.map(({ party: _party, ...e }, i) => ({ ...e, rank: i + 1 })),
      winnerId: ranking.winner.claimId,
      runnerUpId: ranking.runnerUp?.claimId ?? null,
      decidedBy: ranking.decidedBy,
      facts: ranking.facts,
    };
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const overlap: OverlapView | null =
    split.overlap.length === 0
      ? null
      : {
          since: overlapSince(self, split.overlap),
          claims: [
            self,
            ...[...split.overlap].sort((a, b) =>
              (a.filedAt ?? '9') < (b.filedAt ?? '9') ? -1 : a.filedAt === b.filedAt ? 0 : 1,
            ),
          ].map((e) => ({
            claimId: e.claimId,
            claimant: byId.get(e.claimId)!.claimant,
            accountId: e.accountId,
            accountName: e.accountName,
            status: e.status,
            filedAt: e.filedAt,
            expiresOn: byId.get(e.claimId)!.expiresOn,
            evidenceCount: e.evidenceCount,
            matches: e.matches,
          })),
        };
  return { conflict, overlap, others: rows.filter((r) => r.id !== claim.id) };
}
