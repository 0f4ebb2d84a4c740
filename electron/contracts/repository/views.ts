/** Kysely code of what contracts show: the grid, the contract card and the follow-up list. */
import type { BuyerType } from '../../../shared/enums';
import { type Kysely, sql } from 'kysely';
import type { ListQuery } from '../../../shared/list';
import {
  CONTRACT_COLUMNS,
  type Approval,
  type ContractColumn,
  type ContractDetail,
  type ContractRow,
  type FollowUp,
} from '../../../shared/schemas/contracts';
import { searchKey } from '../../../shared/text';
import { teamAccountCondition } from '../../accounts/account-team';
import type { Database } from '../../db/schema';
import {
  applyFilters,
  applySort,
  containsPattern,
  type GridColumn,
  guaranteedColumn,
} from '../../grid/query';
import { gridPage, gridQuery, type SelectedRow } from '../../grid/page';

const CONTRACT_SQL: Record<ContractColumn, GridColumn> = Object.fromEntries(
  (
    [
      ['number', 'c.number'],
      ['kind', 'c.kind'],
      ['status', 'c.status'],
      ['accountName', 'a.name'],
      ['buyerType', 'a.buyer_type'],
      ['partyName', 'c.party_name'],
      ['signedOn', 'c.signed_on'],
      ['deliveryDueOn', 'c.delivery_due_on'],
      ['quantity', 'c.quantity'],
      ['totalFen', 'c.total_fen'],
      ['delivered', 'c.delivered'],
      ['invoicedFen', 'c.invoiced_fen'],
      ['belowFloor', 'c.below_floor'],
      ['ownerId', 'c.owner_id'],
      ['updatedAt', 'c.updated_at'],
      ['accountId', 'c.account_id'],
    ] as [ContractColumn, string][]
  ).map(([k, r]) => [
    k,
    {
      spec: CONTRACT_COLUMNS[k],
      expr: sql.ref(r),
      numeric: k === 'ownerId' || k === 'accountId',
    },
  ]),
) as Record<ContractColumn, GridColumn>;
const CONTRACT_SORT: Record<string, GridColumn> = {
  ...CONTRACT_SQL,
  accountName: { spec: CONTRACT_COLUMNS.accountName, expr: sql.ref('a.name_sort') },
  ownerId: { spec: CONTRACT_COLUMNS.ownerId, expr: sql.ref('s.name') },
};

/** `teamOf`: a specialist's id, for their teams' accounts' contracts only (account-team.teamScope). */
type ContractView = Pick<ListQuery<ContractColumn>, 'filters' | 'search'> & {
  teamOf: number | null;
};

function filtered(db: Kysely<Database>, query: ContractView) {
  // A left join to a row the foreign key guarantees: SQLite leaves it out where unused (grid/page.ts).
  let q = db.selectFrom('contracts as c').leftJoin('accounts as a', 'a.id', 'c.account_id');
  q = applyFilters(q, CONTRACT_SQL, query.filters);
  if (query.teamOf !== null) q = q.where(teamAccountCondition(query.teamOf, 'c.account_id'));
  const search = query.search ? searchKey(query.search) : '';
  if (search) q = q.where(sql<boolean>`c.search_text like ${containsPattern(search)} escape '\\'`);
  return q;
}

function rowsQuery(
  db: Kysely<Database>,
  query: ContractView & Pick<ListQuery<ContractColumn>, 'sort'>,
) {
  return applySort(
    filtered(db, query).leftJoin('staff as s', 's.id', 'c.owner_id'),
    CONTRACT_SORT,
    query.sort,
    sql.ref('c.id'),
  ).select([
    'c.id',
    'c.number',
    'c.kind',
    'c.status',
    'c.account_id',
    guaranteedColumn<string>('a.name').as('account_name'),
    guaranteedColumn<BuyerType>('a.buyer_type').as('buyer_type'),
    'c.party_name',
    'c.signed_on',
    'c.delivery_due_on',
    'c.quantity',
    'c.total_fen',
    'c.delivered',
    'c.invoiced_fen',
    'c.below_floor',
    'c.owner_id',
    sql<string | null>`s.name`.as('owner_name'),
    'c.updated_at',
  ]);
}
type RowRecord = SelectedRow<typeof rowsQuery>;

function toRow(r: RowRecord): ContractRow {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    accountId: r.account_id,
    accountName: r.account_name,
    buyerType: r.buyer_type,
    partyName: r.party_name,
    signedOn: r.signed_on,
    deliveryDueOn: r.delivery_due_on,
    quantity: r.quantity,
    totalFen: r.total_fen,
    delivered: r.delivered,
    invoicedFen: r.invoiced_fen,
    belowFloor: r.below_floor,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    updatedAt: r.updated_at,
  };
}

