/**
 * The manufacturer's KA incentive policy (商务规定及政策) as a pure function: given the facts of one
 * sale and the dealership's history with the organisation, which rules apply, with which facts, and
 * whether each passes. Every verdict explains itself line by line, so a filing can show why it is
 * or is not eligible — and a manager can see what an override overrides.
 *
 * Defaults (configurable):
 * 1. Government agencies: no quantity minimum.
 * 2. Other organisations: at least 5 units in the purchase, models combined.
 * 3. An organisation that bought at least 10 units in one batch earlier in the same calendar year
 *    has no minimum for the rest of that year.
 * 4. No unit price above the market retail price (equal is allowed).
 * 5. A unit price below the policy floor only with a recorded approval.
 */
import { z } from 'zod';
import type { BuyerType } from './enums';

export const policySettings = z.object({
  governmentNoMinimum: z.boolean(),
  minUnits: z.number().int().min(1).max(1000),
  annualBatchUnits: z.number().int().min(1).max(10_000),
});
export type PolicySettings = z.infer<typeof policySettings>;

export const DEFAULT_POLICY: PolicySettings = {
  governmentNoMinimum: true,
  minUnits: 5,
  annualBatchUnits: 10,
};

export interface PricedUnit {
  model: string;
  quantity: number;
  unitPriceFen: number;
  retailFen: number;
  floorFen: number;
  /** A manager's recorded approval covers this line's below-floor price. */
  approved: boolean;
}

export interface SaleFacts {
  buyerType: BuyerType;
  /** The purchase date (contract signing), YYYY-MM-DD: the year the batch rule looks at. */
  purchasedOn: string;
  lines: PricedUnit[];
  /** The organisation's earlier single purchases (batches) with this dealership. */
  earlierBatches: { purchasedOn: string; units: number; reference: string }[];
}

export type RuleCode = 'government' | 'min_units' | 'annual_batch' | 'retail_cap' | 'floor';

export interface RuleVerdict {
  rule: RuleCode;
  /** null: the rule does not apply to this sale (shown, but not deciding). */
  pass: boolean | null;
  /** The facts the rule looked at, for the explanation. */
  facts: Record<string, string | number | boolean | null>;
}

export interface Verdict {
  eligible: boolean;
  rules: RuleVerdict[];
}

function quantityRules(sale: SaleFacts, policy: PolicySettings): RuleVerdict[] {
  const units = sale.lines.reduce((n, l) => n + l.quantity, 0);
  const government = sale.buyerType === 'government' && policy.governmentNoMinimum;
  const year = sale.purchasedOn.slice(0, 4);
  // A batch earlier in the same calendar year (or the same day) exempts the rest of that year.
  const batch = sale.earlierBatches
    .filter(
      (b) =>
        b.purchasedOn.slice(0, 4) === year &&
        b.purchasedOn <= sale.purchasedOn &&
        b.units >= policy.annualBatchUnits,
    )
    .sort((a, b) => (a.purchasedOn < b.purchasedOn ? -1 : 1))[0];
  const minimumMet = units >= policy.minUnits;
  return [
    {
      rule: 'government',
      pass: government ? true : null,
      facts: { buyerType: sale.buyerType },
    },
    {
      rule: 'min_units',
      pass: government ? null : minimumMet ? true : batch ? null : false,
      facts: { units, minimum: policy.minUnits },
    },
    {
      rule: 'annual_batch',
      pass: government || minimumMet ? null : batch ? true : false,
      facts: {
        year,
        threshold: policy.annualBatchUnits,
        batch: batch?.reference ?? null,
        batchUnits: batch?.units ?? null,
        batchOn: batch?.purchasedOn ?? null,
      },
    },
  ];
}

function priceRules(sale: SaleFacts): RuleVerdict[] {
  const above = sale.lines.filter((l) => l.unitPriceFen > l.retailFen);
  const below = sale.lines.filter((l) => l.unitPriceFen < l.floorFen);
  const unapproved = below.filter((l) => !l.approved);
  return [
    {
      rule: 'retail_cap',
      pass: above.length === 0,
      facts: { linesAboveRetail: above.map((l) => l.model).join('、') || null },
    },
    {
      rule: 'floor',
      pass: below.length === 0 ? null : unapproved.length === 0,
      facts: {
        linesBelowFloor: below.map((l) => l.model).join('、') || null,
        withoutApproval: unapproved.map((l) => l.model).join('、') || null,
      },
    },
  ];
}

export function judgeEligibility(
  sale: SaleFacts,
  policy: PolicySettings = DEFAULT_POLICY,
): Verdict {
  const rules = [...quantityRules(sale, policy), ...priceRules(sale)];
  // The quantity is satisfied by one of: government, the minimum, or the year's batch.
  const quantityOk = rules.some(
    (r) =>
      (r.rule === 'government' || r.rule === 'min_units' || r.rule === 'annual_batch') &&
      r.pass === true,
  );
  const pricesOk = rules.every(
    (r) => (r.rule !== 'retail_cap' && r.rule !== 'floor') || r.pass !== false,
  );
  return { eligible: quantityOk && pricesOk, rules };
}
