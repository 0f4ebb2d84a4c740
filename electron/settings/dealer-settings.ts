/** The dealer settings (name, manufacturer code, brand), stored as JSON under their own key. */
import type { Kysely } from 'kysely';
import { type DealerSettings, dealerSettings } from '../../shared/schemas/dealer-settings';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { getSetting, setSetting } from '../prefs/service';

const KEY = 'dealer';

export const DEFAULT_DEALER_SETTINGS: DealerSettings = { name: '', code: '', brand: '' };

/** Stored settings over the defaults; a value that no longer validates falls back to its default. */
export async function getDealerSettings(db: Kysely<Database>): Promise<DealerSettings> {
  const raw = await getSetting(db, KEY);
  if (raw === null) return DEFAULT_DEALER_SETTINGS;
  const parsed = dealerSettings.safeParse({
    ...DEFAULT_DEALER_SETTINGS,
    ...(JSON.parse(raw) as object),
  });
  return parsed.success ? parsed.data : DEFAULT_DEALER_SETTINGS;
}

export async function setDealerSettings(
  db: Kysely<Database>,
  actorId: number,
  next: DealerSettings,
): Promise<DealerSettings> {
  return writeTx(db, async (trx) => {
    const before = await getDealerSettings(trx);
    await setSetting(trx, KEY, JSON.stringify(next));
    await appendAudit(trx, {
      actorId,
      entity: 'settings',
      entityId: null,
      action: 'settings.dealer',
      before,
      after: next,
    });
    return next;
  });
}
