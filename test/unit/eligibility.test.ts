/** Every rule of the KA incentive policy and its boundaries (shared/eligibility.ts). */
import { describe, expect, it } from 'vitest';
import { BUYER_TYPE_VALUES } from '../../shared/enums';
import {
  type BatchWindow,
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
  orgNature: 'private',
  orgNatureConfirmed: true,
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

  it('has no minimum for a state organ (机关), in every purchase channel', () => {
    for (const buyerType of BUYER_TYPE_VALUES) {
      const one = sale({ buyerType, orgNature: 'organ', lines: [line(1)] });
      expect(judgeEligibility(one).eligible, buyerType).toBe(true);
      expect(verdictOf(one, 'government')).toMatchObject({
        pass: true,
        facts: { buyerType, orgNature: 'organ', confirmed: true, enabled: true },
      });
      expect(verdictOf(one, 'min_units').pass).toBeNull();
      // Unless the dealership's policy says otherwise: then the verdict says the rule failed.
      const off = judgeEligibility(one, { ...DEFAULT_POLICY, governmentNoMinimum: false });
      expect(off.eligible).toBe(false);
      expect(off.rules.find((r) => r.rule === 'government')!.pass).toBe(false);
    }
  });

  it('keys the exemption on what the organisation is, not on the channel', () => {
    // A 3-unit system purchase by a provincial police department (四川省公安厅).
    const police = sale({ buyerType: 'system', orgNature: 'organ', lines: [line(3)] });
    expect(judgeEligibility(police).eligible).toBe(true);
    // A public school buying through the procurement centre is not a state organ: 5 units.
    for (const orgNature of ['institution', 'soe', 'private', 'other', null] as const) {
      const school = sale({ buyerType: 'government', orgNature, lines: [line(4)] });
      expect(judgeEligibility(school).eligible, String(orgNature)).toBe(false);
      expect(verdictOf(school, 'government').pass).toBeNull();
      expect(judgeEligibility({ ...school, lines: [line(5)] }).eligible).toBe(true);
    }
  });

  it('says whether the organ’s nature was confirmed by a person or only suggested', () => {
    const suggested = sale({ orgNature: 'organ', orgNatureConfirmed: false, lines: [line(1)] });
    expect(verdictOf(suggested, 'government').facts).toMatchObject({ confirmed: false });
  });
});

describe('the ≥10-unit batch rule (以后不设数量限制)', () => {
  const three = (
    batchUnits: number,
    batchOn: string,
    purchasedOn = '2026-06-15',
    batchWindow: BatchWindow = 'open_ended',
  ) =>
    judgeEligibility(
      sale({
        purchasedOn,
        lines: [line(3)],
        earlierBatches: [{ purchasedOn: batchOn, units: batchUnits, reference: 'HT-2026-0101' }],
      }),
      { ...DEFAULT_POLICY, batchWindow },
    );
  const batchRule = (v: ReturnType<typeof judgeEligibility>) =>
    v.rules.find((r) => r.rule === 'annual_batch')!;

  it('needs 10 units in one batch: 9 is not enough', () => {
    expect(three(10, '2026-03-01').eligible).toBe(true);
    expect(batchRule(three(10, '2026-03-01'))).toMatchObject({
      pass: true,
      facts: { batch: 'HT-2026-0101', batchUnits: 10, window: 'open_ended', until: null },
    });
    expect(three(9, '2026-03-01').eligible).toBe(false);
  });

  it('counts the same day, never a batch after the purchase', () => {
    for (const w of ['open_ended', 'calendar_year', 'twelve_months'] as const) {
      expect(three(10, '2026-06-15', '2026-06-15', w).eligible, w).toBe(true);
      expect(three(10, '2026-06-16', '2026-06-15', w).eligible, w).toBe(false);
    }
  });

  it('is open-ended by default: the seed’s literal reading', () => {
    expect(DEFAULT_POLICY.batchWindow).toBe('open_ended');
    expect(three(12, '2021-01-05', '2026-12-31').eligible).toBe(true);
  });

  it('can end with the calendar year of the batch', () => {
    expect(three(12, '2026-01-01', '2026-12-31', 'calendar_year').eligible).toBe(true);
    expect(batchRule(three(12, '2026-01-01', '2026-12-31', 'calendar_year')).facts).toMatchObject({
      window: 'calendar_year',
      until: '2026-12-31',
    });
    expect(three(12, '2026-12-31', '2027-01-01', 'calendar_year').eligible).toBe(false);
  });

  it('can last 12 months after the batch: the day before the anniversary is the last', () => {
    expect(three(12, '2026-03-05', '2027-03-04', 'twelve_months').eligible).toBe(true);
    expect(batchRule(three(12, '2026-03-05', '2027-03-04', 'twelve_months')).facts).toMatchObject({
      window: 'twelve_months',
      until: '2027-03-04',
    });
    expect(three(12, '2026-03-05', '2027-03-05', 'twelve_months').eligible).toBe(false);
    // A month-end batch: 12 months after 2027-02-28 … 2028-02-27 (2028 is a leap year).
    expect(three(12, '2027-02-28', '2028-02-27', 'twelve_months').eligible).toBe(true);
    expect(three(12, '2027-02-28', '2028-02-28', 'twelve_months').eligible).toBe(false);
  });

  it('states the reading it used even when no batch qualifies', () => {
    expect(batchRule(three(9, '2026-03-01', '2026-06-15', 'twelve_months'))).toMatchObject({
      pass: false,
      facts: { window: 'twelve_months', batch: null, until: null },
    });
  });

  it('picks the earliest qualifying batch still in its window', () => {
    const v = judgeEligibility(
      sale({
        purchasedOn: '2027-06-01',
        lines: [line(3)],
        earlierBatches: [
          { purchasedOn: '2026-01-10', units: 15, reference: 'OLD' },
          { purchasedOn: '2027-02-01', units: 10, reference: 'NEW' },
        ],
      }),
      { ...DEFAULT_POLICY, batchWindow: 'calendar_year' },
    );
    expect(batchRule(v).facts).toMatchObject({ batch: 'NEW', until: '2027-12-31' });
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
    const v = judgeEligibility(sale({ orgNature: 'organ', lines: [line(1)] }));
    expect(v.rules.map((r) => r.rule)).toEqual([
      'government',
      'min_units',
      'annual_batch',
      'retail_cap',
      'floor',
    ]);
  });
});
