/**
 * Loads one filing and reloads it when `revision` changes. Every workflow call returns the whole
 * filing (judged again), so `replace` shows its answer at once instead of fetching again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FilingDetail } from '../../../../shared/schemas/filings';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';

interface State {
  id: number;
  revision: unknown;
  detail: FilingDetail | null;
  error: ApiError | null;
}

export function useFiling(id: number | null, revision: unknown) {
  const [state, setState] = useState<State | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    void call('filings.get', { id }).then((r) => {
      if (!live) return;
      setState((prev) => ({
        id,
        revision,
        // Keep showing the previous detail of the same filing while an error is shown.
        detail: r.ok ? r.value : prev?.id === id ? prev.detail : null,
        error: r.ok ? null : r.error,
      }));
    });
    return () => {
      live = false;
    };
  }, [id, revision, attempt]);

  const replace = useCallback(
    (detail: FilingDetail) =>
      setState((prev) => ({
        id: detail.id,
        revision: prev?.id === detail.id ? prev.revision : null,
        detail,
        error: null,
      })),
    [],
  );

  const current = state && state.id === id ? state : null;
  return {
    detail: current?.detail ?? null,
    error: current?.error ?? null,
    loading: id !== null && (!current || current.revision !== revision),
    reload: useCallback(() => setAttempt((a) => a + 1), []),
    replace,
  };
}
