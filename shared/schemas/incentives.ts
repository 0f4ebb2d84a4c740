/**
 * The incentive after a filing's submission: the manufacturer's verdict, the amount approved, the
 * payments received, and the totals per period. Amounts in integer fen.
 */
import { z } from 'zod';
import {
  INCENTIVE_PERIOD_VALUES,
  INCENTIVE_REASON_VALUES,
  INCENTIVE_STATE_VALUES,
  OEM_VERDICT_VALUES,
} from '../filing-enums';
import { id, isoDate, optionalText, ref, timestamp } from './common';
import { fen } from './opportunities';

export const verdictInput = z.object({
  id,
  verdict: z.enum(OEM_VERDICT_VALUES),
  /** The day the manufacturer decided (its notice's date). */
  decidedOn: isoDate,
  /** The incentive approved; null for a rejection. */
  approvedFen: fen.nullable().default(null),
  /** Required for a rejection and a partial approval. */
  reason: z.enum(INCENTIVE_REASON_VALUES).nullable().default(null),
  note: optionalText(2000),
});
export type VerdictInput = z.infer<typeof verdictInput>;

export const paymentInput = z.object({
  id,
  receivedOn: isoDate,
  amountFen: fen.min(1),
  /** The bank or manufacturer's reference of the payment. */
  reference: optionalText(100),
  /** Required when the payment takes the received total past the approved amount. */
  overReason: optionalText(2000),
});
export type PaymentInput = z.infer<typeof paymentInput>;

const incentivePayment = z.object({
  id,
  receivedOn: isoDate,
  amountFen: z.number().int(),
  reference: z.string().nullable(),
  overReason: z.string().nullable(),
  recordedBy: ref.nullable(),
  recordedAt: timestamp,
});
export type IncentivePayment = z.infer<typeof incentivePayment>;

export const incentiveView = z.object({
  state: z.enum(INCENTIVE_STATE_VALUES),
  verdict: z.enum(OEM_VERDICT_VALUES).nullable(),
  decidedOn: isoDate.nullable(),
  reason: z.enum(INCENTIVE_REASON_VALUES).nullable(),
  note: z.string().nullable(),
  approvedFen: z.number().int().nullable(),
  receivedFen: z.number().int(),
  /** Approved minus received, never below 0; 0 without an approval. */
  outstandingFen: z.number().int(),
  recordedBy: ref.nullable(),
  recordedAt: timestamp.nullable(),
  payments: z.array(incentivePayment),
});
export type IncentiveView = z.infer<typeof incentiveView>;

export const incentiveTotalsInput = z.object({
  period: z.enum(INCENTIVE_PERIOD_VALUES).default('month'),
  /** First and last day of the range (China dates); default: the current year. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const incentiveFigures = z.object({
  /** Filings submitted in the period and not withdrawn. */
  submitted: z.number().int(),
  approved: z.number().int(),
  partial: z.number().int(),
  rejected: z.number().int(),
  /** Submitted, no verdict yet. */
  awaiting: z.number().int(),
  withdrawn: z.number().int(),
  approvedFen: z.number().int(),
  receivedFen: z.number().int(),
  outstandingFen: z.number().int(),
});
export type IncentiveFigures = z.infer<typeof incentiveFigures>;

export const incentiveTotals = z.object({
  period: z.enum(INCENTIVE_PERIOD_VALUES),
  from: isoDate,
  to: isoDate,
  /** Whose filings: the caller's teams' accounts (specialists) or the whole store. */
  scope: z.enum(['team', 'all']),
  /** One row per month, quarter or year, by the filings' submission date (China). */
  rows: z.array(incentiveFigures.extend({ key: z.string(), from: isoDate, to: isoDate })),
  total: incentiveFigures,
});
export type IncentiveTotals = z.infer<typeof incentiveTotals>;

export const filingHistoryInput = z.object({
  id,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(100),
});
