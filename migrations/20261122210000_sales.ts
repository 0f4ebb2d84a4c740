import { type Kysely, sql } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

const stamps = (t: any) =>
  t
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('created_by', 'integer', (c: any) => c.references('staff.id'))
    .addColumn('updated_by', 'integer', (c: any) => c.references('staff.id'));

async function indexes(db: Kysely<any>, table: string, list: [string, string[]][]) {
  for (const [name, columns] of list)
    await db.schema.createIndex(name).on(table).columns(columns).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  // The price list: what the price guard compares contract prices with.
  await db.schema
    .createTable('price_list')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('configuration', 'text')
    // Model and configuration, width- and case-folded: one entry per variant.
    .addColumn('model_key', 'text', (c) => c.notNull().unique())
    .addColumn('retail_fen', 'integer', (c) => c.notNull().check(sql`retail_fen > 0`))
    .addColumn('floor_fen', 'integer', (c) =>
      c.notNull().check(sql`floor_fen >= 0 and floor_fen <= retail_fen`),
    )
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .execute();

  await stamps(
    db.schema
      .createTable('opportunities')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      // RESTRICT: an account with sales history cannot silently vanish.
      .addColumn('account_id', 'integer', (c) =>
        c.notNull().references('accounts.id').onDelete('restrict'),
      )
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('title_sort', 'text', (c) => c.notNull())
      .addColumn('buyer_type', 'text', (c) =>
        c.notNull().check(sql`buyer_type in ('direct', 'government', 'system')`),
      )
      .addColumn('owner_id', 'integer', (c) => c.references('staff.id'))
      .addColumn('source', 'text')
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('stage_changed_at', 'text', (c) => c.notNull())
      .addColumn('budget_fen', 'integer')
      // Σ quantity × target price of the demand lines (the budget when no line has a price).
      .addColumn('amount_fen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('expected_close_on', 'text')
      .addColumn('lost_reason', 'text')
      .addColumn('lost_note', 'text')
      .addColumn('winner_name', 'text')
      .addColumn('winning_price_fen', 'integer')
      // The contract an opportunity was won with (contracts reference opportunities too).
      .addColumn('contract_id', 'integer')
      // The latest tender serving it, kept by the tender service (the grid shows its number).
      .addColumn('tender_id', 'integer')
      .addColumn('notes', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  ).execute();
  // The board's order within a stage — soonest close first, undated last, then the largest — as
  // an index, so a column's first cards are read in order instead of sorting the whole stage.
  await db.schema
    .createIndex('opportunities_board')
    .on('opportunities')
    .expression(sql`stage, coalesce(expected_close_on, '9999-12-31'), amount_fen desc`)
    .execute();
  await indexes(db, 'opportunities', [
    ['opportunities_stage_close', ['stage', 'expected_close_on']],
    ['opportunities_stage_amount', ['stage', 'amount_fen']],
    ['opportunities_account', ['account_id']],
    ['opportunities_owner_stage', ['owner_id', 'stage']],
    ['opportunities_close', ['expected_close_on']],
    ['opportunities_amount', ['amount_fen']],
    ['opportunities_title', ['title_sort']],
    ['opportunities_updated', ['updated_at']],
  ]);

  await db.schema
    .createTable('opportunity_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('opportunity_id', 'integer', (c) =>
      c.notNull().references('opportunities.id').onDelete('cascade'),
    )
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('configuration', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('target_unit_price_fen', 'integer')
    .execute();
  await indexes(db, 'opportunity_lines', [['opportunity_lines_opp', ['opportunity_id']]]);

  await db.schema
    .createTable('opportunity_contacts')
    .addColumn('opportunity_id', 'integer', (c) =>
      c.notNull().references('opportunities.id').onDelete('cascade'),
    )
    .addColumn('contact_id', 'integer', (c) =>
      c.notNull().references('contacts.id').onDelete('cascade'),
    )
    .addColumn('role', 'text')
    .addPrimaryKeyConstraint('opportunity_contacts_pk', ['opportunity_id', 'contact_id'])
    .execute();
  await indexes(db, 'opportunity_contacts', [['opportunity_contacts_contact', ['contact_id']]]);

  await db.schema
    .createTable('opportunity_competitors')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('opportunity_id', 'integer', (c) =>
      c.notNull().references('opportunities.id').onDelete('cascade'),
    )
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('model', 'text')
    .addColumn('rep', 'text')
    .addColumn('customer_view', 'text')
    .execute();
  await indexes(db, 'opportunity_competitors', [
    ['opportunity_competitors_opp', ['opportunity_id']],
  ]);

  await db.schema
    .createTable('opportunity_stages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('opportunity_id', 'integer', (c) =>
      c.notNull().references('opportunities.id').onDelete('cascade'),
    )
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) =>
      c.notNull().check(sql`cause in ('manual', 'tender', 'contract')`),
    )
    .addColumn('note', 'text')
    .execute();
  await indexes(db, 'opportunity_stages', [['opportunity_stages_opp', ['opportunity_id']]]);

  await stamps(
    db.schema
      .createTable('tenders')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('project_no', 'text', (c) => c.notNull())
      // The project number width- and case-folded: the natural key of imports.
      .addColumn('project_key', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('purchaser_id', 'integer', (c) =>
        c.notNull().references('accounts.id').onDelete('restrict'),
      )
      .addColumn('agency', 'text')
      .addColumn('announcement_url', 'text')
      .addColumn('opportunity_id', 'integer', (c) =>
        c.references('opportunities.id').onDelete('set null'),
      )
      .addColumn('owner_id', 'integer', (c) => c.references('staff.id'))
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .check(sql`status in ('planned', 'announced', 'awarded', 'failed', 'cancelled')`),
      )
      .addColumn('budget_fen', 'integer')
      .addColumn('intention_on', 'text')
      .addColumn('announced_on', 'text')
      .addColumn('doc_sale_start_on', 'text')
      .addColumn('doc_sale_end_on', 'text')
      .addColumn('bid_deadline_at', 'text')
      .addColumn('opening_at', 'text')
      .addColumn('opening_place', 'text')
      .addColumn('publicity_end_on', 'text')
      .addColumn('awarded_on', 'text')
      .addColumn('bond_fen', 'integer')
      .addColumn('bond_paid_on', 'text')
      .addColumn('bond_refund_due_on', 'text')
      .addColumn('bond_refunded_on', 'text')
      .addColumn('close_reason', 'text')
      .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lot_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('won_lots', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('notes', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  ).execute();
  await indexes(db, 'tenders', [
    ['tenders_status_deadline', ['status', 'bid_deadline_at']],
    ['tenders_bid_deadline', ['bid_deadline_at']],
    ['tenders_opening', ['opening_at']],
    ['tenders_announced', ['announced_on']],
    ['tenders_purchaser', ['purchaser_id']],
    ['tenders_opportunity', ['opportunity_id']],
    ['tenders_owner', ['owner_id', 'bid_deadline_at']],
    ['tenders_updated', ['updated_at']],
  ]);

  await db.schema
    .createTable('tender_lots')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('tender_id', 'integer', (c) =>
      c.notNull().references('tenders.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('lot_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('requirements', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('budget_fen', 'integer')
    .addColumn('bid_amount_fen', 'integer')
    .addColumn('bid_model', 'text')
    .addColumn('result', 'text', (c) =>
      c.notNull().check(sql`result in ('pending', 'won', 'lost', 'failed')`),
    )
    .addColumn('winner_name', 'text')
    .addColumn('winner_brand', 'text')
    .addColumn('winner_model', 'text')
    .addColumn('winning_amount_fen', 'integer')
    .addUniqueConstraint('tender_lots_no', ['tender_id', 'lot_no'])
    .execute();
  await indexes(db, 'tender_lots', [['tender_lots_result', ['result']]]);

  await db.schema
    .createTable('tender_amendments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('tender_id', 'integer', (c) =>
      c.notNull().references('tenders.id').onDelete('cascade'),
    )
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('staff.id'))
    .execute();
  await indexes(db, 'tender_amendments', [['tender_amendments_tender', ['tender_id']]]);

  await stamps(
    db.schema
      .createTable('contracts')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('number_key', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('standard', 'system')`))
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('draft', 'pending_approval', 'final', 'cancelled')`),
      )
      .addColumn('account_id', 'integer', (c) =>
        c.notNull().references('accounts.id').onDelete('restrict'),
      )
      .addColumn('party_name', 'text', (c) => c.notNull())
      .addColumn('opportunity_id', 'integer', (c) =>
        c.references('opportunities.id').onDelete('set null'),
      )
      .addColumn('tender_id', 'integer', (c) => c.references('tenders.id').onDelete('set null'))
      .addColumn('owner_id', 'integer', (c) => c.references('staff.id'))
      .addColumn('signed_on', 'text')
      .addColumn('delivery_due_on', 'text')
      .addColumn('quantity', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('total_fen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('delivered', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('invoiced_fen', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('below_floor', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cancel_reason', 'text')
      .addColumn('finalized_at', 'text')
      .addColumn('finalized_by', 'integer', (c) => c.references('staff.id'))
      .addColumn('notes', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  ).execute();
  await indexes(db, 'contracts', [
    ['contracts_account', ['account_id']],
    ['contracts_opportunity', ['opportunity_id']],
    ['contracts_tender', ['tender_id']],
    ['contracts_status', ['status', 'signed_on']],
    ['contracts_signed', ['signed_on']],
    ['contracts_updated', ['updated_at']],
  ]);

  await db.schema
    .createTable('contract_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (c) =>
      c.notNull().references('contracts.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('price_id', 'integer', (c) => c.references('price_list.id').onDelete('set null'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('configuration', 'text')
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_price_fen', 'integer', (c) => c.notNull())
    // The price list when the line was saved: what the guard judged it by.
    .addColumn('retail_fen', 'integer', (c) => c.notNull())
    .addColumn('floor_fen', 'integer', (c) => c.notNull())
    .execute();
  await indexes(db, 'contract_lines', [
    ['contract_lines_contract', ['contract_id']],
    ['contract_lines_price', ['price_id']],
  ]);

  await db.schema
    .createTable('price_approvals')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (c) =>
      c.notNull().references('contracts.id').onDelete('cascade'),
    )
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'approved', 'rejected', 'superseded')`),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    // The below-floor lines as requested: an approval covers exactly these prices.
    .addColumn('lines_json', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await indexes(db, 'price_approvals', [['price_approvals_contract', ['contract_id']]]);

  await db.schema
    .createTable('contract_allocations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (c) =>
      c.notNull().references('contracts.id').onDelete('cascade'),
    )
    .addColumn('line_id', 'integer', (c) =>
      c.notNull().references('contract_lines.id').onDelete('restrict'),
    )
    .addColumn('unit_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('restrict'),
    )
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addUniqueConstraint('contract_allocations_unit_line', ['line_id', 'unit_id'])
    .execute();
  await indexes(db, 'contract_allocations', [
    ['contract_allocations_contract', ['contract_id']],
    ['contract_allocations_unit', ['unit_id']],
  ]);

  await db.schema
    .createTable('invoices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (c) =>
      c.notNull().references('contracts.id').onDelete('restrict'),
    )
    .addColumn('allocation_id', 'integer', (c) =>
      c.references('contract_allocations.id').onDelete('restrict'),
    )
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('buyer_name', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .execute();
  await indexes(db, 'invoices', [['invoices_contract', ['contract_id']]]);

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (c) =>
      c.notNull().references('contracts.id').onDelete('restrict'),
    )
    .addColumn('line_id', 'integer', (c) =>
      c.notNull().references('contract_lines.id').onDelete('restrict'),
    )
    .addColumn('allocation_id', 'integer', (c) =>
      c.references('contract_allocations.id').onDelete('restrict'),
    )
    .addColumn('vin', 'text', (c) => c.notNull().unique())
    .addColumn('plate', 'text')
    .addColumn('registration_owner', 'text')
    .addColumn('delivered_on', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .execute();
  await indexes(db, 'deliveries', [
    ['deliveries_contract', ['contract_id']],
    ['deliveries_line', ['line_id']],
    ['deliveries_allocation', ['allocation_id']],
    ['deliveries_invoice', ['invoice_id']],
  ]);

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('contract_id', 'integer', (c) =>
      c.notNull().references('contracts.id').onDelete('cascade'),
    )
    .addColumn('allocation_id', 'integer', (c) =>
      c.references('contract_allocations.id').onDelete('cascade'),
    )
    .addColumn('delivered_on', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('outcome', 'text')
    .execute();
  await indexes(db, 'follow_ups', [
    ['follow_ups_contract', ['contract_id', 'delivered_on']],
    ['follow_ups_due', ['due_on']],
  ]);

  await db.schema
    .createTable('activities')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('restrict'),
    )
    .addColumn('opportunity_id', 'integer', (c) =>
      c.references('opportunities.id').onDelete('set null'),
    )
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('set null'))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('summary', 'text')
    .addColumn('next_step', 'text')
    .addColumn('next_step_on', 'text')
    .addColumn('next_step_done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await indexes(db, 'activities', [
    ['activities_staff_day', ['staff_id', 'occurred_on']],
    ['activities_account_day', ['account_id', 'occurred_on']],
    ['activities_opportunity', ['opportunity_id']],
    ['activities_day', ['occurred_on']],
  ]);

  // Daily activity targets; staff_id 0 holds the defaults.
  await db.schema
    .createTable('kpi_targets')
    .addColumn('staff_id', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('daily', 'integer', (c) => c.notNull().check(sql`daily >= 0`))
    .addPrimaryKeyConstraint('kpi_targets_pk', ['staff_id', 'type'])
    .execute();

  // Every dated item, kept in step by the services in the same transaction as its source: the
  // calendar, "my day" and reminders read one indexed table instead of a union over ten columns.
  await db.schema
    .createTable('deadlines')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('owner_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('done_at', 'text')
    .addUniqueConstraint('deadlines_source', ['entity', 'entity_id', 'kind'])
    .execute();
  await indexes(db, 'deadlines', [
    ['deadlines_due', ['due_on']],
    ['deadlines_owner_due', ['owner_id', 'due_on']],
  ]);

  await db.schema
    .createTable('reminder_dismissals')
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('deadline_id', 'integer', (c) =>
      c.notNull().references('deadlines.id').onDelete('cascade'),
    )
    // A dismissal is of one due date: moving the deadline reminds again.
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_dismissals_pk', ['staff_id', 'deadline_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'reminder_dismissals',
    'deadlines',
    'kpi_targets',
    'activities',
    'follow_ups',
    'deliveries',
    'invoices',
    'contract_allocations',
    'price_approvals',
    'contract_lines',
    'contracts',
    'tender_amendments',
    'tender_lots',
    'tenders',
    'opportunity_stages',
    'opportunity_competitors',
    'opportunity_contacts',
    'opportunity_lines',
    'opportunities',
    'price_list',
  ])
    await db.schema.dropTable(table).execute();
}
