/**
 * Per-account facts (issue 15, "Account value, computed"): what each account bought from us and how
 * it stands — revenue, units and purchases of its final contracts, margin against the floor and the
 * retail prices where the lines know them, first and last purchase, cancelled contracts, last
 * contact, open pipeline, lost tenders and our share of its fleet. One row per account, kept by
 * electron/value/facts.ts inside every write that changes what they follow from; stored so the
 * accounts grid sorts and filters on them at 100,000 accounts. This migration fills the table for
 * the data already there with the same computation (copied here: migrations are frozen in time).
 */
import { type Kysely, sql } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_facts')
    .addColumn('account_id', 'integer', (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('revenue_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('units', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('purchases', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('purchase_years', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_batch_units', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_purchase_on', 'text')
    .addColumn('last_purchase_on', 'text')
    .addColumn('margin_floor_fen', 'integer')
    .addColumn('margin_retail_fen', 'integer')
    .addColumn('cancelled_contracts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_contact_on', 'text')
    .addColumn('open_pipeline_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_opportunities', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lost_tenders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_tender_lost', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fleet_share_bp', 'integer')
    .execute();
  // The grid sorts on these at 100,000 accounts.
  for (const column of [
    'revenue_fen',
    'units',
    'last_purchase_on',
    'last_contact_on',
    'open_pipeline_fen',
  ])
    await db.schema
      .createIndex(`account_facts_${column}`)
      .on('account_facts')
      .column(column)
      .execute();
  // The Pareto/ABC table sums a period's final contracts by account (electron/value/pareto.ts):
  // covered, a year of 200,000 contracts is read from the index alone.
  await db.schema
    .createIndex('contracts_period_value')
    .on('contracts')
    .columns(['status', 'signed_on', 'account_id', 'total_fen', 'quantity'])
    .execute();
  await sql`
    insert into account_facts (account_id, revenue_fen, units, purchases, purchase_years,
      max_batch_units, first_purchase_on, last_purchase_on, margin_floor_fen, margin_retail_fen,
      cancelled_contracts, last_contact_on, open_pipeline_fen, open_opportunities, lost_tenders,
      last_tender_lost, fleet_share_bp)
    select a.id,
      coalesce((select sum(c.total_fen) from contracts c where c.account_id = a.id and c.status = 'final'), 0),
      coalesce((select sum(c.quantity) from contracts c where c.account_id = a.id and c.status = 'final'), 0),
      (select count(*) from contracts c where c.account_id = a.id and c.status = 'final'),
      (select count(distinct substr(c.signed_on, 1, 4)) from contracts c where c.account_id = a.id and c.status = 'final'),
      coalesce((select max(c.quantity) from contracts c where c.account_id = a.id and c.status = 'final'), 0),
      (select min(c.signed_on) from contracts c where c.account_id = a.id and c.status = 'final'),
      (select max(c.signed_on) from contracts c where c.account_id = a.id and c.status = 'final'),
      (select sum((l.unit_price_fen - l.floor_fen) * l.quantity) from contract_lines l join contracts c on c.id = l.contract_id
        where c.account_id = a.id and c.status = 'final' and l.floor_fen > 0),
      (select sum((l.unit_price_fen - l.retail_fen) * l.quantity) from contract_lines l join contracts c on c.id = l.contract_id
        where c.account_id = a.id and c.status = 'final' and l.retail_fen > 0),
      (select count(*) from contracts c where c.account_id = a.id and c.status = 'cancelled'),
      (select max(x.occurred_on) from activities x where x.account_id = a.id),
      coalesce((select sum(o.amount_fen) from opportunities o where o.account_id = a.id
        and o.stage in ('interest', 'brewing', 'design', 'comparison', 'commitment', 'in_use')), 0),
      (select count(*) from opportunities o where o.account_id = a.id
        and o.stage in ('interest', 'brewing', 'design', 'comparison', 'commitment', 'in_use')),
      (select count(*) from tenders t where t.purchaser_id = a.id
        and exists (select 1 from tender_lots l where l.tender_id = t.id and l.result = 'lost')
        and not exists (select 1 from tender_lots l where l.tender_id = t.id and l.result = 'won')),
      coalesce((select case when exists (select 1 from tender_lots l where l.tender_id = t.id and l.result = 'won')
          then 0 else 1 end
        from tenders t where t.purchaser_id = a.id
          and exists (select 1 from tender_lots l where l.tender_id = t.id and l.result in ('won', 'lost'))
        order by coalesce(t.awarded_on, substr(t.opening_at, 1, 10), t.announced_on, '') desc, t.id desc
        limit 1), 0),
      case when a.fleet_total > 0 then
        coalesce((select sum(c.quantity) from contracts c where c.account_id = a.id and c.status = 'final'), 0)
          * 10000 / a.fleet_total end
    from accounts a
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('account_facts').execute();
}
