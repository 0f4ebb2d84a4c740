/** Loads one staff member's day: items due, overdue items and KPI progress. */
import { useCallback, useEffect, useState } from 'react';
import type { MyDay } from '../../../../shared/schemas/activities';
import type { ApiError } from '../../../../shared/result';
import type { LiveTopic } from '../../../../shared/schemas/live-events';
import { call } from '../../api/client';
import { onTopics } from '../../api/live-events';
import { useLiveRefresh } from '../../lib/use-live';

/** What a day is made of: deadlines, activities, claims, approvals and the targets. */
export const DAY_TOPICS: readonly LiveTopic[] = [
  'activities',
  'opportunities',
  'tenders',
  'contracts',
  'approvals',
  'claims',
  'filings',
  'kpi',
];

interface Loaded {
  key: string;
  day: MyDay | null;
  error: ApiError | null;
}

export function useMyDay(date: string, staffId: number) {
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = `${date}#${staffId}#${attempt}`;

  useEffect(() => {
    let live = true;
    void call('myDay.get', { date, staffId }).then((r) => {
      if (!live) return;
      if (r.ok) setLoaded({ key, day: r.value, error: null });
      else setLoaded((prev) => ({ key, day: prev?.day ?? null, error: r.error }));
    });
    return () => {
      live = false;
    };
  }, [key, date, staffId]);

  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  useLiveRefresh(onTopics(...DAY_TOPICS), reload);
  const current = loaded?.key === key;
  // Another day or person is never shown under this one's header.
  const day =
    loaded?.day && loaded.day.date === date && loaded.day.staffId === staffId ? loaded.day : null;
  return { day, error: current ? loaded.error : null, loading: !current, reload };
}
