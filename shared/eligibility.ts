/**
 * The manufacturer's KA incentive policy (商务规定及政策) as a pure function: given the facts of one
 * sale and the dealership's history with the organisation, which rules apply, with which facts, and
 * whether each passes. Every verdict explains itself line by line, so a filing can show why it is
 * or is not eligible — and a manager can see what an override overrides.
 *
 * Defaults (configurable):
 * 1. State organs (政府机构, 公务车): no quantity minimum — keyed on what the organisation *is*
 *    (its organisation nature 机关), whichever channel it buys through (tender, system, direct).
 * 2. Other organisations: at least 5 units in the purchase, models combined.
 * 3. "年内一次批售达到10台以上的团体，以后不设数量限制": an organisation that bought at least 10 units
 *    in one batch has no minimum thereafter. The seed gives no period, so the window is a setting:
 *    open-ended (the literal reading, default), the rest of that calendar year, or 12 months.
 * 4. No unit price above the market retail price (equal is allowed).
 * 5. A unit price below the policy floor only with a recorded approval.
 */
import { z } from 'zod';
import { addDays, addMonths } from './dates';
import type { BuyerType, OrgNature } from './enums';

/** How long the ≥10-unit batch exempts the organisation (“以后” read three ways). */
export const BATCH_WINDOWS = ['open_ended', 'calendar_year', 'twelve_months'] as const;
export type BatchWindow = (typeof BATCH_WINDOWS)[number];

export const policySettings = z.object({
  governmentNoMinimum: z.boolean(),
  minUnits: z.number().int().min(1).max(1000),
  annualBatchUnits: z.number().int().min(1).max(10_000),
  batchWindow: z.enum(BATCH_WINDOWS).default('open_ended'),
});
export type PolicySettings = z.infer<typeof policySettings>;

export const DEFAULT_POLICY: PolicySettings = {
  governmentNoMinimum: true,
  minUnits: 5,
  annualBatchUnits: 10,
  batchWindow: 'open_ended',
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
  /** The purchase channel: tender (government), system purchase or direct. */
  buyerType: BuyerType;
  /** What the buying organisation is; null when nobody knows yet. */
  orgNature: OrgNature | null;
  /** Whether a person confirmed the nature (else it is Keyfleet's suggestion). */
  orgNatureConfirmed: boolean;
  /** The purchase date (contract signing), YYYY-MM-DD: the year the batch rule looks at. */
  purchasedOn: string;
  lines: PricedUnit[];
  /** The organisation's earlier single purchases (batches) with this dealership. */
  earlierBatches: { purchasedOn: string; units: number; reference: string }[];
}

type RuleCode = 'government' | 'min_units' | 'annual_batch' | 'retail_cap' | 'floor';

interface RuleVerdict {
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

/** The last day a batch bought on `on` exempts later purchases, or null (open-ended). */
function batchWindowEnd(on: string, window: BatchWindow): string | null {
  switch (window) {
    case 'open_ended':
      return null;
    case 'calendar_year':
      return `${on.slice(0, 4)}-12-31`;
    case 'twelve_months':
      // 12 months counted from the batch day: 2026-03-05 covers up to 2027-03-04.
      return addDays(addMonths(on, 12), -1);
  }
}

function quantityRules(sale: SaleFacts, policy: PolicySettings): RuleVerdict[] {
  const units = sale.lines.reduce((n, l) => n + l.quantity, 0);
  const organ = sale.orgNature === 'organ';
  const government = organ && policy.governmentNoMinimum;
  // The earliest batch before (or on the day of) this purchase whose window still covers it.
  const batch = sale.earlierBatches
    .filter((b) => {
      if (b.units < policy.annualBatchUnits || b.purchasedOn > sale.purchasedOn) return false;
      const end = batchWindowEnd(b.purchasedOn, policy.batchWindow);
      return end === null || sale.purchasedOn <= end;
    })
    .sort((a, b) => (a.purchasedOn < b.purchasedOn ? -1 : 1))[0];
  const minimumMet = units >= policy.minUnits;
  return [
    {
      rule: 'government',
      // Shown for a state organ even when the setting is off, so the verdict says why it counts.
      pass: government ? true : organ ? false : null,
      facts: {
        buyerType: sale.buyerType,
        orgNature: sale.orgNature,
        confirmed: sale.orgNatureConfirmed,
        enabled: policy.governmentNoMinimum,
      },
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
        window: policy.batchWindow,
        threshold: policy.annualBatchUnits,
        batch: batch?.reference ?? null,
        batchUnits: batch?.units ?? null,
        batchOn: batch?.purchasedOn ?? null,
        until: batch ? batchWindowEnd(batch.purchasedOn, policy.batchWindow) : null,
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
  // The quantity is satisfied by one of: a state organ, the minimum, or an earlier batch.
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
