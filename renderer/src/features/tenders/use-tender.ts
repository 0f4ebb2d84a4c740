/** Loads one tender for its card; reloads when `revision` changes. */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import type { TenderDetail } from '../../../../shared/schemas/tenders';
import { call } from '../../api/client';
import { useLiveRefresh } from '../../lib/use-live';

interface State {
  id: number;
  revision: unknown;
  attempt: number;
  detail: TenderDetail | null;
  error: ApiError | null;
}

export function useTender(id: number | null, revision: unknown) {
  const [state, setState] = useState<State | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    void call('tenders.get', { id }).then((r) => {
      if (!live) return;
      setState((prev) => ({
        id,
        revision,
        attempt,
        // Keep showing the tender while a reload failed, with the error beside it.
        detail: r.ok ? r.value : prev?.id === id ? prev.detail : null,
        error: r.ok ? null : r.error,
      }));
    });
    return () => {
      live = false;
    };
  }, [id, revision, attempt]);

  const current = state && state.id === id ? state : null;
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  useLiveRefresh(
    id === null
      ? null
      : (event) => event.topic === 'tenders' && (event.recordId === id || event.recordId === null),
    reload,
  );
  return {
    detail: current?.detail ?? null,
    error: current?.error ?? null,
    loading:
      id !== null && (!current || current.revision !== revision || current.attempt !== attempt),
    reload,
  };
}
