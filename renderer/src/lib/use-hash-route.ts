/**
 * A tiny hash router: `#/accounts/42` opens account 42. The hash keeps the open card across a
 * reload and makes the browser's back button close it.
 */
import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const read = () => window.location.hash.replace(/^#/, '') || '/';

export function useHashRoute(): { path: string; navigate: (path: string) => void } {
  const path = useSyncExternalStore(subscribe, read);
  const navigate = useCallback((next: string) => {
    if (read() !== next) window.location.hash = next;
  }, []);
  return { path, navigate };
}

export function accountPath(id: number): string {
  return `/accounts/${id}`;
}

/** The account id in `/accounts/<id>`, if any. */
export function accountIdOf(path: string): number | null {
  const m = /^\/accounts\/(\d+)/.exec(path);
  return m ? Number(m[1]) : null;
}
