/** The manufacturer's order for competing claims: wish, then development progress, then filing time. */
import { describe, expect, it } from 'vitest';
import { rankClaims } from '../../shared/claim-rules';

const claim = (claimId: number, evidenceCount: number, filedAt: string | null, wish = false) => ({
  claimId,
  evidenceCount,
  filedAt,
  customerWish: wish,
});

describe('rankClaims', () => {
  it('puts the customer’s wish first, whatever the progress or the filing time', () => {
    const r = rankClaims([
      claim(1, 9, '2026-01-01T00:00:00Z'),
      claim(2, 1, '2026-06-01T00:00:00Z', true),
    ]);
    expect(r.winner.claimId).toBe(2);
    expect(r.decidedBy).toBe('customer_wish');
    expect(r.facts).toMatchObject({ winnerWish: true, runnerUpWish: false });
  });

  it('then the development progress', () => {
    const r = rankClaims([
      claim(1, 2, '2026-01-01T00:00:00Z'),
      claim(2, 5, '2026-06-01T00:00:00Z'),
    ]);
    expect(r.ranked.map((c) => c.claimId)).toEqual([2, 1]);
    expect(r.decidedBy).toBe('development');
    expect(r.facts).toMatchObject({ winnerEvidence: 5, runnerUpEvidence: 2 });
  });

  it('then the earliest filing time; an unfiled claim ranks last', () => {
    const r = rankClaims([
      claim(3, 4, null),
      claim(1, 4, '2026-06-01T08:00:00.000Z'),
      claim(2, 4, '2026-06-01T07:59:59.999Z'),
    ]);
    expect(r.ranked.map((c) => c.claimId)).toEqual([2, 1, 3]);
    expect(r.decidedBy).toBe('filing_time');
  });

  it('decides between two wishes by progress, and a lone claim by nothing but itself', () => {
    expect(rankClaims([claim(1, 1, null, true), claim(2, 3, null, true)]).decidedBy).toBe(
      'development',
    );
    expect(rankClaims([claim(7, 0, null)])).toMatchObject({ winner: { claimId: 7 } });
  });
});
