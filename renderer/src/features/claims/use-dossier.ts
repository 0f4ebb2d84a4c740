/** Loads a claim's dossier timeline, again whenever the claim changes (`version`). */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import type { Dossier } from '../../../../shared/schemas/reports';
import { call } from '../../api/client';

export function useDossier(claimId: number, version: string) {
  const [attempt, setAttempt] = useState(0);
  const key = `${claimId}#${version}#${attempt}`;
  const [loaded, setLoaded] = useState<{
    key: string;
    dossier: Dossier | null;
    error: ApiError | null;
  } | null>(null);

  useEffect(() => {
    let live = true;
    void call('claims.dossier', { id: claimId }).then((r) => {
      if (!live) return;
      setLoaded((prev) => ({
        key,
        dossier: r.ok ? r.value : (prev?.dossier ?? null),
        error: r.ok ? null : r.error,
      }));
    });
    return () => {
      live = false;
    };
  }, [claimId, key]);

  return {
    dossier: loaded?.dossier?.claimId === claimId ? loaded.dossier : null,
    error: loaded?.key === key ? loaded.error : null,
    loading: loaded?.key !== key,
    reload: useCallback(() => setAttempt((a) => a + 1), []),
  };
}
