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
export type RecordMethod =
  | 'accounts.get'
  | 'contracts.get'
  | 'claims.get'
  | 'filings.get'
  | 'opportunities.get'
  | 'tenders.get';

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

type Changes = (event: LiveEvent, id: number, accountId: number | null) => boolean;

const ofTopic =
  (topic: LiveTopic): Changes =>
  (event, id, accountId) =>
    changesRecord(event, topic, id, accountId);

/** Which live events change what a record's card shows. */
const CHANGES: Record<RecordMethod, Changes> = {
  // Anything on the account (its deals, contracts, contacts) may change what its card shows.
  'accounts.get': (event, id) => event.accountId === id,
  'contracts.get': ofTopic('contracts'),
  'claims.get': ofTopic('claims'),
  'filings.get': ofTopic('filings'),
  'opportunities.get': ofTopic('opportunities'),
  'tenders.get': ofTopic('tenders'),
};

function accountIdOf(detail: unknown): number | null {
  if (typeof detail !== 'object' || detail === null || !('accountId' in detail)) return null;
  return typeof detail.accountId === 'number' ? detail.accountId : null;
}

interface State<T> {
  id: number;
  revision: unknown;
  /** The reload this answer belongs to (see `fetching`). */
  attempt: number;
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
        attempt,
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
        attempt: prev?.id === detail.id ? prev.attempt : -1,
        detail,
        error: null,
      })),
    [],
  );

  const current = state && state.id === id ? state : null;
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  const accountId = accountIdOf(current?.detail);
  useLiveRefresh(id === null ? null : (event) => CHANGES[method](event, id, accountId), reload);
  return {
    detail: current?.detail ?? null,
    error: current?.error ?? null,
    loading: id !== null && (!current || current.revision !== revision),
    /** Like `loading`, and also while a reload (retry or live change) has not answered yet. */
    fetching:
      id !== null && (!current || current.revision !== revision || current.attempt !== attempt),
    reload,
    replace,
    /** Grows with each reload (a live change included): a card's tabs refetch with it. */
    generation: attempt,
  };
}
