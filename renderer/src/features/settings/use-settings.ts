/**
 * One settings group, loaded for its tab and saved whole: the same load, error and retry for every
 * group (sales, claims and policy, dealer, contract numbering), as the main process stores them.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Input, Output } from '../../../../shared/api';
import type { ApiError, Result } from '../../../../shared/result';
import { call } from '../../api/client';

/** Each group's read method and the method that saves it. */
const SAVE = {
  'settings.sales': 'settings.setSales',
  'settings.filing': 'settings.setFiling',
  'settings.dealer': 'settings.setDealer',
  'settings.contractNumbering': 'settings.setContractNumbering',
} as const;
export type SettingsGroup = keyof typeof SAVE;

export function useSettings<G extends SettingsGroup>(group: G) {
  const [settings, setSettings] = useState<Output<G> | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    void call(group, {} as Input<G>).then((r) => {
      if (!live) return;
      if (r.ok) {
        setSettings(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [group, attempt]);

  const save = useCallback(
    async (next: Output<G>): Promise<Result<Output<G>>> => {
      // A group saves what it reads: the pair is declared once, above.
      const r = (await call(SAVE[group], next as never)) as Result<Output<G>>;
      if (r.ok) setSettings(r.value);
      return r;
    },
    [group],
  );

  return { settings, error, save, reload: useCallback(() => setAttempt((a) => a + 1), []) };
}
