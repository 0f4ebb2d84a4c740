/** Per-user preferences (grid layouts, language) and app-wide settings, stored as JSON. */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/result';
import type { Database } from '../db/schema';

const MAX_PREF_BYTES = 64 * 1024;

export async function getPref(
  db: Kysely<Database>,
  staffId: number,
  key: string,
): Promise<unknown> {
  const r = await db
    .selectFrom('prefs')
    .select('value')
    .where('staff_id', '=', staffId)
    .where('key', '=', key)
    .executeTakeFirst();
  return r ? (JSON.parse(r.value) as unknown) : null;
}

export async function setPref(
  db: Kysely<Database>,
  staffId: number,
  key: string,
  value: unknown,
): Promise<void> {
  const json = JSON.stringify(value ?? null);
  if (json.length > MAX_PREF_BYTES)
    throw new AppError('VALIDATION', `preference ${key} is larger than 64 KB`);
  await db
    .insertInto('prefs')
    .values({ staff_id: staffId, key, value: json })
    .onConflict((oc) => oc.columns(['staff_id', 'key']).doUpdateSet({ value: json }))
    .execute();
}

export async function getSetting(db: Kysely<Database>, key: string): Promise<string | null> {
  const r = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return r?.value ?? null;
}

export async function setSetting(db: Kysely<Database>, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
