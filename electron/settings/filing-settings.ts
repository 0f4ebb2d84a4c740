/** Claim and filing settings (territory, protection period, expiry warning, policy), stored as JSON. */
import { DEFAULT_POLICY } from '../../shared/eligibility';
import { type FilingSettings, filingSettings } from '../../shared/schemas/filing-settings';
import { storedSettings } from './stored-settings';

export const DEFAULT_FILING_SETTINGS: FilingSettings = {
  territoryCodes: [],
  claimProtectionDays: 90,
  claimWarnDays: 14,
  policy: DEFAULT_POLICY,
};

const stored = storedSettings('filing', filingSettings, DEFAULT_FILING_SETTINGS, 'settings.filing');
export const getFilingSettings = stored.get;
export const setFilingSettings = stored.set;

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
