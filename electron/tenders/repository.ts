/**
 * Kysely code of the tender reads: the grid, lot results (price history) and the tender card. The
 * workflows' writes and lookups are in record-repository.ts.
 */
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import type { ListQuery } from '../../shared/list';
import type { TenderPhase } from '../../shared/sales-enums';
import {
  LOT_RESULT_COLUMNS,
  TENDER_COLUMNS,
  type LotResultColumn,
  type TenderColumn,
  type TenderDetail,
  type TenderRow,
} from '../../shared/schemas/tenders';
import { searchKey } from '../../shared/text';
import type { Database } from '../db/schema';
import { applyFilters, applySort, containsPattern, type GridColumn } from '../grid/query';
import { gridPage, gridQuery, type SelectedRow } from '../grid/page';

const refs = <C extends string>(
  specs: Record<C, GridColumn['spec']>,
  map: Record<C, string>,
  numeric: C[] = [],
): Record<C, GridColumn> =>
  Object.fromEntries(
    (Object.keys(map) as C[]).map((k) => [
      k,
      { spec: specs[k], expr: sql.ref(map[k]), numeric: numeric.includes(k) },
    ]),
  ) as Record<C, GridColumn>;

const TENDER_SQL = refs<TenderColumn>(
  TENDER_COLUMNS,
  {
    projectNo: 't.project_no',
    name: 't.name',
    method: 't.method',
    purchaserName: 'a.name',
    agency: 't.agency',
    status: 't.status',
    budgetFen: 't.budget_fen',
    quantity: 't.quantity',
    ownerId: 't.owner_id',
    announcedOn: 't.announced_on',
    docSaleEndOn: 't.doc_sale_end_on',
    bidDeadlineAt: 't.bid_deadline_at',
    openingAt: 't.opening_at',
    publicityEndOn: 't.publicity_end_on',
    awardedOn: 't.awarded_on',
    bondFen: 't.bond_fen',
    bondRefundDueOn: 't.bond_refund_due_on',
    bondRefundedOn: 't.bond_refunded_on',
    wonLots: 't.won_lots',
    opportunityTitle: 'o.title',
    updatedAt: 't.updated_at',
  },
  ['ownerId'],
);
const TENDER_SORT: Record<string, GridColumn> = {
  ...TENDER_SQL,
  purchaserName: { spec: TENDER_COLUMNS.purchaserName, expr: sql.ref('a.name_sort') },
  ownerId: { spec: TENDER_COLUMNS.ownerId, expr: sql.ref('s.name') },
};

function filtered(
  db: Kysely<Database>,
  query: Pick<ListQuery<TenderColumn>, 'filters' | 'search'>,
) {
  let q = db
    .selectFrom('tenders as t')
    .innerJoin('accounts as a', 'a.id', 't.purchaser_id')
    .leftJoin('opportunities as o', 'o.id', 't.opportunity_id');
  q = applyFilters(q, TENDER_SQL, query.filters);
  const search = query.search ? searchKey(query.search) : '';
  if (search) q = q.where(sql<boolean>`t.search_text like ${containsPattern(search)} escape '\\'`);
  return q;
}

function rowsQuery(
  db: Kysely<Database>,
  query: Pick<ListQuery<TenderColumn>, 'filters' | 'search' | 'sort'>,
) {
  return applySort(
    filtered(db, query).leftJoin('staff as s', 's.id', 't.owner_id'),
    TENDER_SORT,
    query.sort,
    sql.ref('t.id'),
  ).select([
    't.id',
    't.project_no',
    't.name',
    't.method',
    't.purchaser_id',
    'a.name as purchaser_name',
    't.agency',
    't.status',
    't.budget_fen',
    't.quantity',
    't.lot_count',
    't.won_lots',
    't.owner_id',
    sql<string | null>`s.name`.as('owner_name'),
    't.announced_on',
    't.doc_sale_start_on',
    't.doc_sale_end_on',
    't.bid_deadline_at',
    't.opening_at',
    't.publicity_end_on',
    't.awarded_on',
    't.bond_fen',
    't.bond_refund_due_on',
    't.bond_refunded_on',
    't.opportunity_id',
    sql<string | null>`o.title`.as('opportunity_title'),
    't.updated_at',
  ]);
}

type RowRecord = SelectedRow<typeof rowsQuery>;

