/**
 * Loads one record for its card and reloads it when `revision` changes. Every workflow call
 * returns the whole record, so `replace` shows its answer at once instead of fetching again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Input, Output } from '../../../shared/api';
import type { ApiError } from '../../../shared/result';
import { call } from '../api/client';

/** The `<section>.get` methods that take `{ id }` and answer the whole record. */
export type RecordMethod = 'contracts.get' | 'claims.get' | 'filings.get' | 'opportunities.get';

interface State<T> {
  id: number;
  revision: unknown;
  detail: T | null;
  error: ApiError | null;
}

export function useRecord<M extends RecordMethod>(method: M, id: number | null, revision: unknown) {
  type Detail = Output<M>;
  const [state, setState] = useState<State<Detail> | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    void call(method, { id } as Input<M>).then((r) => {
      if (!live) return;
      setState((prev) => ({
        id,
        revision,
        // Keep showing the previous detail of the same record while an error is shown.
        detail: r.ok ? (r.value as Detail) : prev?.id === id ? prev.detail : null,
        error: r.ok ? null : r.error,
      }));
    });
    return () => {
      live = false;
    };
  }, [method, id, revision, attempt]);

  const replace = useCallback(
    (detail: Detail) =>
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
