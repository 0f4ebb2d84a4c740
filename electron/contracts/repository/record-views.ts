/**
 * Kysely code of the delivery and invoice grids: every contract's delivered vehicles and invoices,
 * paged, sorted and filtered in the database like every list (electron/grid/query.ts). A
 * specialist's view is their teams' accounts' contracts' records (account-team.teamScope).
 */
import { type Kysely, sql } from 'kysely';
import type { ListQuery } from '../../../shared/list';
import {
  DELIVERY_COLUMNS,
  type DeliveryColumn,
  type DeliveryRow,
  INVOICE_COLUMNS,
  type InvoiceColumn,
  type InvoiceRow,
} from '../../../shared/schemas/contract-records';
import { searchKey } from '../../../shared/text';
import { teamAccountCondition } from '../../accounts/account-team';
import type { Database } from '../../db/schema';
import { applyFilters, applySort, containsPattern, type GridColumn } from '../../grid/query';
import { gridPage, gridQuery, type SelectedRow } from '../../grid/page';

type View<C extends string> = Pick<ListQuery<C>, 'filters' | 'sort' | 'search'> & {
  /** A specialist's id: their teams' accounts' records only; null for the whole store. */
  teamOf: number | null;
};

const refs = <C extends string>(
  specs: Record<C, GridColumn['spec']>,
  map: Record<C, string>,
): Record<C, GridColumn> =>
  Object.fromEntries(
    (Object.keys(map) as C[]).map((k) => [
      k,
      { spec: specs[k], expr: sql.ref(map[k]), numeric: k === 'ownerId' },
    ]),
  ) as Record<C, GridColumn>;

const DELIVERY_SQL = refs<DeliveryColumn>(DELIVERY_COLUMNS, {
  vin: 'd.vin',
  plate: 'd.plate',
  model: 'l.model',
  deliveredOn: 'd.delivered_on',
  registeredOn: 'd.registered_on',
  registrationOwner: 'd.registration_owner',
  contractNo: 'c.number',
  accountName: 'a.name',
  unitName: 'u.name',
  invoiceNo: 'i.number',
  ownerId: 'c.owner_id',
});
const DELIVERY_SORT: Record<string, GridColumn> = {
  ...DELIVERY_SQL,
  accountName: { spec: DELIVERY_COLUMNS.accountName, expr: sql.ref('a.name_sort') },
  ownerId: { spec: DELIVERY_COLUMNS.ownerId, expr: sql.ref('s.name') },
};

/** The quick search: a VIN or plate, or anything the contract is found by (number, account). */
function searchCondition(search: string | undefined, vehicle: boolean) {
  const key = search ? searchKey(search) : '';
  if (!key) return null;
  const p = containsPattern(key);
  return vehicle
    ? sql<boolean>`(lower(d.vin) like ${p} escape '\\' or lower(coalesce(d.plate, '')) like ${p} escape '\\' or c.search_text like ${p} escape '\\')`
    : sql<boolean>`(lower(i.number) like ${p} escape '\\' or lower(i.buyer_name) like ${p} escape '\\' or c.search_text like ${p} escape '\\')`;
}

function deliveriesFiltered(db: Kysely<Database>, query: Omit<View<DeliveryColumn>, 'sort'>) {
  let q = db
    .selectFrom('deliveries as d')
    .innerJoin('contracts as c', 'c.id', 'd.contract_id')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .innerJoin('contract_lines as l', 'l.id', 'd.line_id')
    .leftJoin('contract_allocations as x', 'x.id', 'd.allocation_id')
    .leftJoin('accounts as u', 'u.id', 'x.unit_id')
    .leftJoin('invoices as i', 'i.id', 'd.invoice_id');
  q = applyFilters(q, DELIVERY_SQL, query.filters);
  if (query.teamOf !== null) q = q.where(teamAccountCondition(query.teamOf, 'c.account_id'));
  const search = searchCondition(query.search, true);
  if (search) q = q.where(search);
  return q;
}

function deliveryRows(db: Kysely<Database>, query: View<DeliveryColumn>) {
  const sort = query.sort.length > 0 ? query.sort : [{ field: 'deliveredOn', desc: true }];
  return applySort(
    deliveriesFiltered(db, query).leftJoin('staff as s', 's.id', 'c.owner_id'),
    DELIVERY_SORT,
    sort,
    sql.ref('d.id'),
  ).select([
    'd.id',
    'd.contract_id',
    'd.vin',
    'd.plate',
    'l.model',
    'd.delivered_on',
    'd.registered_on',
    'd.registration_owner',
    'c.number as contract_no',
    'c.account_id',
    'a.name as account_name',
    sql<string | null>`u.name`.as('unit_name'),
    sql<string | null>`i.number`.as('invoice_no'),
    'c.owner_id',
    sql<string | null>`s.name`.as('owner_name'),
  ]);
}

