/**
 * Refetching on live changes: a view names the changes it shows and is told, once per burst
 * (debounced), when one of them happened elsewhere — in another tab, by a colleague, by a job.
 */
import { useEffect, useEffectEvent, useState } from 'react';
import type { LiveEvent } from '../../../shared/schemas/live-events';
import { onLiveEvent } from '../api/live-events';

const DEBOUNCE_MS = 300;

/** Calls `refetch` after changes `match` accepts (and after a reset); null: not listening. */
export function useLiveRefresh(
  match: ((event: LiveEvent) => boolean) | null,
  refetch: () => void,
): void {
  const accepts = useEffectEvent((event: LiveEvent) => match?.(event) ?? false);
  const fire = useEffectEvent(refetch);
  const listening = match !== null;
  useEffect(() => {
    if (!listening) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = onLiveEvent((signal) => {
      if (signal !== 'reset' && !accepts(signal)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        fire();
      }, DEBOUNCE_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [listening]);
}

/** A number that grows with each relevant burst of changes: add it to a fetch's key. */
export function useLiveRevision(match: ((event: LiveEvent) => boolean) | null): number {
  const [revision, setRevision] = useState(0);
  useLiveRefresh(match, () => setRevision((r) => r + 1));
  return revision;
}
