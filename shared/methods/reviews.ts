/** The reviews.* methods of the API contract (served from electron/reviews/). */
import { z } from 'zod';
import { refId } from '../schemas/references';
import { id } from '../schemas/common';
import { reviewStatus, reviewsDue, reviewsDueInput } from '../schemas/reviews';
import { method } from './method';

export const reviewsMethods = {
  'reviews.record': method(
    z.object({ accountId: refId('accounts') }),
    reviewStatus,
    'Record that the caller reviewed an account card this week (seed 003: at least weekly).',
  ),
  'reviews.ofAccount': method(
    z.object({ accountId: id }),
    reviewStatus,
    'Who reviewed an account card this week, and its last review.',
  ),
  'reviews.due': method(
    reviewsDueInput,
    reviewsDue,
    'The caller’s accounts they have not reviewed this week (weeks start on Monday).',
  ),
} as const;
