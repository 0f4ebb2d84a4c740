/** The dealer settings (name, manufacturer code, brand), loaded for their tab. */
import { useCallback, useEffect, useState } from 'react';
import type { DealerSettings } from '../../../../shared/schemas/dealer-settings';
import type { ApiError, Result } from '../../../../shared/result';
import { call } from '../../api/client';

export function useDealerSettings() {
  const [settings, setSettings] = useState<DealerSettings | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void call('settings.dealer', {}).then((r) => {
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

  const save = useCallback(async (next: DealerSettings): Promise<Result<DealerSettings>> => {
    const r = await call('settings.setDealer', next);
    if (r.ok) setSettings(r.value);
    return r;
  }, []);

  return { settings, error, save, reload: useCallback(() => setAttempt((a) => a + 1), []) };
}