/** Which deadline an announced tender is heading for, by the clock now. */
function tenderPhase(
  r: Pick<
    RowRecord,
    'status' | 'doc_sale_start_on' | 'doc_sale_end_on' | 'bid_deadline_at' | 'opening_at'
  >,
  now: Date,
): TenderPhase | null {
  if (r.status !== 'announced') return null;
  const today = chinaDate(now);
  if (r.opening_at && Date.parse(r.opening_at) <= now.getTime()) return 'evaluation';
  if (r.bid_deadline_at && Date.parse(r.bid_deadline_at) <= now.getTime()) return 'evaluation';
  if (r.doc_sale_start_on && today < r.doc_sale_start_on) return 'before_sale';
  if (r.doc_sale_end_on && today <= r.doc_sale_end_on) return 'doc_sale';
  return 'bidding';
}

/** A grid row; its phase as of `now`. */
function toRow(r: RowRecord, now: Date): TenderRow {
  return {
    id: r.id,
    projectNo: r.project_no,
    name: r.name,
    method: r.method,
    purchaserId: r.purchaser_id,
    purchaserName: r.purchaser_name,
    agency: r.agency,
    status: r.status,
    phase: tenderPhase(r, now),
    budgetFen: r.budget_fen,
    quantity: r.quantity,
    lotCount: r.lot_count,
    wonLots: r.won_lots,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    announcedOn: r.announced_on,
    docSaleEndOn: r.doc_sale_end_on,
    bidDeadlineAt: r.bid_deadline_at,
    openingAt: r.opening_at,
    publicityEndOn: r.publicity_end_on,
    awardedOn: r.awarded_on,
    bondFen: r.bond_fen,
    bondRefundDueOn: r.bond_refund_due_on,
    bondRefundedOn: r.bond_refunded_on,
    opportunityId: r.opportunity_id,
    opportunityTitle: r.opportunity_title,
    updatedAt: r.updated_at,
  };
}

/** The tender grid's query (rows, count, row mapper); phases as of `now`. Its export reads it whole. */
export function tenderGridQuery(
  db: Kysely<Database>,
  query: Pick<ListQuery<TenderColumn>, 'filters' | 'search' | 'sort'>,
  now: Date,
) {
  return gridQuery(
    db,
    rowsQuery(db, query),
    filtered(db, query),
    (r: RowRecord) => toRow(r, now),
    't.id',
  );
}

export async function listTenders(
  db: Kysely<Database>,
  clock: Clock,
  query: ListQuery<TenderColumn>,
): Promise<{ rows: TenderRow[]; total: number }> {
  return gridPage(tenderGridQuery(db, query, clock.now()), query);
}