/** The contract grid's query (rows, count, row mapper); its export reads it whole. */
export function contractGridQuery(
  db: Kysely<Database>,
  query: Pick<ListQuery<ContractColumn>, 'filters' | 'sort' | 'search'> & { teamOf: number | null },
) {
  return gridQuery(db, rowsQuery(db, query), filtered(db, query), toRow, 'c.id');
}

export async function listContracts(
  db: Kysely<Database>,
  query: ListQuery<ContractColumn> & { teamOf: number | null },
) {
  return gridPage(contractGridQuery(db, query), query);
}

const person = (id: number | null, name: string | null) =>
  id !== null && name !== null ? { id, name } : null;

function followUpsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('contracts as c', 'c.id', 'f.contract_id')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('contract_allocations as al', 'al.id', 'f.allocation_id')
    .leftJoin('accounts as u', 'u.id', 'al.unit_id')
    .leftJoin('staff as s', 's.id', 'f.done_by')
    .select([
      'f.id',
      'f.contract_id',
      'c.number',
      'a.name as account_name',
      'f.allocation_id',
      sql<string | null>`u.name`.as('unit_name'),
      'f.delivered_on',
      'f.days',
      'f.due_on',
      'f.done_at',
      'f.done_by',
      sql<string | null>`s.name`.as('done_by_name'),
      'f.outcome',
    ]);
}

export function toFollowUp(r: SelectedRow<typeof followUpsQuery>): FollowUp {
  return {
    id: r.id,
    contractId: r.contract_id,
    contractNo: r.number,
    accountName: r.account_name,
    allocationId: r.allocation_id,
    unitName: r.unit_name,
    deliveredOn: r.delivered_on,
    days: r.days,
    dueOn: r.due_on,
    doneAt: r.done_at,
    doneBy: person(r.done_by, r.done_by_name),
    outcome: r.outcome,
  };
}

/** What the follow-up list asks for (followUps.list, after its team scope is known). */
export interface FollowUpView {
  state: 'open' | 'done' | 'all';
  ownerId: number | null;
  offset: number;
  limit: number;
  /** A specialist's id: their teams' accounts only (account-team.teamScope). */
  teamOf: number | null;
}

