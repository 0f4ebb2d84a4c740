/** The claim and filing settings (territory, protection period, policy), loaded for their tab. */
import { useCallback, useEffect, useState } from 'react';
import type { FilingSettings } from '../../../../shared/schemas/filing-settings';
import type { ApiError, Result } from '../../../../shared/result';
import { call } from '../../api/client';

export function useFilingSettings() {
  const [settings, setSettings] = useState<FilingSettings | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void call('settings.filing', {}).then((r) => {
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

  const save = useCallback(async (next: FilingSettings): Promise<Result<FilingSettings>> => {
    const r = await call('settings.setFiling', next);
    if (r.ok) setSettings(r.value);
    return r;
  }, []);

  return { settings, error, save, reload: useCallback(() => setAttempt((a) => a + 1), []) };
}
