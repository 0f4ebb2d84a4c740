/**
 * Loads one record for its card and reloads it when `revision` changes. Every workflow call
 * returns the whole record, so `replace` shows its answer at once instead of fetching again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Input, Output } from '../../../shared/api';
import type { ApiError } from '../../../shared/result';
import type { LiveEvent, LiveTopic } from '../../../shared/schemas/live-events';
import { call } from '../api/client';
import { useLiveRefresh } from './use-live';

/** The `<section>.get` methods that take `{ id }` and answer the whole record. */
export type RecordMethod = 'contracts.get' | 'claims.get' | 'filings.get' | 'opportunities.get';

const TOPICS: Record<RecordMethod, LiveTopic> = {
  'contracts.get': 'contracts',
  'claims.get': 'claims',
  'filings.get': 'filings',
  'opportunities.get': 'opportunities',
};

/** This record changed elsewhere: itself, many of its kind at once, or its documents. */
export function changesRecord(
  event: LiveEvent,
  topic: LiveTopic,
  id: number,
  accountId: number | null,
): boolean {
  if (event.topic === topic) return event.recordId === id || event.recordId === null;
  return event.topic === 'documents' && accountId !== null && event.accountId === accountId;
}

function accountIdOf(detail: unknown): number | null {
  if (typeof detail !== 'object' || detail === null || !('accountId' in detail)) return null;
  return typeof detail.accountId === 'number' ? detail.accountId : null;
}

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
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  const accountId = accountIdOf(current?.detail);
  useLiveRefresh(
    id === null ? null : (event) => changesRecord(event, TOPICS[method], id, accountId),
    reload,
  );
  return {
    detail: current?.detail ?? null,
    error: current?.error ?? null,
    loading: id !== null && (!current || current.revision !== revision),
    reload,
    replace,
  };
}
