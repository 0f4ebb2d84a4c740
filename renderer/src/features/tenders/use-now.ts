/**
 * The current time to the minute, for "deadline near / passed" and "before the opening". Read
 * through an external store so rendering stays pure and every screen moves on together.
 */
import { useSyncExternalStore } from 'react';

const MINUTE_MS = 60_000;

function subscribe(onChange: () => void): () => void {
  const timer = window.setInterval(onChange, MINUTE_MS / 2);
  return () => window.clearInterval(timer);
}

// Rounded, so the snapshot only changes once a minute (React compares snapshots by value).
const snapshot = () => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;

export function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
