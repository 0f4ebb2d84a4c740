/**
 * The manager's dashboards (issue 15): what each analysis read takes and answers. Every figure is
 * a code, a count or fen; the renderer words and formats them. Specialists get their own teams'
 * figures, managers the store's (records rule `team`).
 */
import { z } from 'zod';
import { BUYER_TYPE_VALUES, SOURCE_VALUES } from '../enums';
import { CLAIM_STATUS_VALUES, FILING_STATUS_VALUES } from '../filing-enums';
import {
  ACTIVITY_TYPE_VALUES,
  LOST_REASON_VALUES,
  OPEN_STAGES,
  STAGE_VALUES,
} from '../sales-enums';
import { id, isoDate } from './common';
import { KPI_PERIODS } from './activities';

/** A month as `YYYY-MM`. */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected YYYY-MM' });
const count = z.number().int();
const fenSum = z.number().int();
/** Percent with one decimal, null where nothing could be counted (no closed deals). */
const percent = z.number().nullable();

const dateRange = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: 'from after to', path: ['to'] });

// --- Pipeline -------------------------------------------------------------------------------

/** Opportunities expected to close between `from` and `to` (inclusive). */
export const pipelineInput = dateRange;
export type PipelineInput = z.infer<typeof pipelineInput>;

/** One cell of the stage × owner × month matrix (seed 001: stage, win rate, count, amount, weighted). */
export const pipelineCell = z.object({
  stage: z.enum(STAGE_VALUES),
  /** null: nobody owns them yet. */
  ownerId: id.nullable(),
  month,
  count,
  amountFen: fenSum,
  /** The stage's win rate from the sales settings (won 100, lost and abandoned 0). */
  probability: z.number(),
  weightedFen: fenSum,
});
export type PipelineCell = z.infer<typeof pipelineCell>;

export const pipelineMatrix = z.object({
  from: isoDate,
  to: isoDate,
  cells: z.array(pipelineCell),
  owners: z.array(z.object({ id: id.nullable(), name: z.string().nullable() })),
  /** Open stages only, by expected close month: the weighted forecast. */
  forecast: z.array(z.object({ month, count, amountFen: fenSum, weightedFen: fenSum })),
  /** Per owner: won ÷ (won + lost) among the period's closed opportunities. */
  winRates: z.array(
    z.object({ ownerId: id.nullable(), won: count, lost: count, winRate: percent }),
  ),
});
export type PipelineMatrix = z.infer<typeof pipelineMatrix>;

export const pipelineFlowInput = dateRange;

/** Stage conversion (from the stage history) and ageing (days in the current stage). */
export const pipelineFlow = z.object({
  today: isoDate,
  conversion: z.array(
    z.object({
      stage: z.enum(OPEN_STAGES),
      /** Opportunities (expected to close in the period) that entered the stage. */
      reached: count,
      /** Of those, how many went on to a later stage or won. */
      advanced: count,
      rate: percent,
    }),
  ),
  /** Every open opportunity in view, whatever its expected close. */
  ageing: z.array(
    z.object({
      stage: z.enum(OPEN_STAGES),
      count,
      averageDays: z.number().nullable(),
      maxDays: count.nullable(),
      /** 0–30, 31–60, 61–90, over 90 days. */
      buckets: z.tuple([count, count, count, count]),
    }),
  ),
});
export type PipelineFlow = z.infer<typeof pipelineFlow>;

// --- Win / loss -----------------------------------------------------------------------------

/** Opportunities closed (won or lost) between `from` and `to`, by the day their stage changed. */
export const winLossInput = dateRange;
export type WinLossInput = z.infer<typeof winLossInput>;

const outcome = { won: count, lost: count, wonFen: fenSum, lostFen: fenSum, winRate: percent };

export const winLoss = z.object({
  from: isoDate,
  to: isoDate,
  byBuyerType: z.array(z.object({ key: z.enum(BUYER_TYPE_VALUES), ...outcome })),
  byOwner: z.array(z.object({ key: id.nullable(), name: z.string().nullable(), ...outcome })),
  bySource: z.array(z.object({ key: z.enum(SOURCE_VALUES).nullable(), ...outcome })),
  /** Against each competitor brand named on the opportunity. */
  byCompetitor: z.array(z.object({ key: z.string(), ...outcome })),
  lostReasons: z.array(
    z.object({ reason: z.enum(LOST_REASON_VALUES).nullable(), count, amountFen: fenSum }),
  ),
  /** Lots another bidder won, at their unit price (winning amount ÷ quantity), oldest first. */
  competitorPrices: z.array(
    z.object({
      tenderId: id,
      projectNo: z.string(),
      lotNo: z.string(),
      awardedOn: isoDate.nullable(),
      brand: z.string(),
      model: z.string().nullable(),
      winner: z.string().nullable(),
      quantity: count,
      unitPriceFen: fenSum,
      /** Our bid per unit on the same lot, where we bid. */
      ourUnitPriceFen: fenSum.nullable(),
    }),
  ),
});
export type WinLoss = z.infer<typeof winLoss>;

// --- KPIs -----------------------------------------------------------------------------------

export const kpiBoardInput = z.object({
  period: z.enum(KPI_PERIODS),
  /** Any day of the current period; today in China when left out. */
  date: isoDate.optional(),
  /** How many periods the trend goes back (the current one included). */
  trend: z.number().int().min(1).max(24).default(6),
});
export type KpiBoardInput = z.infer<typeof kpiBoardInput>;

const kpiRow = z.object({
  staffId: id,
  name: z.string(),
  items: z.array(z.object({ type: z.enum(ACTIVITY_TYPE_VALUES), target: count, done: count })),
  target: count,
  done: count,
  /** done ÷ target in percent; null without a target. */
  attainment: percent,
});
export type KpiBoardRow = z.infer<typeof kpiRow>;

export const kpiBoard = z.object({
  period: z.enum(KPI_PERIODS),
  from: isoDate,
  to: isoDate,
  workingDays: count,
  scheduleKnown: z.boolean(),
  rows: z.array(kpiRow),
  trend: z.array(
    z.object({
      from: isoDate,
      to: isoDate,
      workingDays: count,
      target: count,
      done: count,
      attainment: percent,
      people: z.array(z.object({ staffId: id, attainment: percent })),
    }),
  ),
});
export type KpiBoard = z.infer<typeof kpiBoard>;

// --- Claims and filings ---------------------------------------------------------------------

export const claimsBoardInput = z.object({
  /** "Expiring soon": protection ending within this many days. */
  warnDays: z.number().int().min(1).max(365).default(30),
});

export const claimsBoard = z.object({
  today: isoDate,
  warnDays: count,
  /** Our claims by the status a person sees (past protection reads as expired). */
  claimsByStatus: z.array(z.object({ status: z.enum(CLAIM_STATUS_VALUES), count })),
  expiringCount: count,
  expiring: z.array(
    z.object({
      id,
      accountId: id,
      accountName: z.string(),
      claimantName: z.string().nullable(),
      expiresOn: isoDate,
      daysLeft: count,
    }),
  ),
  /** In conflict with another dealer's claim (active). */
  conflicts: count,
  /** Two of our own people's active claims on one organisation. */
  overlaps: count,
  filingsByStatus: z.array(z.object({ status: z.enum(FILING_STATUS_VALUES), count, units: count })),
});
export type ClaimsBoard = z.infer<typeof claimsBoard>;
