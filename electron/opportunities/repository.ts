/**
 * The opportunities' reads: the grid and the card (the board reads through the grid's query in
 * board.ts). The writes sit with their rules in service.ts.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ListQuery } from '../../shared/list';
import {
  OPPORTUNITY_COLUMNS,
  type OpportunityColumn,
  type OpportunityDetail,
  type OpportunityRow,
  type ProbabilitySettings,
} from '../../shared/schemas/opportunities';
import { CLOSED_PROBABILITIES, STAGE_VALUES, type Stage } from '../../shared/sales-enums';
import { searchKey } from '../../shared/text';
import { noteFromColumns } from '../../shared/system-notes';
import { teamAccountCondition } from '../accounts/account-team';
import type { Database } from '../db/schema';
import {
  applyFilters,
  applySort,
  containsPattern,
  type GridColumn,
  guaranteedColumn,
} from '../grid/query';
import { gridPage, gridQuery, type SelectedRow } from '../grid/page';

export type Probabilities = Record<Stage, number>;

export function probabilitiesOf(open: ProbabilitySettings): Probabilities {
  return { ...open, ...CLOSED_PROBABILITIES };
}

/** Σ amount × probability, rounded to whole fen. */
export function weighted(amountFen: number, probability: number): number {
  return Math.round((amountFen * probability) / 100);
}

/** The probability of `o.stage` as SQL, for sorting by win rate or weighted amount. */
function probabilitySql(p: Probabilities): RawBuilder<number> {
  return sql<number>`(case o.stage ${sql.join(
    STAGE_VALUES.map((s) => sql`when ${s} then ${p[s]}`),
    sql` `,
  )} else 0 end)`;
}

const ref = (r: string) => (spec: GridColumn['spec']) => ({ spec, expr: sql.ref(r) });

/** The distinct competitor brands named on `o`, as a JSON array (for the grid's cell). */
const competitorBrandsSql = sql<string>`(select json_group_array(brand) from (select distinct brand from opportunity_competitors where opportunity_id = o.id order by brand))`;

/**
 * "Named against any of these brands", as the win/loss dashboard counts an opportunity under each
 * brand named on it; "none": no competitor named at all.
 */
function competitorFilter(brands: readonly string[], none: boolean) {
  const named = (brand?: readonly string[]) =>
    sql`exists (select 1 from opportunity_competitors c where c.opportunity_id = o.id${
      brand ? sql` and c.brand in (${sql.join(brand)})` : sql``
    })`;
  const parts = [];
  if (brands.length > 0) parts.push(named(brands));
  if (none) parts.push(sql`not ${named()}`);
  return parts.length > 0 ? sql<boolean>`(${sql.join(parts, sql` or `)})` : sql<boolean>`0`;
}

/**
 * The column maps depend only on the stage probabilities, which change when a manager edits the
 * sales settings: built once per set of them (each build parses every column reference, which was
 * a third of the board's own time).
 */
const columnMaps = new Map<
  string,
  { columns: Record<OpportunityColumn, GridColumn>; sorts: Record<string, GridColumn> }
>();

function mapsFor(p: Probabilities) {
  const key = STAGE_VALUES.map((s) => p[s]).join(',');
  let maps = columnMaps.get(key);
  if (!maps) {
    if (columnMaps.size >= 8) columnMaps.clear();
    const columns = buildColumnSql(p);
    maps = { columns, sorts: buildSortColumns(p, columns) };
    columnMaps.set(key, maps);
  }
  return maps;
}

function columnSql(p: Probabilities): Record<OpportunityColumn, GridColumn> {
  return mapsFor(p).columns;
}

function sortColumns(p: Probabilities): Record<string, GridColumn> {
  return mapsFor(p).sorts;
}

function buildColumnSql(p: Probabilities): Record<OpportunityColumn, GridColumn> {
  const c = OPPORTUNITY_COLUMNS;
  return {
    title: ref('o.title')(c.title),
    accountName: ref('a.name')(c.accountName),
    buyerType: ref('o.buyer_type')(c.buyerType),
    stage: ref('o.stage')(c.stage),
    probability: { spec: c.probability, expr: probabilitySql(p) },
    amountFen: ref('o.amount_fen')(c.amountFen),
    weightedFen: { spec: c.weightedFen, expr: sql`(o.amount_fen * ${probabilitySql(p)})` },
    budgetFen: ref('o.budget_fen')(c.budgetFen),
    quantity: ref('o.quantity')(c.quantity),
    expectedCloseOn: ref('o.expected_close_on')(c.expectedCloseOn),
    ownerId: { spec: c.ownerId, expr: sql.ref('o.owner_id'), numeric: true },
    source: ref('o.source')(c.source),
    accountId: { spec: c.accountId, expr: sql.ref('o.account_id'), numeric: true },
    tenderNo: ref('t.project_no')(c.tenderNo),
    lostReason: ref('o.lost_reason')(c.lostReason),
    winnerName: ref('o.winner_name')(c.winnerName),
    competitorBrands: {
      spec: c.competitorBrands,
      expr: competitorBrandsSql,
      anyOf: competitorFilter,
    },
    stageChangedAt: ref('o.stage_changed_at')(c.stageChangedAt),
    createdAt: ref('o.created_at')(c.createdAt),
    updatedAt: ref('o.updated_at')(c.updatedAt),
  };
}

