/**
 * The sales settings, loaded once for the page. Stage probabilities and follow-up settings are
 * saved as one object, so both tabs edit this one copy and a save never undoes the other's.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../../shared/result';
import type { SalesSettings } from '../../../../shared/schemas/sales-settings';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';

export function useSalesSettings() {
  const [settings, setSettings] = useState<SalesSettings | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void call('settings.sales', {}).then((r) => {
      if (!live) return;
      if (r.ok) {
        setSettings(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [attempt]);

  const save = useCallback(
    async (change: Partial<SalesSettings>): Promise<Result<SalesSettings>> => {
      if (!settings) return { ok: false, error: { code: 'INTERNAL', message: 'not loaded' } };
      const r = await call('settings.setSales', { ...settings, ...change });
      if (r.ok) setSettings(r.value);
      return r;
    },
    [settings],
  );

  return { settings, error, save, reload: useCallback(() => setAttempt((a) => a + 1), []) };
}
