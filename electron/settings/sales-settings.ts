/** The sales settings (stage probabilities, follow-up days, reminder lead time), stored as JSON. */
import type { Kysely } from 'kysely';
import { type SalesSettings, salesSettings } from '../../shared/schemas/sales-settings';
import { DEFAULT_PROBABILITIES } from '../../shared/sales-enums';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { getSetting, setSetting } from '../prefs/service';

const KEY = 'sales';

export const DEFAULT_SALES_SETTINGS: SalesSettings = {
  probabilities: { ...DEFAULT_PROBABILITIES },
  followUpDays: [7, 30],
  reminderLeadHours: 48,
};

/** Stored settings over the defaults; a value that no longer validates falls back to its default. */
export async function getSalesSettings(db: Kysely<Database>): Promise<SalesSettings> {
  const raw = await getSetting(db, KEY);
  if (raw === null) return DEFAULT_SALES_SETTINGS;
  const parsed = salesSettings.safeParse({
    ...DEFAULT_SALES_SETTINGS,
    ...(JSON.parse(raw) as object),
  });
  return parsed.success ? parsed.data : DEFAULT_SALES_SETTINGS;
}

export async function setSalesSettings(
  db: Kysely<Database>,
  actorId: number,
  next: SalesSettings,
): Promise<SalesSettings> {
  return writeTx(db, async (trx) => {
    const before = await getSalesSettings(trx);
    await setSetting(trx, KEY, JSON.stringify(next));
    await appendAudit(trx, {
      actorId,
      entity: 'settings',
      entityId: null,
      action: 'settings.sales',
      before,
      after: next,
    });
    return next;
  });
}
