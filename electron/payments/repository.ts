/**
 * All SQL of payments (回款): the payment rows, what a contract's receivable is computed from
 * (its money, invoices and payments), the payments grid (a sorted-rows query and a count, like the
 * other lists), the receivables lists by contract and account, and the collection sums.
 */
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { ListQuery } from '../../shared/list';
import {
  PAYMENT_COLUMNS,
  type PaymentColumn,
  type PaymentRow,
} from '../../shared/schemas/payments';
import { searchKey } from '../../shared/text';
import { teamAccountCondition } from '../accounts/account-team';
import type { Database, PaymentsTable } from '../db/schema';
import { gridPage, gridQuery, type SelectedRow } from '../grid/page';
import { applyFilters, applySort, containsPattern, type GridColumn } from '../grid/query';

type Db = Kysely<Database>;

// ---- one contract ----

export async function contractMoney(db: Db, contractId: number) {
  return db
    .selectFrom('contracts')
    .select(['id', 'number', 'status', 'total_fen', 'account_id', 'owner_id', 'party_name'])
    .where('id', '=', contractId)
    .executeTakeFirst();
}

export async function invoicesOf(db: Db, contractId: number) {
  const rows = await db
    .selectFrom('invoices')
    .select(['id', 'number', 'issued_on', 'amount_fen'])
    .where('contract_id', '=', contractId)
    .orderBy('issued_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    issuedOn: r.issued_on,
    amountFen: r.amount_fen,
  }));
}

function paymentsQuery(db: Db) {
  return db
    .selectFrom('payments as p')
    .leftJoin('invoices as i', 'i.id', 'p.invoice_id')
    .leftJoin('staff as s', 's.id', 'p.created_by')
    .select([
      'p.id',
      'p.contract_id',
      'p.invoice_id',
      sql<string | null>`i.number`.as('invoice_no'),
      'p.received_on',
      'p.amount_fen',
      'p.method',
      'p.reference',
      'p.payer',
      'p.note',
      'p.over_reason',
      sql<string | null>`s.name`.as('created_by_name'),
      'p.updated_at',
      'p.version',
    ]);
}
export type PaymentRecord = SelectedRow<typeof paymentsQuery>;