/** One page of follow-ups (open ones soonest first, done ones latest first) and their count. */
export async function followUpRows(db: Kysely<Database>, q: FollowUpView) {
  let base = followUpsQuery(db);
  if (q.teamOf !== null) base = base.where(teamAccountCondition(q.teamOf, 'c.account_id'));
  if (q.state === 'open') base = base.where('f.done_at', 'is', null);
  if (q.state === 'done') base = base.where('f.done_at', 'is not', null);
  if (q.ownerId !== null) base = base.where('c.owner_id', '=', q.ownerId);
  const [rows, count] = await Promise.all([
    base
      .orderBy('f.due_on', q.state === 'done' ? 'desc' : 'asc')
      .orderBy('f.id')
      .offset(q.offset)
      .limit(q.limit)
      .execute(),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One follow-up as the list shows it, if it exists. */
export async function getFollowUp(db: Kysely<Database>, id: number) {
  return followUpsQuery(db).where('f.id', '=', id).executeTakeFirst();
}

export interface ApprovedLine {
  model: string;
  quantity: number;
  unitPriceFen: number;
  floorFen: number;
}

/** The card without its final blockers (the service adds them). */
export async function getContractDetail(
  db: Kysely<Database>,
  id: number,
): Promise<Omit<ContractDetail, 'finalBlockers'> | null> {
  const row = await rowsQuery(db, { filters: [], sort: [], teamOf: null })
    .leftJoin('opportunities as o', 'o.id', 'c.opportunity_id')
    .leftJoin('tenders as t', 't.id', 'c.tender_id')
    .where('c.id', '=', id)
    .select([
      'c.notes',
      'c.version',
      'c.opportunity_id',
      sql<string | null>`o.title`.as('opportunity_title'),
      'c.tender_id',
      sql<string | null>`t.project_no`.as('tender_no'),
      sql<
        number | null
      >`(select sum(winning_amount_fen) from tender_lots w where w.tender_id = c.tender_id and w.result = 'won')`.as(
        'tender_award_fen',
      ),
    ])
    .executeTakeFirst();
  if (!row) return null;
  const [lines, approvals, allocations, deliveries, invoices, followUps] = await Promise.all([
    db
      .selectFrom('contract_lines as l')
      .selectAll('l')
      .select([
        sql<number>`(select count(*) from deliveries d where d.line_id = l.id)`.as('delivered'),
        sql<number>`(select coalesce(sum(quantity), 0) from contract_allocations x where x.line_id = l.id)`.as(
          'allocated',
        ),
      ])
      .where('l.contract_id', '=', id)
      .orderBy('l.position')
      .execute(),
    db
      .selectFrom('price_approvals as p')
      .leftJoin('staff as r', 'r.id', 'p.requested_by')
      .leftJoin('staff as d', 'd.id', 'p.decided_by')
      .selectAll('p')
      .select([
        sql<string | null>`r.name`.as('requested_name'),
        sql<string | null>`d.name`.as('decided_name'),
      ])
      .where('p.contract_id', '=', id)
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('contract_allocations as x')
      .innerJoin('accounts as u', 'u.id', 'x.unit_id')
      .innerJoin('contract_lines as l', 'l.id', 'x.line_id')
      .select([
        'x.id',
        'x.unit_id',
        'u.name as unit_name',
        'x.line_id',
        'l.model',
        'x.quantity',
        sql<number>`(select count(*) from deliveries d where d.allocation_id = x.id)`.as(
          'delivered',
        ),
        sql<number>`(select coalesce(sum(amount_fen), 0) from invoices i where i.allocation_id = x.id)`.as(
          'invoiced',
        ),
      ])
      .where('x.contract_id', '=', id)
      .orderBy('x.id')
      .execute(),
    db
      .selectFrom('deliveries as d')
      .innerJoin('contract_lines as l', 'l.id', 'd.line_id')
      .leftJoin('contract_allocations as x', 'x.id', 'd.allocation_id')
      .leftJoin('accounts as u', 'u.id', 'x.unit_id')
      .leftJoin('invoices as i', 'i.id', 'd.invoice_id')
      .select([
        'd.id',
        'd.line_id',
        'l.model',
        'd.allocation_id',
        sql<string | null>`u.name`.as('unit_name'),
        'd.vin',
        'd.plate',
        'd.registration_owner',
        'd.registered_on',
        'd.delivered_on',
        'd.invoice_id',
        sql<string | null>`i.number`.as('invoice_no'),
      ])
      .where('d.contract_id', '=', id)
      .orderBy('d.delivered_on')
      .orderBy('d.id')
      .execute(),
    db
      .selectFrom('invoices')
      .selectAll()
      .where('contract_id', '=', id)
      .orderBy('issued_on')
      .orderBy('id')
      .execute(),
    followUpsQuery(db)
      .where('f.contract_id', '=', id)
      .orderBy('f.due_on')
      .orderBy('f.id')
      .execute(),
  ]);
  const vinsByInvoice = new Map<number, string[]>();
  for (const d of deliveries)
    if (d.invoice_id !== null)
      vinsByInvoice.set(d.invoice_id, [...(vinsByInvoice.get(d.invoice_id) ?? []), d.vin]);
  return {
    ...toRow(row),
    opportunity:
      row.opportunity_id !== null && row.opportunity_title !== null
        ? { id: row.opportunity_id, title: row.opportunity_title }
        : null,
    tender:
      row.tender_id !== null && row.tender_no !== null
        ? { id: row.tender_id, projectNo: row.tender_no, awardFen: row.tender_award_fen }
        : null,
    notes: row.notes,
    version: row.version,
    lines: lines.map((l) => ({
      id: l.id,
      priceId: l.price_id,
      model: l.model,
      configuration: l.configuration,
      quantity: l.quantity,
      unitPriceFen: l.unit_price_fen,
      retailFen: l.retail_fen,
      floorFen: l.floor_fen,
      belowFloor: l.unit_price_fen < l.floor_fen,
      delivered: Number(l.delivered),
      allocated: Number(l.allocated),
    })),
    approvals: approvals.map((p): Approval => ({
      id: p.id,
      state: p.state,
      reason: p.reason,
      requestedBy: person(p.requested_by, p.requested_name),
      requestedAt: p.requested_at,
      decidedBy: person(p.decided_by, p.decided_name),
      decidedAt: p.decided_at,
      decisionNote: p.decision_note,
      lines: JSON.parse(p.lines_json) as ApprovedLine[],
    })),
    allocations: allocations.map((x) => ({
      id: x.id,
      unit: { id: x.unit_id, name: x.unit_name },
      lineId: x.line_id,
      model: x.model,
      quantity: x.quantity,
      delivered: Number(x.delivered),
      invoicedFen: Number(x.invoiced),
    })),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      lineId: d.line_id,
      model: d.model,
      allocationId: d.allocation_id,
      unitName: d.unit_name,
      vin: d.vin,
      plate: d.plate,
      registrationOwner: d.registration_owner,
      registeredOn: d.registered_on,
      deliveredOn: d.delivered_on,
      invoiceId: d.invoice_id,
      invoiceNo: d.invoice_no,
    })),
    invoices: invoices.map((i) => ({
      id: i.id,
      number: i.number,
      issuedOn: i.issued_on,
      buyerName: i.buyer_name,
      amountFen: i.amount_fen,
      allocationId: i.allocation_id,
      vins: vinsByInvoice.get(i.id) ?? [],
    })),
    followUps: followUps.map(toFollowUp),
  };
}
