/**
 * Account value (issue 15): the settings (ABC cut-offs, KA thresholds, scorecard weights, the
 * 冰点 time, the fleet's service life), the Pareto/ABC table over a period and basis, the
 * account-grid filter that selects one or more of its classes, and each account's facts, value
 * class, segment and scorecard with their reasons as codes and parameters (the UI words them).
 */
import { z } from 'zod';
import { GRADE_VALUES } from '../enums';
import { CONTRACT_STATUS_VALUES } from '../sales-enums';
import { id, isoDate } from './common';

export const VALUE_BASES = ['revenue', 'units', 'margin'] as const;
export const valueBasis = z.enum(VALUE_BASES);
export type ValueBasis = z.infer<typeof valueBasis>;

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export const abcClass = z.enum(ABC_CLASSES);

/** Cumulative-share cut-offs in whole percent: A up to `a`, B up to `b` (shared/analysis/abc.ts). */
export const abcCutoffs = z
  .object({ a: z.number().int().min(1).max(100), b: z.number().int().min(1).max(100) })
  .refine((c) => c.a <= c.b, { message: 'the A cut-off cannot exceed the B cut-off', path: ['b'] });
export type AbcCutoffsInput = z.infer<typeof abcCutoffs>;

const period = { from: isoDate, to: isoDate };

/**
 * The accounts of some classes of one ABC table: what a click on a Pareto bar or class selects,
 * and what the accounts grid filters by (evaluated in SQL over the viewer's accounts).
 */
export const valueClassFilter = z
  .object({
    ...period,
    basis: valueBasis,
    cutoffs: abcCutoffs,
    classes: z.array(abcClass).min(1).max(3),
  })
  .refine((f) => f.from <= f.to, { message: 'the period ends before it starts', path: ['to'] });
export type ValueClassFilter = z.infer<typeof valueClassFilter>;

const weight = z.number().int().min(0).max(100);

export const valueSettings = z.object({
  cutoffs: abcCutoffs,
  /** KA qualification: at least this many units in one contract … */
  kaMinBatchUnits: z.number().int().min(1).max(100_000),
  /** … or at least this many 万元 of final contracts in the last `kaPeriodMonths` months. */
  kaMinRevenueWan: z.number().int().min(1).max(10_000_000),
  kaPeriodMonths: z.number().int().min(1).max(60),
  /** Scorecard weights of current value, potential and risk (risk subtracts). */
  weights: z.object({ value: weight, potential: weight, risk: weight }),
  /** 冰点: no purchase and no contact for this many days. */
  dormantDays: z.number().int().min(7).max(3650),
  /** 迁移 compares the last `segmentMonths` months of revenue with the months before them. */
  segmentMonths: z.number().int().min(1).max(36),
  /** Replacement forecast: a fleet line is due for replacement this many years after its year. */
  serviceLifeYears: z.number().int().min(1).max(30),
});
export type ValueSettings = z.infer<typeof valueSettings>;

export const DEFAULT_VALUE_SETTINGS: ValueSettings = {
  cutoffs: { a: 80, b: 95 },
  kaMinBatchUnits: 10,
  kaMinRevenueWan: 100,
  kaPeriodMonths: 12,
  weights: { value: 50, potential: 30, risk: 20 },
  dormantDays: 180,
  segmentMonths: 12,
  serviceLifeYears: 8,
};

