/** Kysely code of a contract's lines (models at agreed prices) and their allocations to units. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ContractAllocationsTable, ContractLinesTable, Database } from '../../db/schema';

/** A line's own columns, as a draft writes them. */
export type LineValues = Omit<Insertable<ContractLinesTable>, 'id' | 'contract_id'>;

export async function lineIdsOf(db: Kysely<Database>, contractId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('contract_lines')
    .select('id')
    .where('contract_id', '=', contractId)
    .execute();
  return rows.map((r) => r.id);
}

/** Whether any of these lines has an allocation. */
export async function linesAllocated(db: Kysely<Database>, lineIds: number[]): Promise<boolean> {
  const used = await db
    .selectFrom('contract_allocations')
    .select('id')
    .where('line_id', 'in', lineIds)
    .executeTakeFirst();
  return used !== undefined;
}

export async function deleteLines(db: Kysely<Database>, lineIds: number[]): Promise<void> {
  await db.deleteFrom('contract_lines').where('id', 'in', lineIds).execute();
}

export async function updateLine(
  db: Kysely<Database>,
  lineId: number,
  values: LineValues,
): Promise<void> {
  await db.updateTable('contract_lines').set(values).where('id', '=', lineId).execute();
}

export async function insertLine(
  db: Kysely<Database>,
  contractId: number,
  values: LineValues,
): Promise<void> {
  await db
    .insertInto('contract_lines')
    .values({ ...values, contract_id: contractId })
    .execute();
}

/** A line of the contract with fewer units than are allocated of it, if there is one. */
export async function overAllocatedLine(db: Kysely<Database>, contractId: number) {
  return db
    .selectFrom('contract_lines as l')
    .select(['l.model', 'l.quantity'])
    .where('l.contract_id', '=', contractId)
    .where((eb) =>
      eb(
        eb
          .selectFrom('contract_allocations as x')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('x.quantity'), e.lit(0)).as('n'))
          .whereRef('x.line_id', '=', 'l.id'),
        '>',
        eb.ref('l.quantity'),
      ),
    )
    .executeTakeFirst();
}

export async function getAllocation(
  db: Kysely<Database>,
  id: number,
): Promise<Selectable<ContractAllocationsTable> | undefined> {
  return db.selectFrom('contract_allocations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The unit an allocation delivers to (null for none or a missing allocation). */
export async function allocationUnitId(db: Kysely<Database>, id: number): Promise<number | null> {
  const row = await db
    .selectFrom('contract_allocations')
    .select('unit_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

export async function setAllocationQuantity(
  db: Kysely<Database>,
  id: number,
  quantity: number,
): Promise<void> {
  await db.updateTable('contract_allocations').set({ quantity }).where('id', '=', id).execute();
}

export async function insertAllocation(
  db: Kysely<Database>,
  values: Insertable<ContractAllocationsTable>,
): Promise<void> {
  await db.insertInto('contract_allocations').values(values).execute();
}

/** Whether a delivery or an invoice names the allocation. */
export async function allocationInUse(db: Kysely<Database>, id: number): Promise<boolean> {
  const used =
    (await db
      .selectFrom('deliveries')
      .select('id')
      .where('allocation_id', '=', id)
      .executeTakeFirst()) ??
    (await db
      .selectFrom('invoices')
      .select('id')
      .where('allocation_id', '=', id)
      .executeTakeFirst());
  return used !== undefined;
}

export async function deleteAllocation(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('contract_allocations').where('id', '=', id).execute();
}
