import { type Kysely, sql } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

// The default report template as shipped on this day (later changes are the user's, in the table).
const DEFAULT_TEMPLATE_COLUMNS = [
  ['seq', '序号'],
  ['dealer', '经销商'],
  ['accountName', '客户名称'],
  ['uscc', '统一社会信用代码'],
  ['buyerType', '客户类型'],
  ['tenderNo', '招标项目编号'],
  ['contractNo', '合同编号'],
  ['model', '车型'],
  ['vin', '车架号'],
  ['invoiceNo', '发票号码'],
  ['invoiceDate', '开票日期'],
  ['invoiceAmount', '发票金额（元）'],
  ['registrationOwner', '行驶证所有人'],
  ['filedAt', '报备时间'],
  ['verdict', '资格判定'],
  ['evidence', '证明材料'],
  ['override', '经理特批说明'],
].map(([field, header], i) => ({ field, header, column: i + 1 }));

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('claims')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('restrict'),
    )
    .addColumn('opportunity_id', 'integer', (c) =>
      c.references('opportunities.id').onDelete('set null'),
    )
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('ours', 'other_dealer')`))
    .addColumn('claimant_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('dealer_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('territory_code', 'text')
    .addColumn('in_territory', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('auth_state', 'text', (c) => c.notNull().defaultTo('not_needed'))
    .addColumn('auth_addressee', 'text')
    .addColumn('auth_request_note', 'text')
    .addColumn('auth_requested_at', 'text')
    .addColumn('auth_requested_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('auth_reference', 'text')
    .addColumn('auth_answer_note', 'text')
    .addColumn('auth_answered_at', 'text')
    .addColumn('auth_answered_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('protection_days', 'integer', (c) => c.notNull())
    // Ours: the system clock at filing, never edited. Another dealer's: as the OEM reported it.
    .addColumn('filed_at', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('renewals', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('oem_reference', 'text')
    .addColumn('oem_reply', 'text')
    .addColumn('oem_replied_on', 'text')
    .addColumn('oem_recorded_by', 'integer', (c) => c.references('staff.id'))
    // Another dealer's development evidence count, as the OEM reported it.
    .addColumn('reported_evidence', 'integer')
    .addColumn('wish_note', 'text')
    .addColumn('wish_at', 'text')
    .addColumn('wish_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('released_at', 'text')
    .addColumn('release_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .execute();
  await db.schema.createIndex('claims_account').on('claims').columns(['account_id']).execute();
  await db.schema
    .createIndex('claims_expiry')
    .on('claims')
    .columns(['status', 'expires_on'])
    .execute();
  await db.schema
    .createIndex('claims_claimant')
    .on('claims')
    .columns(['claimant_id', 'status'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entity', 'text', (c) => c.notNull().check(sql`entity in ('claim', 'filing')`))
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // The stored copy is named by this hash: <data>/documents/<sha256>.
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('staff.id'))
    .execute();
  await db.schema
    .createIndex('documents_entity')
    .on('documents')
    .columns(['entity', 'entity_id'])
    .execute();
  await db.schema.createIndex('documents_sha').on('documents').columns(['sha256']).execute();

  await db.schema
    .createTable('filings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('contract_id', 'integer', (c) =>
      c.notNull().references('contracts.id').onDelete('restrict'),
    )
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('restrict'),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'submitted', 'withdrawn')`),
    )
    .addColumn('units', 'integer', (c) => c.notNull().check(sql`units > 0`))
    .addColumn('notes', 'text')
    // As last judged: live for drafts, frozen with the snapshots below at submission.
    .addColumn('eligible', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_checks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verdict_json', 'text')
    .addColumn('checks_json', 'text')
    .addColumn('vehicles_json', 'text')
    .addColumn('documents_json', 'text')
    .addColumn('override_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('override_at', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('override_checks', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One live filing per contract: a withdrawn one may be filed again.
  await db.schema
    .createIndex('filings_contract_live')
    .on('filings')
    .column('contract_id')
    .unique()
    .where(sql.ref('status'), '!=', 'withdrawn')
    .execute();
  await db.schema
    .createIndex('filings_submitted')
    .on('filings')
    .columns(['status', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('report_templates')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('granularity', 'text', (c) =>
      c.notNull().check(sql`granularity in ('vehicle', 'filing')`),
    )
    .addColumn('sheet_name', 'text')
    .addColumn('header_row', 'integer', (c) => c.notNull())
    .addColumn('first_data_row', 'integer', (c) => c.notNull())
    .addColumn('columns_json', 'text', (c) => c.notNull())
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    // The manufacturer's workbook, stored like documents: <data>/documents/<sha256>.
    .addColumn('source_file_name', 'text')
    .addColumn('source_sha256', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .execute();
  await db
    .insertInto('report_templates')
    .values({
      name: '大客户销售报备表（默认）',
      granularity: 'vehicle',
      sheet_name: null,
      header_row: 3,
      first_data_row: 4,
      columns_json: JSON.stringify(DEFAULT_TEMPLATE_COLUMNS),
      built_in: 1,
      updated_at: new Date().toISOString(),
    })
    .execute();

  // Registration (行驶证) details recorded after delivery.
  await db.schema.alterTable('deliveries').addColumn('registered_on', 'text').execute();

  // The audit log only grows: the app never rewrites it; the hash chain catches edits from outside.
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists audit_log_no_update`.execute(db);
  await sql`drop trigger if exists audit_log_no_delete`.execute(db);
  await db.schema.alterTable('deliveries').dropColumn('registered_on').execute();
  for (const table of ['report_templates', 'filings', 'documents', 'claims'])
    await db.schema.dropTable(table).execute();
}
