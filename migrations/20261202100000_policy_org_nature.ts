import { type Kysely, sql } from 'kysely';
import type { Industry } from '../shared/enums';
import { suggestOrgNature } from '../shared/org-nature';
import type { MigrationNote } from './index';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

// The built-in report template's columns as shipped before this day, and as shipped from now on
// (with the dealer code and the manufacturer's claim reference the report must carry).
const FIELDS_BEFORE = [
  'seq',
  'dealer',
  'accountName',
  'uscc',
  'buyerType',
  'tenderNo',
  'contractNo',
  'model',
  'vin',
  'invoiceNo',
  'invoiceDate',
  'invoiceAmount',
  'registrationOwner',
  'filedAt',
  'verdict',
  'evidence',
  'override',
];
const HEADERS: Record<string, string> = {
  seq: '序号',
  dealer: '经销商',
  dealerCode: '经销商代码',
  accountName: '客户名称',
  uscc: '统一社会信用代码',
  buyerType: '客户类型',
  tenderNo: '招标项目编号',
  contractNo: '合同编号',
  model: '车型',
  vin: '车架号',
  invoiceNo: '发票号码',
  invoiceDate: '开票日期',
  invoiceAmount: '发票金额（元）',
  registrationOwner: '行驶证所有人',
  claimRef: '厂家报备号',
  filedAt: '报备时间',
  verdict: '资格判定',
  evidence: '证明材料',
  override: '经理特批说明',
};
const FIELDS_AFTER = [
  ...FIELDS_BEFORE.slice(0, 2),
  'dealerCode',
  ...FIELDS_BEFORE.slice(2, 13),
  'claimRef',
  ...FIELDS_BEFORE.slice(13),
];
const columnsOf = (fields: string[]) =>
  JSON.stringify(fields.map((field, i) => ({ field, header: HEADERS[field], column: i + 1 })));

/**
 * The organisation nature (单位性质) the incentive policy keys on, suggested for every existing
 * account (a person confirms it); the dealer's name and code as their own settings; the built-in
 * report template with both. Returns the counts for the migration's note.
 */
export async function up(db: Kysely<any>): Promise<MigrationNote> {
  await db.schema.alterTable('accounts').addColumn('org_nature', 'text').execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('org_nature_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const accounts: { id: number; name: string; uscc: string | null; industry: string | null }[] =
    await db.selectFrom('accounts').select(['id', 'name', 'uscc', 'industry']).execute();
  const counts: Record<string, number> = {
    organ: 0,
    institution: 0,
    soe: 0,
    private: 0,
    other: 0,
    unknown: 0,
  };
  const byNature = new Map<string, number[]>();
  for (const a of accounts) {
    const nature =
      suggestOrgNature({ ...a, industry: a.industry as Industry | null })?.nature ?? null;
    counts[nature ?? 'unknown']! += 1;
    if (nature) byNature.set(nature, [...(byNature.get(nature) ?? []), a.id]);
  }
  for (const [nature, ids] of byNature)
    for (let i = 0; i < ids.length; i += 500)
      await db
        .updateTable('accounts')
        .set({ org_nature: nature })
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
  await sql`create index accounts_org_nature on accounts (org_nature_confirmed, org_nature)`.execute(
    db,
  );

  // The dealer's name moves out of the sales settings into its own, with the new code and brand.
  const sales = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'sales')
    .executeTakeFirst();
  const salesValue = sales ? (JSON.parse(sales.value) as Record<string, unknown>) : null;
  const dealerName = typeof salesValue?.dealerName === 'string' ? salesValue.dealerName.trim() : '';
  if (salesValue && 'dealerName' in salesValue) {
    delete salesValue.dealerName;
    await db
      .updateTable('settings')
      .set({ value: JSON.stringify(salesValue) })
      .where('key', '=', 'sales')
      .execute();
  }
  if (dealerName !== '')
    await db
      .insertInto('settings')
      .values({ key: 'dealer', value: JSON.stringify({ name: dealerName, code: '', brand: '' }) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();

  // The built-in template gains the two columns unless someone already changed it.
  const updated = await db
    .updateTable('report_templates')
    .set({ columns_json: columnsOf(FIELDS_AFTER) })
    .where('built_in', '=', 1)
    .where('columns_json', '=', columnsOf(FIELDS_BEFORE))
    .executeTakeFirst();

  return {
    code: 'org_nature_suggested',
    params: {
      ...counts,
      total: accounts.length,
      dealerNameMoved: dealerName !== '' ? 1 : 0,
      templateUpdated: Number(updated.numUpdatedRows) > 0 ? 1 : 0,
    },
  };
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .updateTable('report_templates')
    .set({ columns_json: columnsOf(FIELDS_BEFORE) })
    .where('built_in', '=', 1)
    .where('columns_json', '=', columnsOf(FIELDS_AFTER))
    .execute();
  const dealer = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'dealer')
    .executeTakeFirst();
  const sales = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'sales')
    .executeTakeFirst();
  if (dealer && sales) {
    const name = (JSON.parse(dealer.value) as { name?: string }).name ?? '';
    await db
      .updateTable('settings')
      .set({ value: JSON.stringify({ ...JSON.parse(sales.value), dealerName: name }) })
      .where('key', '=', 'sales')
      .execute();
  }
  await db.deleteFrom('settings').where('key', '=', 'dealer').execute();
  await sql`drop index if exists accounts_org_nature`.execute(db);
  await db.schema.alterTable('accounts').dropColumn('org_nature_confirmed').execute();
  await db.schema.alterTable('accounts').dropColumn('org_nature').execute();
}
