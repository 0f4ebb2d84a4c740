/** Claim and filing settings (territory, protection period, expiry warning, policy), stored as JSON. */
import type { Kysely } from 'kysely';
import { DEFAULT_POLICY } from '../../shared/eligibility';
import { type FilingSettings, filingSettings } from '../../shared/schemas/filing-settings';
import { appendAudit } from '../audit/audit';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { getSetting, setSetting } from '../prefs/service';

const KEY = 'filing';

export const DEFAULT_FILING_SETTINGS: FilingSettings = {
  territoryCodes: [],
  claimProtectionDays: 90,
  claimWarnDays: 14,
  policy: DEFAULT_POLICY,
};

/** Stored settings over the defaults; a value that no longer validates falls back to its default. */
export async function getFilingSettings(db: Kysely<Database>): Promise<FilingSettings> {
  const raw = await getSetting(db, KEY);
  if (raw === null) return DEFAULT_FILING_SETTINGS;
  const parsed = filingSettings.safeParse({
    ...DEFAULT_FILING_SETTINGS,
    ...(JSON.parse(raw) as object),
  });
  return parsed.success ? parsed.data : DEFAULT_FILING_SETTINGS;
}

export async function setFilingSettings(
  db: Kysely<Database>,
  actorId: number,
  next: FilingSettings,
): Promise<FilingSettings> {
  return writeTx(db, async (trx) => {
    const before = await getFilingSettings(trx);
    await setSetting(trx, KEY, JSON.stringify(next));
    await appendAudit(trx, {
      actorId,
      entity: 'settings',
      entityId: null,
      action: 'settings.filing',
      before,
      after: next,
    });
    return next;
  });
}

/** Whether a region lies in the territory: a province or city code covers everything under it. */
export function inTerritory(territory: readonly string[], code: string | null): boolean {
  if (territory.length === 0) return true;
  if (code === null) return false;
  return territory.some((t) =>
    t.endsWith('0000')
      ? code.slice(0, 2) === t.slice(0, 2)
      : t.endsWith('00')
        ? code.slice(0, 4) === t.slice(0, 4)
        : code === t,
  );
}
