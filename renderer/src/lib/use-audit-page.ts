/** One page of a record's audit history (an account's, an opportunity's), reloaded on changes. */
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/schemas/system';
import type { ApiError } from '../../../shared/result';
import { call } from '../api/client';

export const AUDIT_PAGE_SIZE = 20;

export function useAuditPage(
  method: 'accounts.history' | 'opportunities.history',
  id: number,
  revision: unknown,
) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ key: string; rows: AuditEntry[]; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const key = JSON.stringify([method, id, page, revision]);

  useEffect(() => {
    let live = true;
    void call(method, { id, offset: (page - 1) * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE }).then(
      (r) => {
        if (!live) return;
        if (r.ok) {
          setError(null);
          setData({ key, rows: r.value.rows, total: r.value.total });
        } else setError(r.error);
      },
    );
    return () => {
      live = false;
    };
  }, [method, id, page, key]);

  return {
    page,
    setPage,
    error,
    rows: data?.rows ?? [],
    total: data?.total ?? 0,
    loading: data?.key !== key && !error,
  };
}
