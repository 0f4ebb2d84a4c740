/**
 * The value rules (electron/value/rules.ts): segments with their reasons (冰点 by neither purchase
 * nor contact in N days, 迁移 by buying less or a rival winning the last tender, 价值, 潜力), KA
 * qualification by batch or by revenue, and the scorecard's lines adding up to the score.
 */
import { describe, expect, it } from 'vitest';
import { kaOf, scoreOf, segmentOf, type StandingInput } from '../../electron/value/rules';
import { DEFAULT_VALUE_SETTINGS, type AccountFacts } from '../../shared/schemas/value';

const today = '2026-12-03';
const facts: AccountFacts = {
  revenueFen: 0,
  units: 0,
  purchases: 0,
  purchaseYears: 0,
  repeatBuyer: false,
  maxBatchUnits: 0,
  firstPurchaseOn: null,
  lastPurchaseOn: null,
  purchasesPerYear: null,
  marginFloorFen: null,
  marginRetailFen: null,
  cancelledContracts: 0,
  lastContactOn: '2026-11-30',
  openPipelineFen: 0,
  openOpportunities: 0,
  lostTenders: 0,
  lastTenderLost: false,
  fleetTotal: 0,
  fleetShare: null,
  invoicedFen: 0,
  receivedFen: 0,
  receivableFen: 0,
  overdueFen: 0,
  overdueDays: null,
};
const input = (
  over: Partial<StandingInput> & { f?: Partial<AccountFacts> } = {},
): StandingInput => ({
  abc: 'C',
  rank: 9,
  recentFen: 0,
  previousFen: 0,
  kaRevenueFen: 0,
  ...over,
  facts: { ...facts, ...over.f },
});
const s = DEFAULT_VALUE_SETTINGS;

describe('value segments', () => {
  it('冰点: no purchase or contact within the setting’s days, or never', () => {
    expect(segmentOf(input({ f: { lastContactOn: '2026-06-05' } }), s, today)).toEqual({
      segment: 'frozen',
      reason: { code: 'segment.frozen', params: { days: 180, lastOn: '2026-06-05' } },
    });
    expect(segmentOf(input({ f: { lastContactOn: '2026-06-06' } }), s, today).segment).toBe(
      'potential',
    );
    expect(segmentOf(input({ f: { lastContactOn: null } }), s, today).reason.code).toBe(
      'segment.frozen_never',
    );
  });

  it('迁移: buying less than the period before, or a rival won the last tender', () => {
    expect(segmentOf(input({ abc: 'A', recentFen: 10, previousFen: 30 }), s, today)).toEqual({
      segment: 'drifting',
      reason: {
        code: 'segment.drifting_less',
        params: { recentFen: 10, previousFen: 30, months: 12 },
      },
    });
    expect(segmentOf(input({ abc: 'A', f: { lastTenderLost: true } }), s, today).reason).toEqual({
      code: 'segment.drifting_rival',
      params: {},
    });
  });

  it('价值 for classes A and B, 潜力 for the rest', () => {
    expect(segmentOf(input({ abc: 'B', rank: 4 }), s, today).reason).toEqual({
      code: 'segment.value',
      params: { abc: 'B', rank: 4 },
    });
    expect(segmentOf(input({ f: { fleetTotal: 12 } }), s, today).reason).toEqual({
      code: 'segment.potential',
      params: { fleet: 12, pipelineFen: 0 },
    });
  });
});

describe('KA qualification and scorecard', () => {
  it('qualifies by one batch or by revenue in the period, saying which', () => {
    expect(kaOf(input({ f: { maxBatchUnits: 10 } }), s)).toEqual({
      code: 'ka.batch',
      params: { units: 10, min: 10 },
    });
    expect(kaOf(input({ kaRevenueFen: 100_000_000 }), s)).toEqual({
      code: 'ka.revenue',
      params: { revenueFen: 100_000_000, minWan: 100, months: 12 },
    });
    expect(kaOf(input({ kaRevenueFen: 99_999_999, f: { maxBatchUnits: 9 } }), s)).toBeNull();
  });

  it('weights each line and subtracts risk; the lines add up to the score', () => {
    const { score, lines } = scoreOf(
      input({
        abc: 'B',
        recentFen: 5,
        previousFen: 1,
        f: {
          fleetTotal: 100,
          openPipelineFen: 250_000_000,
          lostTenders: 1,
          cancelledContracts: 3,
          overdueFen: 15_000_000,
          overdueDays: 12,
        },
      }),
      { ...s, weights: { value: 40, potential: 40, risk: 20 } },
    );
    expect(lines.map((l) => [l.part, l.code, l.points])).toEqual([
      ['value', 'score.value_class', 24], // 60 × 0.4
      ['potential', 'score.potential_fleet', 16], // 40 (capped) × 0.4
      ['potential', 'score.potential_growth', 12], // 30 × 0.4
      ['potential', 'score.potential_pipeline', 8], // 250 万元 → 20 × 0.4
      ['risk', 'score.risk_lost_tenders', -5], // 25 × 0.2
      ['risk', 'score.risk_cancelled', -10], // 50 (capped) × 0.2
      ['risk', 'score.risk_overdue', -6], // 15 万元 overdue: 20 + 10 → 30 × 0.2
    ]);
    expect(score).toBe(39);
  });
});

describe('overdue receivables in the scorecard', () => {
  it('cost nothing when none is overdue, 20 points at the first fen, 10 more per 10 万元, at most 50', () => {
    const risk = (overdueFen: number) =>
      scoreOf(input({ f: { overdueFen } }), {
        ...DEFAULT_VALUE_SETTINGS,
        weights: { value: 0, potential: 0, risk: 100 },
      }).lines.find((l) => l.code === 'score.risk_overdue')!.points;
    expect(risk(0)).toBe(0);
    expect(risk(1)).toBe(-20);
    expect(risk(9_999_999)).toBe(-20);
    expect(risk(10_000_000)).toBe(-30);
    expect(risk(1_000_000_000)).toBe(-50);
  });
});
