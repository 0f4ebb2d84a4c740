/** reviews.*: "reviewed this week" of account cards and the caller's weekly review list. */
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { recordReview, reviewsDue, reviewStatus } from './service';

type ReviewHandlers = Pick<Handlers, 'reviews.record' | 'reviews.ofAccount' | 'reviews.due'>;

export function reviewHandlers({ db, clock }: Deps): ReviewHandlers {
  return {
    'reviews.record': ({ accountId }, { session }) =>
      recordReview(db, clock, session.requireUser(), accountId),
    // The card's team and managers see who reviewed it (the team rule).
    'reviews.ofAccount': ({ accountId }, { session }) =>
      reviewStatus(db, clock, session.requireUser(), accountId),
    'reviews.due': ({ limit }, { session }) => reviewsDue(db, clock, session.requireUser(), limit),
  };
}
