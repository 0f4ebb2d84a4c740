/** Fetches the page a grid query describes; answers to superseded queries are dropped. */
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { ListQuery } from '../../../../shared/list';
import type { FetchPage, PageResult } from './types';

interface Loaded<Row> {
  key: string;
  rows: Row[];
  total: number;
  capped: boolean;
  error: unknown;
}

export function useGridPage<Row, F extends string>(
  fetchPage: FetchPage<Row, F>,
  query: ListQuery<F> | null,
  refreshKey: unknown,
) {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<Row> | null>(null);
  const key = query ? JSON.stringify([query, refreshKey, attempt]) : null;

  // Reads the query of the render that produced `key`.
  const load = useEffectEvent((): Promise<PageResult<Row>> =>
    query ? fetchPage(query) : Promise.resolve({ rows: [], total: 0 }),
  );

  useEffect(() => {
    if (!key) return;
    let live = true;
    load().then(
      (page) => {
        if (live)
          setLoaded({
            key,
            rows: page.rows,
            total: page.total,
            capped: page.capped === true,
            error: null,
          });
      },
      (error: unknown) => {
        if (live)
          setLoaded((prev) => ({
            key,
            rows: prev?.rows ?? [],
            total: prev?.total ?? 0,
            capped: prev?.capped ?? false,
            error,
          }));
      },
    );
    return () => {
      live = false;
    };
  }, [key]);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);

  return {
    rows: loaded?.rows ?? [],
    total: loaded?.total ?? 0,
    /** `total` is where the count stopped: more rows match. */
    capped: loaded?.capped ?? false,
    error: loaded?.key === key ? loaded.error : null,
    loading: key !== null && loaded?.key !== key,
    everLoaded: loaded !== null,
    /** Identifies the rows on screen; changes whenever a new page arrives. */
    dataKey: loaded?.key ?? '',
    retry,
  };
}