export async function getTenderDetail(
  db: Kysely<Database>,
  clock: Clock,
  id: number,
): Promise<TenderDetail | null> {
  const row = await rowsQuery(db, { filters: [], sort: [] })
    .where('t.id', '=', id)
    .select([
      't.intention_on',
      't.opening_place',
      't.announcement_url',
      't.bond_paid_on',
      't.close_reason',
      't.notes',
      't.version',
    ])
    .executeTakeFirst();
  if (!row) return null;
  const [lots, amendments] = await Promise.all([
    db
      .selectFrom('tender_lots')
      .selectAll()
      .where('tender_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('tender_amendments as m')
      .leftJoin('staff as s', 's.id', 'm.recorded_by')
      .select([
        'm.id',
        'm.published_on',
        'm.summary',
        'm.changes_json',
        'm.recorded_at',
        'm.recorded_by',
        's.name',
      ])
      .where('m.tender_id', '=', id)
      .orderBy('m.id')
      .execute(),
  ]);
  return {
    ...toRow(row, clock.now()),
    intentionOn: row.intention_on,
    docSaleStartOn: row.doc_sale_start_on,
    openingPlace: row.opening_place,
    announcementUrl: row.announcement_url,
    bondPaidOn: row.bond_paid_on,
    closeReason: row.close_reason,
    notes: row.notes,
    version: row.version,
    lots: lots.map((l) => ({
      id: l.id,
      lotNo: l.lot_no,
      name: l.name,
      requirements: l.requirements,
      quantity: l.quantity,
      budgetFen: l.budget_fen,
      bidAmountFen: l.bid_amount_fen,
      bidModel: l.bid_model,
      result: l.result,
      winnerName: l.winner_name,
      winnerBrand: l.winner_brand,
      winnerModel: l.winner_model,
      winningAmountFen: l.winning_amount_fen,
    })),
    amendments: amendments.map((m) => ({
      id: m.id,
      publishedOn: m.published_on,
      summary: m.summary,
      changes: JSON.parse(m.changes_json) as Record<string, [unknown, unknown]>,
      recordedAt: m.recorded_at,
      recordedBy:
        m.recorded_by !== null && m.name !== null ? { id: m.recorded_by, name: m.name } : null,
    })),
  };
}

const unitPrice = sql<
  number | null
>`(case when l.winning_amount_fen is null then null else cast(round(l.winning_amount_fen * 1.0 / l.quantity) as integer) end)`;

const LOT_SQL: Record<LotResultColumn, GridColumn> = {
  ...refs<Exclude<LotResultColumn, 'winningUnitFen'>>(LOT_RESULT_COLUMNS, {
    awardedOn: 't.awarded_on',
    projectNo: 't.project_no',
    tenderName: 't.name',
    purchaserName: 'a.name',
    lotNo: 'l.lot_no',
    result: 'l.result',
    winnerName: 'l.winner_name',
    winnerBrand: 'l.winner_brand',
    winnerModel: 'l.winner_model',
    quantity: 'l.quantity',
    winningAmountFen: 'l.winning_amount_fen',
    bidAmountFen: 'l.bid_amount_fen',
  }),
  winningUnitFen: { spec: LOT_RESULT_COLUMNS.winningUnitFen, expr: unitPrice },
};

function lotResultsFiltered(
  db: Kysely<Database>,
  query: Pick<ListQuery<LotResultColumn>, 'filters' | 'search'>,
) {
  let q = db
    .selectFrom('tender_lots as l')
    .innerJoin('tenders as t', 't.id', 'l.tender_id')
    .innerJoin('accounts as a', 'a.id', 't.purchaser_id')
    .where('l.result', '!=', 'pending');
  q = applyFilters(q, LOT_SQL, query.filters);
  const search = query.search ? searchKey(query.search) : '';
  if (search) q = q.where(sql<boolean>`t.search_text like ${containsPattern(search)} escape '\\'`);
  return q;
}

function lotResultRows(
  db: Kysely<Database>,
  query: Pick<ListQuery<LotResultColumn>, 'filters' | 'search' | 'sort'>,
) {
  const sorted = query.sort.length > 0 ? query.sort : [{ field: 'awardedOn', desc: true }];
  return applySort(lotResultsFiltered(db, query), LOT_SQL, sorted, sql.ref('l.id')).select([
    'l.id as lot_id',
    't.id as tender_id',
    't.awarded_on',
    't.project_no',
    't.name as tender_name',
    'a.name as purchaser_name',
    'l.lot_no',
    'l.result',
    'l.winner_name',
    'l.winner_brand',
    'l.winner_model',
    'l.quantity',
    'l.winning_amount_fen',
    unitPrice.as('winning_unit_fen'),
    'l.bid_amount_fen',
  ]);
}

function toLotResultRow(r: SelectedRow<typeof lotResultRows>) {
  return {
    lotId: r.lot_id,
    tenderId: r.tender_id,
    awardedOn: r.awarded_on,
    projectNo: r.project_no,
    tenderName: r.tender_name,
    purchaserName: r.purchaser_name,
    lotNo: r.lot_no,
    result: r.result,
    winnerName: r.winner_name,
    winnerBrand: r.winner_brand,
    winnerModel: r.winner_model,
    quantity: r.quantity,
    winningAmountFen: r.winning_amount_fen,
    winningUnitFen: r.winning_unit_fen,
    bidAmountFen: r.bid_amount_fen,
  };
}

/** Lots whose result is known (won, lost, no award): the competitor price history, as a query. */
export function lotResultGridQuery(
  db: Kysely<Database>,
  query: Pick<ListQuery<LotResultColumn>, 'filters' | 'search' | 'sort'>,
) {
  return gridQuery(
    db,
    lotResultRows(db, query),
    lotResultsFiltered(db, query),
    toLotResultRow,
    'l.id',
  );
}

export async function listLotResults(db: Kysely<Database>, query: ListQuery<LotResultColumn>) {
  return gridPage(lotResultGridQuery(db, query), query);
}
