/**
 * The sales settings, loaded once for the page. Stage probabilities and follow-up settings are
 * saved as one object, so both tabs edit this one copy and a save never undoes the other's.
 */
import { useCallback } from 'react';
import type { Result } from '../../../../shared/result';
import type { SalesSettings } from '../../../../shared/schemas/sales-settings';
import { useSettings } from './use-settings';

export function useSalesSettings() {
  const { settings, error, save: saveWhole, reload } = useSettings('settings.sales');
  const save = useCallback(
    async (change: Partial<SalesSettings>): Promise<Result<SalesSettings>> => {
      if (!settings) return { ok: false, error: { code: 'INTERNAL', message: 'not loaded' } };
      return saveWhole({ ...settings, ...change });
    },
    [settings, saveWhole],
  );
  return { settings, error, save, reload };
}
