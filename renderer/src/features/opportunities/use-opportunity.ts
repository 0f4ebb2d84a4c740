/** Loads one opportunity for its card; reloads when `revision` changes. */
import { useCallback, useEffect, useState } from 'react';
import type { OpportunityDetail } from '../../../../shared/schemas/opportunities';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';

interface State {
  id: number;
  revision: unknown;
  detail: OpportunityDetail | null;
  error: ApiError | null;
}

export function useOpportunity(id: number | null, revision: unknown) {
  const [state, setState] = useState<State | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    void call('opportunities.get', { id }).then((r) => {
      if (!live) return;
      setState((prev) => ({
        id,
        revision,
        // Keep showing the previous detail of the same opportunity while an error is shown.
        detail: r.ok ? r.value : prev?.id === id ? prev.detail : null,
        error: r.ok ? null : r.error,
      }));
    });
    return () => {
      live = false;
    };
  }, [id, revision, attempt]);

  const current = state && state.id === id ? state : null;
  return {
    detail: current?.detail ?? null,
    error: current?.error ?? null,
    loading: id !== null && (!current || current.revision !== revision),
    reload: useCallback(() => setAttempt((a) => a + 1), []),
  };
}
