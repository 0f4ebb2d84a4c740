/** Kysely code of a contract's deliveries (one row per VIN) and invoices. */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, DeliveriesTable, InvoicesTable } from '../../db/schema';

/** The number of the contract a VIN is already delivered under, if any. */
export async function contractNumberOfVin(
  db: Kysely<Database>,
  vin: string,
): Promise<string | null> {
  const taken = await db
    .selectFrom('deliveries as d')
    .innerJoin('contracts as c', 'c.id', 'd.contract_id')
    .select('c.number')
    .where('d.vin', '=', vin)
    .executeTakeFirst();
  return taken?.number ?? null;
}

/** Contract numbers of the VINs already delivered, under any contract. */
export async function contractNumbersOfVins(
  db: Kysely<Database>,
  vins: string[],
): Promise<Map<string, string>> {
  const taken = new Map<string, string>();
  const unique = [...new Set(vins)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('deliveries as d')
      .innerJoin('contracts as c', 'c.id', 'd.contract_id')
      .select(['d.vin', 'c.number'])
      .where('d.vin', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) taken.set(r.vin, r.number);
  }
  return taken;
}

export async function insertDelivery(
  db: Kysely<Database>,
  values: Insertable<DeliveriesTable>,
): Promise<void> {
  await db.insertInto('deliveries').values(values).execute();
}

export async function getDelivery(
  db: Kysely<Database>,
  id: number,
): Promise<Selectable<DeliveriesTable> | undefined> {
  return db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateDelivery(
  db: Kysely<Database>,
  id: number,
  patch: Updateable<DeliveriesTable>,
): Promise<void> {
  await db.updateTable('deliveries').set(patch).where('id', '=', id).execute();
}

export async function deleteDelivery(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('deliveries').where('id', '=', id).execute();
}

/**
 * A contract's delivery day for one receiver: the unit `unitId` of a system contract, or, with
 * `unitId` null, the buyer itself (deliveries without an allocation).
 */
export interface DeliveryDay {
  contractId: number;
  deliveredOn: string;
  unitId: number | null;
}

/** Whether the receiver got any vehicle of the contract on that day. */
export async function deliveredOnDay(db: Kysely<Database>, day: DeliveryDay): Promise<boolean> {
  const q = db
    .selectFrom('deliveries as o')
    .leftJoin('contract_allocations as x', 'x.id', 'o.allocation_id')
    .select('o.id')
    .where('o.contract_id', '=', day.contractId)
    .where('o.delivered_on', '=', day.deliveredOn);
  const others =
    day.unitId === null
      ? q.where('o.allocation_id', 'is', null)
      : q.where('x.unit_id', '=', day.unitId);
  return (await others.executeTakeFirst()) !== undefined;
}

/** Whether an invoice of this number is recorded. */
export async function invoiceNumberTaken(db: Kysely<Database>, number: string): Promise<boolean> {
  const taken = await db
    .selectFrom('invoices')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirst();
  return taken !== undefined;
}

/** Which of these invoice numbers are already recorded. */
export async function takenInvoiceNumbers(
  db: Kysely<Database>,
  numbers: string[],
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('invoices')
    .select('number')
    .where('number', 'in', numbers)
    .execute();
  return new Set(rows.map((r) => r.number));
}

export async function insertInvoice(
  db: Kysely<Database>,
  values: Insertable<InvoicesTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('invoices')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Puts the delivered vehicles on an invoice. */
export async function invoiceDeliveries(
  db: Kysely<Database>,
  deliveryIds: number[],
  invoiceId: number,
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ invoice_id: invoiceId })
    .where('id', 'in', deliveryIds)
    .execute();
}

export async function getInvoice(
  db: Kysely<Database>,
  id: number,
): Promise<Selectable<InvoicesTable> | undefined> {
  return db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Removes an invoice, taking its vehicles off it first. */
export async function deleteInvoice(db: Kysely<Database>, id: number): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({ invoice_id: null })
    .where('invoice_id', '=', id)
    .execute();
  await db.deleteFrom('invoices').where('id', '=', id).execute();
}
