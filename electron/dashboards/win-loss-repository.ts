/**
 * The SQL of the win/loss dashboard: opportunities won or lost in a period (by the day their stage
 * changed, compared as the opportunities grid's date filter does), grouped by one dimension at a
 * time, and the lots other bidders won with their prices. Specialists: their teams' accounts only.
 */
import { type Kysely, sql } from 'kysely';
import type { LostReason } from '../../shared/sales-enums';
import { addDays } from '../../shared/dates';
import { teamAccountsIn } from '../accounts/account-team';
import type { Database } from '../db/schema';

export interface Range {
  from: string;
  to: string;
}

function closed(db: Kysely<Database>, range: Range, teamOf: number | null) {
  let q = db
    .selectFrom('opportunities as o')
    .where('o.stage', 'in', ['won', 'lost'])
    .where('o.stage_changed_at', '>=', range.from)
    .where('o.stage_changed_at', '<', addDays(range.to, 1));
  if (teamOf !== null) q = q.where(teamAccountsIn(teamOf, 'o.account_id'));
  return q;
}

const countAndSum = [
  sql<'won' | 'lost'>`o.stage`.as('stage'),
  sql<number>`count(*)`.as('n'),
  sql<number | null>`sum(o.amount_fen)`.as('amount'),
] as const;

/**
 * Won and lost by buyer type, owner and source at once (one read of the period's closed deals);
 * the caller sums each dimension from these few groups.
 */
export const outcomeGroups = (db: Kysely<Database>, range: Range, teamOf: number | null) =>
  closed(db, range, teamOf)
    .select(['o.buyer_type', 'o.owner_id', 'o.source', ...countAndSum])
    .groupBy(['o.buyer_type', 'o.owner_id', 'o.source', 'o.stage'])
    .execute();

/** Against each competitor brand named on the opportunity (a brand named twice counts once). */
export function outcomesByCompetitor(db: Kysely<Database>, range: Range, teamOf: number | null) {
  return closed(db, range, teamOf)
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('opportunity_competitors')
          .select(['opportunity_id', 'brand'])
          .distinct()
          .as('c'),
      (join) => join.onRef('c.opportunity_id', '=', 'o.id'),
    )
    .select([sql<string>`c.brand`.as('key'), ...countAndSum])
    .groupBy(['c.brand', 'o.stage'])
    .execute();
}

export function lostReasons(
  db: Kysely<Database>,
  range: Range,
  teamOf: number | null,
): Promise<{ reason: LostReason | null; n: number; amount: number | null }[]> {
  return closed(db, range, teamOf)
    .where('o.stage', '=', 'lost')
    .select([
      'o.lost_reason as reason',
      sql<number>`count(*)`.as('n'),
      sql<number | null>`sum(o.amount_fen)`.as('amount'),
    ])
    .groupBy('o.lost_reason')
    .execute();
}

/** How many price points the chart and table take at most (the newest). */
export const PRICE_POINTS = 1000;

/** Lots another bidder won in the period, with the winner's brand and amount recorded. */
export function competitorLots(db: Kysely<Database>, range: Range, teamOf: number | null) {
  let q = db
    .selectFrom('tender_lots as l')
    .innerJoin('tenders as t', 't.id', 'l.tender_id')
    .select([
      't.id as tender_id',
      't.project_no',
      't.awarded_on',
      'l.lot_no',
      'l.quantity',
      'l.winner_name',
      'l.winner_brand',
      'l.winner_model',
      'l.winning_amount_fen',
      'l.bid_amount_fen',
    ])
    .where('l.result', '=', 'lost')
    .where('l.winner_brand', 'is not', null)
    .where('l.winning_amount_fen', 'is not', null)
    .where('l.quantity', '>', 0)
    .where('t.awarded_on', '>=', range.from)
    .where('t.awarded_on', '<=', range.to);
  if (teamOf !== null) q = q.where(teamAccountsIn(teamOf, 't.purchaser_id'));
  return q.orderBy('t.awarded_on', 'desc').orderBy('l.id', 'desc').limit(PRICE_POINTS).execute();
}
