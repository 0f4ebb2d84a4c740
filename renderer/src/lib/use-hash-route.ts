/**
 * A tiny hash router: `#/accounts/42` opens account 42, `#/staff` the staff page. The hash keeps
 * the page and the open card across a reload and makes the browser's back button close it.
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

export type Section = 'accounts' | 'staff';

export const SECTION_PATHS: Record<Section, string> = {
  accounts: '/accounts',
  staff: '/staff',
};

/** The left-menu section a path belongs to; anything unknown is the accounts page. */
export function sectionOf(path: string): Section {
  return path === SECTION_PATHS.staff || path.startsWith(`${SECTION_PATHS.staff}/`)
    ? 'staff'
    : 'accounts';
}

export function accountPath(id: number): string {
  return `/accounts/${id}`;
}

/** The account id in `/accounts/<id>`, if any. */
export function accountIdOf(path: string): number | null {
  const m = /^\/accounts\/(\d+)/.exec(path);
  return m ? Number(m[1]) : null;
}
