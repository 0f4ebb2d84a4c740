/** Loads a contract's payments and receivable; reloads when the contract card shows a new state. */
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/result';
import type { ContractPayments } from '../../../../shared/schemas/payments';
import { call } from '../../api/client';

export function useContractPayments(contractId: number, revision: unknown) {
  const [state, setState] = useState<{ data: ContractPayments | null; error: ApiError | null }>({
    data: null,
    error: null,
  });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void call('payments.ofContract', { contractId }).then((r) => {
      if (!live) return;
      setState((prev) =>
        r.ok ? { data: r.value, error: null } : { data: prev.data, error: r.error },
      );
    });
    return () => {
      live = false;
    };
  }, [contractId, revision, attempt]);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  /** A write answers the contract's payments as they now stand: show them at once. */
  const replace = useCallback((data: ContractPayments) => setState({ data, error: null }), []);
  return { ...state, reload, replace };
}
