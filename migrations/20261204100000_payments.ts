/**
 * Payments received (回款) against a final contract, optionally against one of its invoices: the
 * day the money arrived, the amount in fen, how it came (a method code), the bank serial as
 * printed and normalised (to flag a payment list imported twice), and — when the payment took the
 * contract or the invoice past what it is owed — the reason the person gave for accepting it.
 * Removing an invoice leaves its payments on the contract.
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (c) =>
      c.notNull().references('contracts.id').onDelete('restrict'),
    )
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id').onDelete('set null'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('reference_key', 'text')
    .addColumn('payer', 'text')
    .addColumn('note', 'text')
    .addColumn('over_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  for (const [name, columns] of [
    ['payments_contract', ['contract_id', 'received_on']],
    ['payments_invoice', ['invoice_id']],
    ['payments_received', ['received_on']],
    ['payments_reference', ['reference_key']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('payments')
      .columns([...columns])
      .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('payments').execute();
}
