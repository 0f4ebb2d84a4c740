/** Loads one account; reloads when `revision` changes. */
import { useCallback, useEffect, useState } from 'react';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { useLiveRefresh } from '../../lib/use-live';

interface State {
  id: number;
  revision: unknown;
  detail: AccountDetail | null;
  error: ApiError | null;
}

export function useAccount(id: number | null, revision: unknown) {
  const [state, setState] = useState<State | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    void call('accounts.get', { id }).then((r) => {
      if (!live) return;
      setState((prev) => ({
        id,
        revision,
        // Keep showing the previous detail of the same account while an error is shown.
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
  // Anything on the account (its deals, contracts, contacts) may change what its card shows.
  useLiveRefresh(id === null ? null : (event) => event.accountId === id, reload);
  return {
    detail: current?.detail ?? null,
    error: current?.error ?? null,
    loading: id !== null && (!current || current.revision !== revision),
    reload,
    /** Grows with each reload (a live change included): the card's tabs refetch with it. */
    generation: attempt,
  };
}
