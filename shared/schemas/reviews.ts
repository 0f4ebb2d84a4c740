/** "Reviewed this week" of account cards (seed 003) and an owner's weekly review list. */
import { z } from 'zod';
import { GRADE_VALUES } from '../enums';
import { id, isoDate, ref, timestamp } from './common';

const review = z.object({ by: ref, at: timestamp });

export const reviewStatus = z.object({
  accountId: id,
  /** The Monday of the current week (China), from which reviews count as "this week". */
  weekStart: isoDate,
  /** This week's reviews, newest first. */
  thisWeek: z.array(review),
  /** The newest review ever, this week's or older. */
  last: review.nullable(),
  /** Whether the caller reviewed the card this week. */
  mine: z.boolean(),
});
export type ReviewStatus = z.infer<typeof reviewStatus>;

export const reviewsDueInput = z.object({
  limit: z.number().int().min(1).max(500).default(100),
});

const dueAccount = z.object({
  accountId: id,
  name: z.string(),
  grade: z.enum(GRADE_VALUES),
  /** The caller's last review of the card, before this week; null: never. */
  lastReviewedAt: timestamp.nullable(),
});
export type DueAccount = z.infer<typeof dueAccount>;

export const reviewsDue = z.object({
  weekStart: isoDate,
  /** The caller's accounts (owner or co-owner). */
  accounts: z.number().int(),
  /** Of those, the ones the caller reviewed this week. */
  reviewed: z.number().int(),
  /** Not reviewed by the caller this week: never reviewed first, then the longest ago. */
  due: z.array(dueAccount),
});
export type ReviewsDue = z.infer<typeof reviewsDue>;
