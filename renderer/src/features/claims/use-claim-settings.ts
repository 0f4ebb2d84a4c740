/**
 * The claim settings the claims UI needs (protection days, expiry warning, territory), read once
 * per page; the defaults stand in until they arrive or when they cannot be read.
 */
import { useEffect, useState } from 'react';
import type { FilingSettings } from '../../../../shared/schemas/filing-settings';
import { call } from '../../api/client';

export type ClaimSettings = Pick<
  FilingSettings,
  'claimProtectionDays' | 'claimWarnDays' | 'territoryCodes'
>;

// The backend's defaults (electron/settings/filing-settings.ts).
const DEFAULTS: ClaimSettings = { claimProtectionDays: 90, claimWarnDays: 14, territoryCodes: [] };

export function useClaimSettings(): ClaimSettings & { loaded: boolean } {
  const [settings, setSettings] = useState<ClaimSettings | null>(null);
  useEffect(() => {
    let live = true;
    void call('settings.filing', {}).then((r) => {
      if (live && r.ok) setSettings(r.value);
    });
    return () => {
      live = false;
    };
  }, []);
  return { ...(settings ?? DEFAULTS), loaded: settings !== null };
}
