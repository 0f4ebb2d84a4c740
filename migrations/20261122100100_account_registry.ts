import { type Kysely, sql } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_norm', 'text', (c) => c.notNull())
    // Pinyin of the name: what the grid sorts names by (SQLite alone would sort by code point).
    .addColumn('name_sort', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.unique())
    .addColumn('buyer_type', 'text', (c) =>
      c.notNull().check(sql`buyer_type in ('direct', 'government', 'system')`),
    )
    .addColumn('industry', 'text')
    .addColumn('province_code', 'text')
    .addColumn('city_code', 'text')
    .addColumn('district_code', 'text')
    .addColumn('address', 'text')
    // RESTRICT: a head office cannot disappear from under its subordinate units.
    .addColumn('parent_id', 'integer', (c) => c.references('accounts.id').onDelete('restrict'))
    .addColumn('grade', 'text', (c) => c.notNull().check(sql`grade in ('A', 'B', 'C')`))
    .addColumn('value_type', 'text')
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('owner_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('notes', 'text')
    .addColumn('fleet_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('contact_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('subordinate_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('updated_by', 'integer', (c) => c.references('staff.id'))
    .execute();

  // Indexes for the grid's common sorts and filters; (filter, sort) pairs keep a page query off a
  // full sort of the table.
  const indexes: [string, string[]][] = [
    ['accounts_name_sort', ['name_sort']],
    ['accounts_name_norm', ['name_norm']],
    ['accounts_buyer_type_name', ['buyer_type', 'name_sort']],
    ['accounts_grade_name', ['grade', 'name_sort']],
    ['accounts_province_name', ['province_code', 'name_sort']],
    ['accounts_lifecycle_name', ['lifecycle', 'name_sort']],
    ['accounts_owner_name', ['owner_id', 'name_sort']],
    ['accounts_parent', ['parent_id']],
    ['accounts_updated_at', ['updated_at']],
    ['accounts_created_at', ['created_at']],
    ['accounts_fleet_total', ['fleet_total']],
  ];
  for (const [name, columns] of indexes)
    await db.schema.createIndex(name).on('accounts').columns(columns).execute();

  await db.schema
    .createTable('account_aliases')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_norm', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('alias', 'former')`))
    .execute();
  await db.schema
    .createIndex('account_aliases_account')
    .on('account_aliases')
    .column('account_id')
    .execute();
  await db.schema
    .createIndex('account_aliases_norm')
    .on('account_aliases')
    .column('alias_norm')
    .execute();

  await db.schema
    .createTable('account_fleet')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('brand', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer')
    .execute();
  await db.schema
    .createIndex('account_fleet_account')
    .on('account_fleet')
    .column('account_id')
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('department', 'text')
    .addColumn('level', 'text')
    .addColumn('purchase_role', 'text')
    .addColumn('attitude', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_account').on('contacts').column('account_id').execute();

  // Personal information (PIPL) lives apart so that no list query can reach it by accident.
  await db.schema
    .createTable('contact_personal')
    .addColumn('contact_id', 'integer', (c) =>
      c.primaryKey().references('contacts.id').onDelete('cascade'),
    )
    .addColumn('birthday', 'text')
    .addColumn('hometown', 'text')
    .addColumn('education', 'text')
    .addColumn('hobbies', 'text')
    .addColumn('schedule', 'text')
    .addColumn('career_goals', 'text')
    .addColumn('family', 'text')
    .addColumn('notes', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_personal').execute();
  await db.schema.dropTable('contacts').execute();
  await db.schema.dropTable('account_fleet').execute();
  await db.schema.dropTable('account_aliases').execute();
  await db.schema.dropTable('accounts').execute();
}
