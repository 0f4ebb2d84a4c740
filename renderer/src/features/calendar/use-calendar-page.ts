/** Loads the calendar items of a range (one `calendar.list` call per range and filter set). */
import { useCallback, useEffect, useState } from 'react';
import type { Input } from '../../../../shared/api';
import type { CalendarPage } from '../../../../shared/schemas/calendar';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { onTopics } from '../../api/live-events';
import { useLiveRefresh } from '../../lib/use-live';
import { DAY_TOPICS } from '../my-day/use-my-day';

type Query = Input<'calendar.list'>;

interface Loaded {
  key: string;
  page: CalendarPage | null;
  error: ApiError | null;
}

export function useCalendarPage(query: Query | null) {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const queryKey = query ? JSON.stringify(query) : null;
  const key = queryKey ? `${queryKey}#${attempt}` : null;

  // The caller builds a new query object each render: its text says whether it really changed.
  useEffect(() => {
    if (!key || !queryKey) return;
    let live = true;
    void call('calendar.list', JSON.parse(queryKey) as Query).then((r) => {
      if (!live) return;
      if (r.ok) setLoaded({ key, page: r.value, error: null });
      // A failed reload keeps what was shown, under the error.
      else setLoaded((prev) => ({ key, page: prev?.page ?? null, error: r.error }));
    });
    return () => {
      live = false;
    };
  }, [key, queryKey]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  useLiveRefresh(onTopics(...DAY_TOPICS), reload);
  const current = loaded?.key === key;
  return {
    /** The last page loaded; while a new range loads, the previous one (dimmed by the caller). */
    page: loaded?.page ?? null,
    error: current ? loaded.error : null,
    loading: key !== null && !current,
    reload,
  };
}