export async function paymentsOf(db: Db, contractId: number): Promise<PaymentRecord[]> {
  return paymentsQuery(db)
    .where('p.contract_id', '=', contractId)
    .orderBy('p.received_on', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}

export async function getPayment(db: Db, id: number) {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPayment(db: Db, row: Insertable<PaymentsTable>): Promise<number> {
  const r = await db.insertInto('payments').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePaymentRow(
  db: Db,
  id: number,
  row: Updateable<PaymentsTable>,
): Promise<void> {
  await db.updateTable('payments').set(row).where('id', '=', id).execute();
}

export async function deletePaymentRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('payments').where('id', '=', id).execute();
}

/** A payment already recorded under this bank serial (other than `exceptId`). */
export async function paymentWithReference(db: Db, key: string, exceptId: number | null) {
  let q = db
    .selectFrom('payments as p')
    .innerJoin('contracts as c', 'c.id', 'p.contract_id')
    .select(['p.id', 'p.received_on', 'p.amount_fen', 'c.number'])
    .where('p.reference_key', '=', key);
  if (exceptId !== null) q = q.where('p.id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** The contract a payment belongs to (for the team check); null if the payment is gone. */
export async function contractIdOfPayment(db: Db, id: number): Promise<number | null> {
  const r = await db
    .selectFrom('payments')
    .select('contract_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return r?.contract_id ?? null;
}

// ---- the payments grid ----

const PAYMENT_SQL: Record<PaymentColumn, GridColumn> = Object.fromEntries(
  (
    [
      ['receivedOn', sql.ref('p.received_on')],
      ['contractNo', sql.ref('c.number')],
      ['accountName', sql.ref('a.name')],
      ['invoiceNo', sql.ref('i.number')],
      ['amountFen', sql.ref('p.amount_fen')],
      ['method', sql.ref('p.method')],
      ['reference', sql.ref('p.reference')],
      ['payer', sql.ref('p.payer')],
      ['overpayment', sql`(case when p.over_reason is null then 'no' else 'yes' end)`],
      ['ownerId', sql.ref('c.owner_id')],
      ['updatedAt', sql.ref('p.updated_at')],
    ] as const
  ).map(([k, expr]) => [k, { spec: PAYMENT_COLUMNS[k], expr, numeric: k === 'ownerId' }]),
) as Record<PaymentColumn, GridColumn>;
const PAYMENT_SORT: Record<string, GridColumn> = {
  ...PAYMENT_SQL,
  accountName: { spec: PAYMENT_COLUMNS.accountName, expr: sql.ref('a.name_sort') },
  ownerId: { spec: PAYMENT_COLUMNS.ownerId, expr: sql.ref('s.name') },
};

/** `teamOf`: a specialist's id, for their teams' accounts' payments only. */
type PaymentView = Pick<ListQuery<PaymentColumn>, 'filters' | 'search'> & {
  teamOf: number | null;
};

function filteredPayments(db: Db, query: PaymentView) {
  let q = db
    .selectFrom('payments as p')
    .innerJoin('contracts as c', 'c.id', 'p.contract_id')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('invoices as i', 'i.id', 'p.invoice_id');
  q = applyFilters(q, PAYMENT_SQL, query.filters);
  if (query.teamOf !== null) q = q.where(teamAccountCondition(query.teamOf, 'c.account_id'));
  const search = query.search ? searchKey(query.search) : '';
  if (search) {
    const pattern = containsPattern(search);
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`c.search_text like ${pattern} escape '\\'`,
        sql<boolean>`p.reference_key like ${containsPattern(search.toUpperCase())} escape '\\'`,
      ]),
    );
  }
  return q;
}

/** The sorted rows of the payments grid (an export job can stream this query). */
export function paymentRowsQuery(
  db: Db,
  query: PaymentView & Pick<ListQuery<PaymentColumn>, 'sort'>,
) {
  return applySort(
    filteredPayments(db, query).leftJoin('staff as s', 's.id', 'c.owner_id'),
    PAYMENT_SORT,
    query.sort.length > 0 ? query.sort : [{ field: 'receivedOn', desc: true }],
    sql.ref('p.id'),
  ).select([
    'p.id',
    'p.received_on',
    'p.contract_id',
    'c.number as contract_no',
    'c.account_id',
    'a.name as account_name',
    sql<string | null>`i.number`.as('invoice_no'),
    'p.amount_fen',
    'p.method',
    'p.reference',
    'p.payer',
    'p.over_reason',
    'c.owner_id',
    sql<string | null>`s.name`.as('owner_name'),
    'p.updated_at',
  ]);
}

export function toPaymentRow(r: SelectedRow<typeof paymentRowsQuery>): PaymentRow {
  return {
    id: r.id,
    receivedOn: r.received_on,
    contractId: r.contract_id,
    contractNo: r.contract_no,
    accountId: r.account_id,
    accountName: r.account_name,
    invoiceNo: r.invoice_no,
    amountFen: r.amount_fen,
    method: r.method,
    reference: r.reference,
    payer: r.payer,
    overpayment: r.over_reason !== null,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    updatedAt: r.updated_at,
  };
}

/** The payments grid's query: its pages here, its export whole (exports/grids/payments.ts). */
export function paymentGridQuery(
  db: Db,
  query: PaymentView & Pick<ListQuery<PaymentColumn>, 'sort'>,
) {
  return gridQuery(
    db,
    paymentRowsQuery(db, query),
    filteredPayments(db, query),
    toPaymentRow,
    'p.id',
  );
}

export async function listPayments(
  db: Db,
  query: ListQuery<PaymentColumn> & { teamOf: number | null },
) {
  return gridPage(paymentGridQuery(db, query), query);
}

// ---- receivables ----

export interface ReceivableScope {
  teamOf: number | null;
  search?: string | undefined;
  /** Only those whose receivable is past due on this day. */
  overdueBefore: string | null;
  /** Only this owner's contracts (我的今天). */
  ownerId?: number;
}

/** Final contracts with what was received, and their receivable deadline (oldest unpaid + term). */
function receivableBase(db: Db, scope: ReceivableScope) {
  let q = db
    .selectFrom('contracts as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('deadlines as d', (j) =>
      j
        .on('d.entity', '=', 'contract')
        .onRef('d.entity_id', '=', 'c.id')
        .on('d.kind', '=', 'receivable_due'),
    )
    .where('c.status', '=', 'final');
  if (scope.teamOf !== null) q = q.where(teamAccountCondition(scope.teamOf, 'c.account_id'));
  if (scope.ownerId !== undefined) q = q.where('c.owner_id', '=', scope.ownerId);
  if (scope.overdueBefore !== null) q = q.where('d.due_on', '<', scope.overdueBefore);
  const search = scope.search ? searchKey(scope.search) : '';
  if (search) q = q.where(sql<boolean>`c.search_text like ${containsPattern(search)} escape '\\'`);
  return q;
}

const received = sql<number>`(select coalesce(sum(pp.amount_fen), 0) from payments pp where pp.contract_id = c.id)`;
/** Something billed and unpaid, or a credit from an over-payment. */
const stillOpen = sql<boolean>`(c.invoiced_fen > ${received} or ${received} > c.total_fen)`;

export async function receivablesByContract(
  db: Db,
  scope: ReceivableScope,
  page: { offset: number; limit: number },
) {
  const base = receivableBase(db, scope).where(stillOpen);
  const rows = base
    .leftJoin('staff as s', 's.id', 'c.owner_id')
    .select([
      'c.id',
      'c.number',
      'c.account_id',
      'a.name as account_name',
      'c.owner_id',
      sql<string | null>`s.name`.as('owner_name'),
      'c.total_fen',
      'c.invoiced_fen',
      received.as('received_fen'),
      sql<string | null>`d.due_on`.as('due_on'),
    ])
    // Past due first (the oldest first), then the rest by due date, the credits last.
    .orderBy(sql`case when d.due_on is null then 1 else 0 end`)
    .orderBy('d.due_on')
    .orderBy(sql`c.invoiced_fen - ${received}`, 'desc')
    .orderBy('c.id');
  return gridPage(
    gridQuery(db, rows, base, (r) => r, 'c.id'),
    page,
  );
}

export async function receivablesByAccount(
  db: Db,
  scope: ReceivableScope,
  page: { offset: number; limit: number },
) {
  const perContract = receivableBase(db, scope)
    .where(sql<boolean>`(c.invoiced_fen > 0 or ${received} > 0)`)
    .select([
      'c.account_id',
      'a.name as account_name',
      'a.name_sort',
      'a.owner_id',
      'c.total_fen',
      'c.invoiced_fen',
      received.as('received_fen'),
      sql<number>`case when c.invoiced_fen > ${received} then 1 else 0 end`.as('open'),
      sql<number>`case when ${received} > c.total_fen then ${received} - c.total_fen else 0 end`.as(
        'credit_fen',
      ),
      sql<string | null>`d.due_on`.as('due_on'),
    ]);
  const grouped = db
    .selectFrom(perContract.as('x'))
    .select([
      'x.account_id',
      sql<string>`max(x.account_name)`.as('account_name'),
      sql<number | null>`max(x.owner_id)`.as('owner_id'),
      sql<number>`sum(x.total_fen)`.as('total_fen'),
      sql<number>`sum(x.invoiced_fen)`.as('invoiced_fen'),
      sql<number>`sum(x.received_fen)`.as('received_fen'),
      sql<number>`sum(x.credit_fen)`.as('credit_fen'),
      sql<number>`sum(x.open)`.as('contracts'),
      sql<string | null>`min(x.due_on)`.as('due_on'),
    ])
    .groupBy('x.account_id')
    .having(sql<boolean>`sum(x.invoiced_fen) > sum(x.received_fen) or sum(x.credit_fen) > 0`);
  const rows = db
    .selectFrom(grouped.as('g'))
    .leftJoin('staff as s', 's.id', 'g.owner_id')
    .selectAll('g')
    .select(sql<string | null>`s.name`.as('owner_name'))
    .orderBy(sql`case when g.due_on is null then 1 else 0 end`)
    .orderBy('g.due_on')
    .orderBy(sql`g.invoiced_fen - g.received_fen`, 'desc')
    .orderBy('g.account_id');
  const [found, count] = await Promise.all([
    rows.offset(page.offset).limit(page.limit).execute(),
    db
      .selectFrom(grouped.as('g'))
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows: found };
}

/** Invoiced and received per month and contract owner, within [from, to]. */
export async function monthlySums(
  db: Db,
  scope: { teamOf: number | null; from: string; to: string },
) {
  let invoiced = db
    .selectFrom('invoices as i')
    .innerJoin('contracts as c', 'c.id', 'i.contract_id')
    .select([
      sql<string>`substr(i.issued_on, 1, 7)`.as('month'),
      'c.owner_id',
      sql<number>`sum(i.amount_fen)`.as('fen'),
    ])
    .where('c.status', '<>', 'cancelled')
    .where('i.issued_on', '>=', scope.from)
    .where('i.issued_on', '<=', scope.to)
    .groupBy([sql`substr(i.issued_on, 1, 7)`, 'c.owner_id']);
  let paid = db
    .selectFrom('payments as p')
    .innerJoin('contracts as c', 'c.id', 'p.contract_id')
    .select([
      sql<string>`substr(p.received_on, 1, 7)`.as('month'),
      'c.owner_id',
      sql<number>`sum(p.amount_fen)`.as('fen'),
    ])
    .where('p.received_on', '>=', scope.from)
    .where('p.received_on', '<=', scope.to)
    .groupBy([sql`substr(p.received_on, 1, 7)`, 'c.owner_id']);
  if (scope.teamOf !== null) {
    invoiced = invoiced.where(teamAccountCondition(scope.teamOf, 'c.account_id'));
    paid = paid.where(teamAccountCondition(scope.teamOf, 'c.account_id'));
  }
  const [inv, rec, staff] = await Promise.all([
    invoiced.execute(),
    paid.execute(),
    db.selectFrom('staff').select(['id', 'name']).execute(),
  ]);
  return { invoiced: inv, received: rec, staffNames: new Map(staff.map((s) => [s.id, s.name])) };
}

/** Every receivable deadline (to move them all when the payment term changes). */
export async function receivableDeadlines(db: Db) {
  return db
    .selectFrom('deadlines')
    .select(['id', 'due_on'])
    .where('kind', '=', 'receivable_due')
    .execute();
}

export async function moveDeadline(db: Db, id: number, dueOn: string): Promise<void> {
  await db.updateTable('deadlines').set({ due_on: dueOn }).where('id', '=', id).execute();
}
