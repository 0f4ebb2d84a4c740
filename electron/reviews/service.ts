/**
 * "Reviewed this week" (seed 003: each rep checks each of their account cards at least weekly): a
 * review recorded by someone who may work on the account, at most once per person, card and week
 * (weeks start on Monday, China time), with an audit entry; the card's status; and a person's
 * weekly list of their accounts (owner or co-owner) they have not reviewed yet.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { chinaDate, startOfWeek } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type { ReviewStatus, ReviewsDue } from '../../shared/schemas/reviews';
import { type Actor, requireTeam, requireTeamRead } from '../accounts/account-team';
import { entityAudit } from '../audit/entity-audit';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { cardReviews, dueReviews, insertReview, reviewCounts, weekReviewOf } from './repository';

const auditAccount = entityAudit('account');

/** The Monday (China date) of the week that holds the clock's now. */
export function currentWeekStart(clock: Clock): string {
  return startOfWeek(chinaDate(clock.now()));
}

export async function recordReview(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  accountId: number,
): Promise<ReviewStatus> {
  await writeTx(db, async (trx) => {
    await requireTeam(trx, actor, accountId);
    const at = isoNow(clock);
    const weekStart = startOfWeek(chinaDate(at));
    if (await weekReviewOf(trx, actor.id, accountId, weekStart))
      throw new AppError('CONFLICT', 'you already reviewed this card this week', {
        kind: 'review.already_this_week',
      });
    await insertReview(trx, { accountId, staffId: actor.id, at, weekStart });
    await auditAccount(trx, clock, actor.id, accountId, {
      action: 'account.review',
      after: { weekStart },
    });
  });
  return reviewStatus(db, clock, actor, accountId);
}

export async function reviewStatus(
  db: Kysely<Database>,
  clock: Clock,
  viewer: Actor,
  accountId: number,
): Promise<ReviewStatus> {
  await requireTeamRead(db, viewer, accountId);
  const weekStart = currentWeekStart(clock);
  const { thisWeek, last } = await cardReviews(db, accountId, weekStart);
  const review = (r: { staff_id: number; name: string; reviewed_at: string }) => ({
    by: { id: r.staff_id, name: r.name },
    at: r.reviewed_at,
  });
  return {
    accountId,
    weekStart,
    thisWeek: thisWeek.map(review),
    last: last ? review(last) : null,
    mine: thisWeek.some((r) => r.staff_id === viewer.id),
  };
}

export async function reviewsDue(
  db: Kysely<Database>,
  clock: Clock,
  viewer: Actor,
  limit: number,
): Promise<ReviewsDue> {
  const weekStart = currentWeekStart(clock);
  const [counts, due] = await Promise.all([
    reviewCounts(db, viewer.id, weekStart),
    dueReviews(db, viewer.id, weekStart, limit),
  ]);
  return {
    weekStart,
    ...counts,
    due: due.map((a) => ({
      accountId: a.id,
      name: a.name,
      grade: a.grade,
      lastReviewedAt: a.last_reviewed_at,
    })),
  };
}