function toDeliveryRow(r: SelectedRow<typeof deliveryRows>): DeliveryRow {
  return {
    id: r.id,
    contractId: r.contract_id,
    vin: r.vin,
    plate: r.plate,
    model: r.model,
    deliveredOn: r.delivered_on,
    registeredOn: r.registered_on,
    registrationOwner: r.registration_owner,
    contractNo: r.contract_no,
    accountId: r.account_id,
    accountName: r.account_name,
    unitName: r.unit_name,
    invoiceNo: r.invoice_no,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
  };
}

/** The delivery grid's query (rows, count, row mapper): latest deliveries first by default. */
export function deliveryGridQuery(db: Kysely<Database>, query: View<DeliveryColumn>) {
  return gridQuery(
    db,
    deliveryRows(db, query),
    deliveriesFiltered(db, query),
    toDeliveryRow,
    'd.id',
  );
}

export async function listDeliveries(
  db: Kysely<Database>,
  query: ListQuery<DeliveryColumn> & { teamOf: number | null },
) {
  return gridPage(deliveryGridQuery(db, query), query);
}

const vehiclesSql = sql<number>`(select count(*) from deliveries v where v.invoice_id = i.id)`;

const INVOICE_SQL: Record<InvoiceColumn, GridColumn> = {
  ...refs<Exclude<InvoiceColumn, 'vehicles'>>(INVOICE_COLUMNS, {
    number: 'i.number',
    issuedOn: 'i.issued_on',
    buyerName: 'i.buyer_name',
    amountFen: 'i.amount_fen',
    contractNo: 'c.number',
    accountName: 'a.name',
    ownerId: 'c.owner_id',
  }),
  vehicles: { spec: INVOICE_COLUMNS.vehicles, expr: vehiclesSql },
};
const INVOICE_SORT: Record<string, GridColumn> = {
  ...INVOICE_SQL,
  accountName: { spec: INVOICE_COLUMNS.accountName, expr: sql.ref('a.name_sort') },
  ownerId: { spec: INVOICE_COLUMNS.ownerId, expr: sql.ref('s.name') },
};

function invoicesFiltered(db: Kysely<Database>, query: Omit<View<InvoiceColumn>, 'sort'>) {
  let q = db
    .selectFrom('invoices as i')
    .innerJoin('contracts as c', 'c.id', 'i.contract_id')
    .innerJoin('accounts as a', 'a.id', 'c.account_id');
  q = applyFilters(q, INVOICE_SQL, query.filters);
  if (query.teamOf !== null) q = q.where(teamAccountCondition(query.teamOf, 'c.account_id'));
  const search = searchCondition(query.search, false);
  if (search) q = q.where(search);
  return q;
}

function invoiceRows(db: Kysely<Database>, query: View<InvoiceColumn>) {
  const sort = query.sort.length > 0 ? query.sort : [{ field: 'issuedOn', desc: true }];
  return applySort(
    invoicesFiltered(db, query).leftJoin('staff as s', 's.id', 'c.owner_id'),
    INVOICE_SORT,
    sort,
    sql.ref('i.id'),
  ).select([
    'i.id',
    'i.contract_id',
    'i.number',
    'i.issued_on',
    'i.buyer_name',
    'i.amount_fen',
    vehiclesSql.as('vehicles'),
    'c.number as contract_no',
    'c.account_id',
    'a.name as account_name',
    'c.owner_id',
    sql<string | null>`s.name`.as('owner_name'),
  ]);
}

function toInvoiceRow(r: SelectedRow<typeof invoiceRows>): InvoiceRow {
  return {
    id: r.id,
    contractId: r.contract_id,
    number: r.number,
    issuedOn: r.issued_on,
    buyerName: r.buyer_name,
    amountFen: r.amount_fen,
    vehicles: r.vehicles,
    contractNo: r.contract_no,
    accountId: r.account_id,
    accountName: r.account_name,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
  };
}

/** The invoice grid's query (rows, count, row mapper): latest invoices first by default. */
export function invoiceGridQuery(db: Kysely<Database>, query: View<InvoiceColumn>) {
  return gridQuery(db, invoiceRows(db, query), invoicesFiltered(db, query), toInvoiceRow, 'i.id');
}

export async function listInvoices(
  db: Kysely<Database>,
  query: ListQuery<InvoiceColumn> & { teamOf: number | null },
) {
  return gridPage(invoiceGridQuery(db, query), query);
}
