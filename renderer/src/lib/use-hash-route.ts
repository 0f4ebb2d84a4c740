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

export type Section =
  | 'myDay'
  | 'accounts'
  | 'opportunities'
  | 'tenders'
  | 'contracts'
  | 'payments'
  | 'claims'
  | 'filings'
  | 'activities'
  | 'value'
  | 'calendar'
  | 'settings'
  | 'staff';

export const SECTION_PATHS: Record<Section, string> = {
  myDay: '/my-day',
  accounts: '/accounts',
  opportunities: '/opportunities',
  tenders: '/tenders',
  contracts: '/contracts',
  payments: '/payments',
  claims: '/claims',
  filings: '/filings',
  activities: '/activities',
  value: '/value',
  calendar: '/calendar',
  settings: '/settings',
  staff: '/staff',
};

/** The left-menu section a path belongs to; anything unknown is the accounts page. */
export function sectionOf(path: string): Section {
  for (const [section, base] of Object.entries(SECTION_PATHS) as [Section, string][])
    if (path === base || path.startsWith(`${base}/`)) return section;
  return 'accounts';
}

/** `#/tenders/42`: one record of a section, opened as its card. */
export function recordPath(section: Section, id: number): string {
  return `${SECTION_PATHS[section]}/${id}`;
}

/** The record id in `<section path>/<id>`, if any. */
export function recordIdOf(path: string, section: Section): number | null {
  const base = SECTION_PATHS[section];
  if (!path.startsWith(`${base}/`)) return null;
  const m = /^(\d+)/.exec(path.slice(base.length + 1));
  return m ? Number(m[1]) : null;
}

export function accountPath(id: number): string {
  return recordPath('accounts', id);
}

/** The account id in `/accounts/<id>`, if any. */
export function accountIdOf(path: string): number | null {
  return recordIdOf(path, 'accounts');
}
