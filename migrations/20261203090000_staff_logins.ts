import { type Kysely, sql } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and must not follow today's table types */

/**
 * Team server sign-in: a staff member may have a login and a password (scrypt, self-describing
 * string; never the password). A password set by an admin is one-time: it must be changed at the
 * first sign-in. Logins are unique regardless of case.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('staff').addColumn('login', 'text').execute();
  await db.schema.alterTable('staff').addColumn('password_hash', 'text').execute();
  await db.schema
    .alterTable('staff')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('staff').addColumn('password_changed_at', 'text').execute();
  await sql`CREATE UNIQUE INDEX staff_login_unique ON staff (lower(login)) WHERE login IS NOT NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX staff_login_unique`.execute(db);
  for (const column of ['password_changed_at', 'must_change_password', 'password_hash', 'login'])
    await db.schema.alterTable('staff').dropColumn(column).execute();
}