function buildSortColumns(
  p: Probabilities,
  cols: Record<OpportunityColumn, GridColumn>,
): Record<string, GridColumn> {
  return {
    ...cols,
    title: { spec: OPPORTUNITY_COLUMNS.title, expr: sql.ref('o.title_sort') },
    accountName: { spec: OPPORTUNITY_COLUMNS.accountName, expr: sql.ref('a.name_sort') },
    ownerId: { spec: OPPORTUNITY_COLUMNS.ownerId, expr: sql.ref('s.name') },
    // Undated opportunities come after every dated one (SQLite would put NULL first).
    expectedCloseOn: {
      spec: OPPORTUNITY_COLUMNS.expectedCloseOn,
      expr: sql`coalesce(o.expected_close_on, '9999-12-31')`,
    },
    // Stages sort in process order, not alphabetically.
    stage: {
      spec: OPPORTUNITY_COLUMNS.stage,
      expr: sql`(case o.stage ${sql.join(
        STAGE_VALUES.map((s, i) => sql`when ${s} then ${i}`),
        sql` `,
      )} end)`,
    },
  };
}

export type OpportunityView = Pick<ListQuery<OpportunityColumn>, 'filters' | 'sort' | 'search'> & {
  /** A specialist's id: only their teams' accounts' opportunities (account-team.teamScope). */
  teamOf: number | null;
};

function joined(db: Kysely<Database>) {
  return (
    db
      .selectFrom('opportunities as o')
      // A left join to a row the foreign key guarantees: SQLite leaves it out where unused (grid/page.ts).
      .leftJoin('accounts as a', 'a.id', 'o.account_id')
      .leftJoin('tenders as t', 't.id', 'o.tender_id')
  );
}

/** Counts and sums need the joins only when a filter is on a joined column. */
function needsJoins(query: Omit<OpportunityView, 'sort'>): boolean {
  return query.filters.some((f) => f.field === 'accountName' || f.field === 'tenderNo');
}

export function filtered(
  db: Kysely<Database>,
  query: Omit<OpportunityView, 'sort'>,
  p: Probabilities,
  joins = true,
) {
  let q = (
    joins || needsJoins(query) ? joined(db) : db.selectFrom('opportunities as o')
  ) as ReturnType<typeof joined>;
  q = applyFilters(q, columnSql(p), query.filters);
  if (query.teamOf !== null) q = q.where(teamAccountCondition(query.teamOf, 'o.account_id'));
  const search = query.search ? searchKey(query.search) : '';
  if (search) q = q.where(sql<boolean>`o.search_text like ${containsPattern(search)} escape '\\'`);
  return q;
}

const ROW_COLUMNS = [
  'o.id',
  'o.title',
  'o.account_id',
  guaranteedColumn<string>('a.name').as('account_name'),
  'o.buyer_type',
  'o.stage',
  'o.amount_fen',
  'o.budget_fen',
  'o.quantity',
  'o.expected_close_on',
  'o.owner_id',
  'o.source',
  't.id as tender_id',
  't.project_no as tender_no',
  'o.lost_reason',
  'o.winner_name',
  'o.stage_changed_at',
  'o.created_at',
  'o.updated_at',
  'o.version',
] as const;

export function rowsQuery(db: Kysely<Database>, query: OpportunityView, p: Probabilities) {
  return applySort(
    filtered(db, query, p).leftJoin('staff as s', 's.id', 'o.owner_id'),
    sortColumns(p),
    query.sort,
    sql.ref('o.id'),
  ).select([
    ...ROW_COLUMNS,
    sql<string | null>`s.name`.as('owner_name'),
    competitorBrandsSql.as('competitor_brands'),
  ]);
}

export type RowRecord = SelectedRow<typeof rowsQuery>;

function brandsOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((b): b is string => typeof b === 'string') : [];
}

