/**
 * The dashboards follow the data live: a change to anything they count (a deal won, a claim, an
 * activity, a filing, a target…) made elsewhere — a colleague, another tab, an import — reads the
 * figures again. At most once every few seconds: an import of 10,000 rows sends a stream of
 * changes, and the dashboards should read again a handful of times, not 10,000.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { LiveTopic } from '../../../../shared/schemas/live-events';
import { onLiveEvent } from '../../api/live-events';

/** What the pipeline, win/loss, KPI, claims, incentive and 20/80 figures are made of. */
const COUNTED: ReadonlySet<LiveTopic> = new Set<LiveTopic>([
  'accounts',
  'opportunities',
  'tenders',
  'contracts',
  'claims',
  'filings',
  'activities',
  'kpi',
  'staff',
  'settings',
]);

/** The first change of a quiet spell is shown this soon (changes come in small bursts)… */
const SETTLE_MS = 300;
/** …and the figures are read again at most this often while changes keep coming. */
const MIN_INTERVAL_MS = 3_000;

/** A number that grows after changes to what the dashboards count: add it to their revision. */
export function useLiveDashboardRevision(): number {
  const [revision, setRevision] = useState(0);
  const bump = useEffectEvent(() => setRevision((r) => r + 1));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = -Infinity;
    const off = onLiveEvent((signal) => {
      if (signal !== 'reset' && !COUNTED.has(signal.topic)) return;
      if (timer) return; // a read is already due: it will see this change too
      const wait = Math.max(SETTLE_MS, last + MIN_INTERVAL_MS - performance.now());
      timer = setTimeout(() => {
        timer = null;
        last = performance.now();
        bump();
      }, wait);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return revision;
}
