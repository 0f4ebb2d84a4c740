/** Every rule of the KA incentive policy and its boundaries (shared/eligibility.ts). */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  judgeEligibility,
  type PricedUnit,
  type SaleFacts,
} from '../../shared/eligibility';

const line = (quantity: number, over: Partial<PricedUnit> = {}): PricedUnit => ({
  model: '迈腾',
  quantity,
  unitPriceFen: 19_000_000,
  retailFen: 19_990_000,
  floorFen: 18_190_000,
  approved: false,
  ...over,
});

const sale = (over: Partial<SaleFacts> = {}): SaleFacts => ({
  buyerType: 'direct',
  purchasedOn: '2026-06-15',
  lines: [line(5)],
  earlierBatches: [],
  ...over,
});

const verdictOf = (s: SaleFacts, rule: string) =>
  judgeEligibility(s).rules.find((r) => r.rule === rule)!;

describe('quantity', () => {
  it('needs 5 units from an organisation that is not a government agency: 4 fails, 5 passes', () => {
    expect(judgeEligibility(sale({ lines: [line(4)] })).eligible).toBe(false);
    expect(verdictOf(sale({ lines: [line(4)] }), 'min_units')).toMatchObject({
      pass: false,
      facts: { units: 4, minimum: 5 },
    });
    expect(judgeEligibility(sale({ lines: [line(5)] })).eligible).toBe(true);
  });

  it('combines models, and applies the minimum to system buyers too', () => {
    expect(judgeEligibility(sale({ lines: [line(3), line(2, { model: '探岳' })] })).eligible).toBe(
      true,
    );
    expect(judgeEligibility(sale({ buyerType: 'system', lines: [line(4)] })).eligible).toBe(false);
  });

  it('has no minimum for government agencies', () => {
    const one = sale({ buyerType: 'government', lines: [line(1)] });
    expect(judgeEligibility(one).eligible).toBe(true);
    expect(verdictOf(one, 'government').pass).toBe(true);
    expect(verdictOf(one, 'min_units').pass).toBeNull();
    // Unless the dealership's policy says otherwise.
    expect(judgeEligibility(one, { ...DEFAULT_POLICY, governmentNoMinimum: false }).eligible).toBe(
      false,
    );
  });

  it('lifts the minimum for the rest of a year after a 10-unit batch; a 9-unit batch does not', () => {
    const three = (batchUnits: number, batchOn: string, purchasedOn = '2026-06-15') =>
      sale({
        purchasedOn,
        lines: [line(3)],
        earlierBatches: [{ purchasedOn: batchOn, units: batchUnits, reference: 'HT-2026-0101' }],
      });
    expect(judgeEligibility(three(10, '2026-03-01')).eligible).toBe(true);
    expect(verdictOf(three(10, '2026-03-01'), 'annual_batch')).toMatchObject({
      pass: true,
      facts: { batch: 'HT-2026-0101', batchUnits: 10, year: '2026' },
    });
    expect(judgeEligibility(three(9, '2026-03-01')).eligible).toBe(false);
    // The same day counts; a batch later in the year does not reach back.
    expect(judgeEligibility(three(10, '2026-06-15')).eligible).toBe(true);
    expect(judgeEligibility(three(10, '2026-06-16')).eligible).toBe(false);
  });

  it('ends the exemption with the calendar year', () => {
    const at = (purchasedOn: string, batchOn: string) =>
      judgeEligibility(
        sale({
          purchasedOn,
          lines: [line(3)],
          earlierBatches: [{ purchasedOn: batchOn, units: 12, reference: 'HT-1' }],
        }),
      ).eligible;
    expect(at('2026-12-31', '2026-01-01')).toBe(true);
    expect(at('2027-01-01', '2026-12-31')).toBe(false);
  });
});

describe('prices', () => {
  it('allows a price equal to the retail price and refuses one fen above it', () => {
    expect(
      judgeEligibility(sale({ lines: [line(5, { unitPriceFen: 19_990_000 })] })).eligible,
    ).toBe(true);
    const above = sale({ lines: [line(5, { unitPriceFen: 19_990_001 })] });
    expect(judgeEligibility(above).eligible).toBe(false);
    expect(verdictOf(above, 'retail_cap')).toMatchObject({
      pass: false,
      facts: { linesAboveRetail: '迈腾' },
    });
  });

  it('accepts a price below the floor only with a recorded approval', () => {
    const below = (approved: boolean) =>
      sale({ lines: [line(5, { unitPriceFen: 18_189_999, approved })] });
    expect(judgeEligibility(below(false)).eligible).toBe(false);
    expect(verdictOf(below(false), 'floor')).toMatchObject({
      pass: false,
      facts: { withoutApproval: '迈腾' },
    });
    expect(judgeEligibility(below(true)).eligible).toBe(true);
    // At the floor itself no approval is needed: the rule does not apply.
    expect(
      verdictOf(sale({ lines: [line(5, { unitPriceFen: 18_190_000 })] }), 'floor').pass,
    ).toBeNull();
  });

  it('explains every rule of every verdict, passing or not', () => {
    const v = judgeEligibility(sale({ buyerType: 'government', lines: [line(1)] }));
    expect(v.rules.map((r) => r.rule)).toEqual([
      'government',
      'min_units',
      'annual_batch',
      'retail_cap',
      'floor',
    ]);
  });
});
