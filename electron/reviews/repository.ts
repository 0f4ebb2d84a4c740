/** All SQL of account_reviews: a card's reviews, and an owner's cards not reviewed this week. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { teamAccountCondition } from '../accounts/account-team';

export async function weekReviewOf(
  db: Kysely<Database>,
  staffId: number,
  accountId: number,
  weekStart: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('account_reviews')
    .select('id')
    .where('staff_id', '=', staffId)
    .where('week_start', '=', weekStart)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertReview(
  db: Kysely<Database>,
  row: { accountId: number; staffId: number; at: string; weekStart: string },
): Promise<void> {
  await db
    .insertInto('account_reviews')
    .values({
      account_id: row.accountId,
      staff_id: row.staffId,
      reviewed_at: row.at,
      week_start: row.weekStart,
    })
    .execute();
}

/** The card's reviews of this week (newest first) and its newest review ever. */
export async function cardReviews(db: Kysely<Database>, accountId: number, weekStart: string) {
  const base = db
    .selectFrom('account_reviews as r')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select(['r.staff_id', 's.name', 'r.reviewed_at', 'r.week_start'])
    .where('r.account_id', '=', accountId)
    .orderBy('r.reviewed_at', 'desc')
    .orderBy('r.id', 'desc');
  const [thisWeek, last] = await Promise.all([
    base.where('r.week_start', '=', weekStart).execute(),
    base.limit(1).executeTakeFirst(),
  ]);
  return { thisWeek, last: last ?? null };
}

/** Accounts on `staffId`'s teams (owner or co-owner). */
function teamAccounts(db: Kysely<Database>, staffId: number) {
  return db.selectFrom('accounts as a').where(teamAccountCondition(staffId, 'a.id'));
}

function reviewedBy(staffId: number, weekStart: string) {
  return sql<boolean>`exists (select 1 from account_reviews as w where w.staff_id = ${staffId} and w.week_start = ${weekStart} and w.account_id = a.id)`;
}

/** How many of the person's accounts there are, and how many they reviewed in the week. */
export async function reviewCounts(
  db: Kysely<Database>,
  staffId: number,
  weekStart: string,
): Promise<{ accounts: number; reviewed: number }> {
  const row = await teamAccounts(db, staffId)
    .select([
      (eb) => eb.fn.countAll<number>().as('accounts'),
      sql<number>`sum(case when ${reviewedBy(staffId, weekStart)} then 1 else 0 end)`.as(
        'reviewed',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { accounts: Number(row.accounts), reviewed: Number(row.reviewed ?? 0) };
}

/** The person's accounts they have not reviewed in the week: never reviewed first, then oldest. */
export async function dueReviews(
  db: Kysely<Database>,
  staffId: number,
  weekStart: string,
  limit: number,
) {
  const last = sql<
    string | null
  >`(select max(p.reviewed_at) from account_reviews as p where p.staff_id = ${staffId} and p.account_id = a.id)`;
  return teamAccounts(db, staffId)
    .where(sql<boolean>`not ${reviewedBy(staffId, weekStart)}`)
    .select(['a.id', 'a.name', 'a.grade', last.as('last_reviewed_at')])
    .orderBy(sql`case when ${last} is null then 0 else 1 end`)
    .orderBy(last)
    .orderBy('a.name_sort')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}
