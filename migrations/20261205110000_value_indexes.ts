/**
 * Indexes for the account-value reads at 100,000 accounts (electron/value/standing-sql.ts,
 * forecast.ts), each answering its read from the index alone:
 * - the scorecard's overdue receivables start from the open 应收款到期 deadlines that have passed
 *   (by kind, open, due day), not from every contract;
 * - what each of those contracts has received: its payments' amounts (the index by contract and
 *   day gains the amount, and replaces the one without it, whose every use it serves);
 * - the replacement forecast counts the fleet lines of the years falling due, by year.
 */
import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('deadlines_kind_open_due')
    .on('deadlines')
    .columns(['kind', 'done_at', 'due_on', 'entity', 'entity_id'])
    .execute();
  await db.schema
    .createIndex('payments_contract_day_amount')
    .on('payments')
    .columns(['contract_id', 'received_on', 'amount_fen'])
    .execute();
  await db.schema.dropIndex('payments_contract').execute();
  await db.schema
    .createIndex('account_fleet_year')
    .on('account_fleet')
    .columns(['year', 'count', 'account_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('account_fleet_year').execute();
  await db.schema
    .createIndex('payments_contract')
    .on('payments')
    .columns(['contract_id', 'received_on'])
    .execute();
  await db.schema.dropIndex('payments_contract_day_amount').execute();
  await db.schema.dropIndex('deadlines_kind_open_due').execute();
}
