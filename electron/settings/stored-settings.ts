/**
 * A settings group stored as one JSON value under its key: read over its defaults (a value that no
 * longer validates falls back to them, so an older or hand-edited file never breaks a read), and
 * written with an audit entry of before and after in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Clock } from '../../shared/clock';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { getSetting, setSetting } from '../prefs/service';

interface StoredSettings<T> {
  readonly defaults: T;
  get(db: Kysely<Database>): Promise<T>;
  /** `clock`: where the audit entry's time is read (the business clock if not given). */
  set(db: Kysely<Database>, actorId: number, next: T, clock: Clock): Promise<T>;
}

export function storedSettings<T extends object>(
  key: string,
  schema: z.ZodType<T>,
  defaults: T,
  /** The audit action of a change, e.g. `settings.dealer`. */
  action: string,
): StoredSettings<T> {
  const get = async (db: Kysely<Database>): Promise<T> => {
    const raw = await getSetting(db, key);
    if (raw === null) return defaults;
    const parsed = schema.safeParse({ ...defaults, ...(JSON.parse(raw) as object) });
    return parsed.success ? parsed.data : defaults;
  };
  return {
    defaults,
    get,
    set: (db, actorId, next, clock) =>
      writeTx(db, async (trx) => {
        const before = await get(trx);
        await setSetting(trx, key, JSON.stringify(next));
        await appendAudit(trx, clock, {
          actorId,
          entity: 'settings',
          entityId: null,
          action,
          before,
          after: next,
        });
        return next;
      }),
  };
}