export const paretoInput = z
  .object({
    ...period,
    basis: valueBasis,
    cutoffs: abcCutoffs.optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .refine((f) => f.from <= f.to, { message: 'the period ends before it starts', path: ['to'] });
export type ParetoInput = z.infer<typeof paretoInput>;

const classSummary = z.object({
  accounts: z.number().int(),
  value: z.number().int(),
  accountShare: z.number(),
  valueShare: z.number(),
});

export const paretoRow = z.object({
  id,
  name: z.string(),
  /** The hand-set effort grade (seed 001), kept beside the computed class. */
  grade: z.enum(GRADE_VALUES),
  value: z.number().int(),
  rank: z.number().int(),
  share: z.number(),
  cumulativeShare: z.number(),
  abc: abcClass,
});
export type ParetoRow = z.infer<typeof paretoRow>;

export const paretoResult = z.object({
  from: isoDate,
  to: isoDate,
  basis: valueBasis,
  cutoffs: z.object({ a: z.number().int(), b: z.number().int() }),
  total: z.number().int(),
  accounts: z.number().int(),
  classes: z.object({ A: classSummary, B: classSummary, C: classSummary }),
  rows: z.array(paretoRow),
});
export type ParetoResult = z.infer<typeof paretoResult>;

/** A reason as stored and sent: a code the UI words and its parameters. */
export const reason = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Reason = z.infer<typeof reason>;

export const VALUE_SEGMENTS = ['value', 'potential', 'drifting', 'frozen'] as const;
export const valueSegment = z.enum(VALUE_SEGMENTS);
export type ValueSegment = z.infer<typeof valueSegment>;

export const accountFacts = z.object({
  revenueFen: z.number().int(),
  units: z.number().int(),
  purchases: z.number().int(),
  purchaseYears: z.number().int(),
  /** Bought in at least two calendar years (see electron/value/facts.ts). */
  repeatBuyer: z.boolean(),
  maxBatchUnits: z.number().int(),
  firstPurchaseOn: isoDate.nullable(),
  lastPurchaseOn: isoDate.nullable(),
  /** Final purchases per year since the first (the first year counts as a whole one). */
  purchasesPerYear: z.number().nullable(),
  marginFloorFen: z.number().int().nullable(),
  marginRetailFen: z.number().int().nullable(),
  cancelledContracts: z.number().int(),
  lastContactOn: isoDate.nullable(),
  openPipelineFen: z.number().int(),
  openOpportunities: z.number().int(),
  lostTenders: z.number().int(),
  lastTenderLost: z.boolean(),
  fleetTotal: z.number().int(),
  /** Our final units ÷ the recorded fleet, 0–1 and more (null: no fleet recorded). */
  fleetShare: z.number().nullable(),
  /** Money in (回款, electron/payments/): invoiced and received on final contracts. */
  invoicedFen: z.number().int(),
  receivedFen: z.number().int(),
  /** Invoiced − received (below 0: a credit). */
  receivableFen: z.number().int(),
  /** What is still open on contracts whose receivable is past the payment term, and how long. */
  overdueFen: z.number().int(),
  overdueDays: z.number().int().nullable(),
});
export type AccountFacts = z.infer<typeof accountFacts>;

export const scoreLine = z.object({
  part: z.enum(['value', 'potential', 'risk']),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  points: z.number(),
});
export type ScoreLine = z.infer<typeof scoreLine>;

export const accountValue = z.object({
  id,
  name: z.string(),
  grade: z.enum(GRADE_VALUES),
  ownerId: id.nullable(),
  facts: accountFacts,
  /** The computed class over the last 12 months' revenue, with its rank among the viewer's accounts. */
  abc: abcClass,
  rank: z.number().int(),
  segment: valueSegment,
  segmentReason: reason,
  ka: z.boolean(),
  kaReason: reason.nullable(),
  score: z.number(),
  scoreLines: z.array(scoreLine),
});
export type AccountValue = z.infer<typeof accountValue>;

export const accountValueDetail = accountValue.extend({
  from: isoDate,
  to: isoDate,
  contracts: z.array(
    z.object({
      id,
      number: z.string(),
      status: z.enum(CONTRACT_STATUS_VALUES),
      signedOn: isoDate.nullable(),
      quantity: z.number().int(),
      totalFen: z.number().int(),
    }),
  ),
});
export type AccountValueDetail = z.infer<typeof accountValueDetail>;

export const scorecardInput = z.object({
  segment: valueSegment.optional(),
  kaOnly: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export const scorecardResult = z.object({
  from: isoDate,
  to: isoDate,
  total: z.number().int(),
  segments: z.record(valueSegment, z.number().int()),
  rows: z.array(accountValue),
});
export type ScorecardResult = z.infer<typeof scorecardResult>;

export const forecastInput = z.object({
  months: z.number().int().min(1).max(60).default(24),
  /** A page of the lines (every line counts in the totals and months). */
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export const forecastRow = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  accountId: id,
  accountName: z.string(),
  brand: z.string(),
  model: z.string(),
  year: z.number().int(),
  count: z.number().int(),
  /** An open opportunity of the account already exists (no need to open another). */
  openOpportunities: z.number().int(),
});
export const forecastMonth = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** Fleet lines and vehicles falling due that month (those already past it fall due now). */
  lines: z.number().int(),
  units: z.number().int(),
});
export const forecastResult = z.object({
  serviceLifeYears: z.number().int(),
  /** Every month with something due, in order, and the totals over all of them. */
  months: z.array(forecastMonth),
  lines: z.number().int(),
  units: z.number().int(),
  /** The page of lines asked for: by month, biggest first. */
  rows: z.array(forecastRow),
});
export type ForecastResult = z.infer<typeof forecastResult>;
