/**
 * The manufacturer's order for competing claims (wish, then development progress, then filing
 * time) between dealers only; our own claims on one organisation are an internal overlap; a claim
 * past its protection reads as expired.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  effectiveStatus,
  overlapSince,
  partyOf,
  rankClaims,
  splitCollisions,
} from '../../shared/claim-rules';

const claim = (
  claimId: number,
  evidenceCount: number,
  filedAt: string | null,
  wish = false,
  party = `dealer:${claimId}`,
) => ({ claimId, evidenceCount, filedAt, customerWish: wish, party });

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

  it('names the runner-up from another party than the winner, never a colleague of the winner', () => {
    // Two of ours (one well developed, one not) against another dealer: the decision is ours
    // against theirs, whatever separates our two.
    const r = rankClaims([
      claim(1, 5, '2026-06-01T00:00:00Z', false, 'ours'),
      claim(2, 1, '2026-06-02T00:00:00Z', false, 'ours'),
      claim(3, 5, '2026-06-03T00:00:00Z', false, 'dealer:杭州某某'),
    ]);
    expect(r.winner.claimId).toBe(1);
    expect(r.runnerUp?.claimId).toBe(3);
    expect(r.decidedBy).toBe('filing_time');
    expect(rankClaims([claim(1, 5, null, false, 'ours')]).runnerUp).toBeNull();
  });
});

describe('splitCollisions', () => {
  const ours = (id: number, evidence: number, filedAt: string | null) =>
    claim(id, evidence, filedAt, false, partyOf('ours', null));
  const theirs = (id: number, dealer: string, evidence: number) =>
    claim(id, evidence, '2026-05-01T00:00:00Z', false, partyOf('other_dealer', dealer));

  it('puts a colleague’s claim in the overlap and another dealer’s in the ranking, one per dealer', () => {
    const self = ours(1, 3, '2026-06-01T00:00:00Z');
    const split = splitCollisions(self, [
      ours(2, 9, '2026-05-01T00:00:00Z'),
      theirs(3, '杭州某某汽车', 1),
      theirs(4, ' 杭州某某汽车 ', 4),
      theirs(5, '宁波安达汽车', 2),
    ]);
    expect(split.overlap.map((c) => c.claimId)).toEqual([2]);
    expect(split.rivals.map((c) => c.claimId).sort()).toEqual([4, 5]);
  });

  it('gives another dealer’s claim no overlap: our claims are its rivals', () => {
    const split = splitCollisions(theirs(3, '杭州某某汽车', 1), [
      ours(1, 3, '2026-06-01T00:00:00Z'),
      ours(2, 0, null),
    ]);
    expect(split.overlap).toEqual([]);
    expect(split.rivals.map((c) => c.claimId)).toEqual([1]);
  });

  it('dates the overlap from its second filing; a draft overlaps nothing yet', () => {
    expect(
      overlapSince({ filedAt: '2026-06-10T01:00:00Z' }, [
        { filedAt: '2026-06-01T00:00:00Z' },
        { filedAt: null },
      ]),
    ).toBe('2026-06-10T01:00:00Z');
    expect(
      overlapSince({ filedAt: '2026-05-01T00:00:00Z' }, [{ filedAt: '2026-06-01T00:00:00Z' }]),
    ).toBe('2026-06-01T00:00:00Z');
    expect(overlapSince({ filedAt: null }, [{ filedAt: '2026-06-01T00:00:00Z' }])).toBeNull();
  });
});

describe('effectiveStatus', () => {
  it('reads an active claim as expired from the day after its protection ends', () => {
    expect(effectiveStatus('filed', '2026-06-09', '2026-06-10')).toBe('expired');
    expect(effectiveStatus('conflict', '2026-06-09', '2026-06-10')).toBe('expired');
    expect(effectiveStatus('approved', '2026-06-10', '2026-06-10')).toBe('approved');
    expect(effectiveStatus('released', '2026-06-01', '2026-06-10')).toBe('released');
    expect(effectiveStatus('draft', null, '2026-06-10')).toBe('draft');
  });
});

/**
 * The renderer's claims messages (read as text: the renderer is its own TypeScript project), the
 * zh-CN table first, then the English one.
 */
function claimMessages(): { zh: Map<string, string>; en: Map<string, string> } {
  const text = fs.readFileSync(
    path.resolve(__dirname, '../../renderer/src/features/claims/messages.ts'),
    'utf8',
  );
  const [zhPart, enPart] = text.split('export const claimsEn');
  const table = (part: string) =>
    new Map(
      [...part.matchAll(/'(claims\.[\w.]+)':\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => [m[1]!, m[2]!]),
    );
  return { zh: table(zhPart!), en: table(enPart!) };
}

describe('the conflict banner’s words', () => {
  it('name both sides of the decision and never call anyone 对方 / “the other”', () => {
    const { zh, en } = claimMessages();
    expect(zh.size).toBeGreaterThan(100);
    for (const [key, text] of zh) expect(text, key).not.toContain('对方');
    for (const [key, text] of en) expect(text, key).not.toMatch(/\bthe other (claim|side|party)\b/);
    for (const key of ['claims.reasonWish', 'claims.reasonDevelopment', 'claims.reasonFilingTime'])
      for (const text of [zh.get(key), en.get(key)]) {
        expect(text, key).toContain('{w}');
        expect(text, key).toContain('{r}');
      }
    // “胜出：王芳 — 依据：报备时间（李明尚未提交报备）”
    const fill = (template: string | undefined, vars: Record<string, string>) =>
      (template ?? '').replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
    expect(
      fill(zh.get('claims.winner'), {
        name: '王芳',
        reason: fill(zh.get('claims.reasonFilingTimeUnfiled'), { r: '李明' }),
      }),
    ).toBe('胜出：王芳 — 依据：报备时间（李明尚未提交报备）');
  });
});