export function toRow(r: RowRecord, p: Probabilities): OpportunityRow {
  const stage = r.stage;
  return {
    id: r.id,
    title: r.title,
    accountId: r.account_id,
    accountName: r.account_name,
    buyerType: r.buyer_type,
    stage,
    probability: p[stage],
    amountFen: r.amount_fen,
    weightedFen: weighted(r.amount_fen, p[stage]),
    budgetFen: r.budget_fen,
    quantity: r.quantity,
    expectedCloseOn: r.expected_close_on,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    source: r.source,
    tenderId: r.tender_id,
    tenderNo: r.tender_no,
    lostReason: r.lost_reason,
    winnerName: r.winner_name,
    competitorBrands: brandsOf(r.competitor_brands),
    stageChangedAt: r.stage_changed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** The opportunity grid's query (rows, count, row mapper); its export reads it whole. */
export function opportunityGridQuery(
  db: Kysely<Database>,
  query: OpportunityView,
  p: Probabilities,
) {
  return gridQuery(
    db,
    rowsQuery(db, query, p),
    filtered(db, query, p, false),
    (r: RowRecord) => toRow(r, p),
    'o.id',
  );
}

export async function listOpportunities(
  db: Kysely<Database>,
  query: ListQuery<OpportunityColumn> & Pick<OpportunityView, 'teamOf'>,
  p: Probabilities,
): Promise<{ rows: OpportunityRow[]; total: number }> {
  return gridPage(opportunityGridQuery(db, query, p), query);
}

/** The brands named as competitors on the opportunities in view, each once, alphabetically. */
export async function competitorBrands(
  db: Kysely<Database>,
  teamOf: number | null,
): Promise<string[]> {
  let q = db
    .selectFrom('opportunity_competitors as c')
    .innerJoin('opportunities as o', 'o.id', 'c.opportunity_id')
    .select('c.brand')
    .distinct()
    .orderBy('c.brand');
  if (teamOf !== null) q = q.where(teamAccountCondition(teamOf, 'o.account_id'));
  return (await q.execute()).map((r) => r.brand);
}

export async function getOpportunityDetail(
  db: Kysely<Database>,
  id: number,
  p: Probabilities,
): Promise<OpportunityDetail | null> {
  const row = await rowsQuery(db, { filters: [], sort: [], teamOf: null }, p)
    .where('o.id', '=', id)
    .select(['o.notes', 'o.lost_note', 'o.winning_price_fen', 'o.contract_id'])
    .executeTakeFirst();
  if (!row) return null;
  const [lines, contacts, competitors, stages, tenders, contracts] = await Promise.all([
    db
      .selectFrom('opportunity_lines')
      .selectAll()
      .where('opportunity_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('opportunity_contacts as oc')
      .innerJoin('contacts as c', 'c.id', 'oc.contact_id')
      .select(['oc.contact_id', 'c.name', 'c.title', 'oc.role'])
      .where('oc.opportunity_id', '=', id)
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('opportunity_competitors')
      .selectAll()
      .where('opportunity_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('opportunity_stages as h')
      .leftJoin('staff as s', 's.id', 'h.actor_id')
      .select([
        'h.at',
        'h.actor_id',
        's.name',
        'h.from_stage',
        'h.to_stage',
        'h.cause',
        'h.note',
        'h.note_code',
        'h.note_params',
      ])
      .where('h.opportunity_id', '=', id)
      .orderBy('h.id')
      .execute(),
    db
      .selectFrom('tenders')
      .select(['id', 'project_no', 'name', 'status'])
      .where('opportunity_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('contracts')
      .select(['id', 'number', 'status', 'total_fen'])
      .where('opportunity_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  return {
    ...toRow(row, p),
    notes: row.notes,
    lostNote: row.lost_note,
    winningPriceFen: row.winning_price_fen,
    contractId: row.contract_id,
    lines: lines.map((l) => ({
      model: l.model,
      configuration: l.configuration,
      quantity: l.quantity,
      targetUnitPriceFen: l.target_unit_price_fen,
    })),
    contacts: contacts.map((c) => ({
      contactId: c.contact_id,
      name: c.name,
      title: c.title,
      role: c.role,
    })),
    competitors: competitors.map((c) => ({
      brand: c.brand,
      model: c.model,
      rep: c.rep,
      customerView: c.customer_view,
    })),
    stageHistory: stages.map((h) => ({
      at: h.at,
      actor: h.actor_id !== null && h.name !== null ? { id: h.actor_id, name: h.name } : null,
      from: h.from_stage,
      to: h.to_stage,
      cause: h.cause,
      note: h.note,
      systemNote: noteFromColumns(h.note_code, h.note_params),
    })),
    tenders: tenders.map((t) => ({
      id: t.id,
      projectNo: t.project_no,
      name: t.name,
      status: t.status,
    })),
    contracts: contracts.map((c) => ({
      id: c.id,
      number: c.number,
      status: c.status,
      totalFen: c.total_fen,
    })),
  };
}
