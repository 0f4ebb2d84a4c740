/**
 * The pages, each a script of its own fetched on its first visit (route-level splitting): the
 * first load carries the start screens and the frame, not every grid, chart and form of the app.
 * Once the main window is up, the rest are fetched while the browser is idle, so moving between
 * pages does not wait for the network later.
 */
import { Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';

type Loader = () => Promise<ComponentType>;

const loaders = {
  myDay: () => import('../features/my-day/MyDayPage').then((m) => m.MyDayPage),
  accounts: () => import('../features/accounts/AccountsPage').then((m) => m.AccountsPage),
  opportunities: () =>
    import('../features/opportunities/OpportunitiesPage').then((m) => m.OpportunitiesPage),
  tenders: () => import('../features/tenders/TendersPage').then((m) => m.TendersPage),
  contracts: () => import('../features/contracts/ContractsPage').then((m) => m.ContractsPage),
  payments: () => import('../features/payments/PaymentsPage').then((m) => m.PaymentsPage),
  claims: () => import('../features/claims/ClaimsPage').then((m) => m.ClaimsPage),
  filings: () => import('../features/filings/FilingsPage').then((m) => m.FilingsPage),
  activities: () => import('../features/activities/ActivitiesPage').then((m) => m.ActivitiesPage),
  value: () => import('../features/value/ValuePage').then((m) => m.ValuePage),
  calendar: () => import('../features/calendar/CalendarPage').then((m) => m.CalendarPage),
  settings: () => import('../features/settings/SalesSettingsPage').then((m) => m.SalesSettingsPage),
  staff: () => import('../features/staff/StaffPage').then((m) => m.StaffPage),
  dashboards: () => import('../features/dashboards/DashboardsPage').then((m) => m.DashboardsPage),
} satisfies Record<string, Loader>;

export type PageName = keyof typeof loaders;

const pages = new Map<PageName, ComponentType>(
  (Object.keys(loaders) as PageName[]).map((name) => [
    name,
    lazy(() => loaders[name]().then((Page: ComponentType) => ({ default: Page }))),
  ]),
);

/** A page, with a spinner while its script arrives. */
export function page(name: PageName): ReactNode {
  const Page = pages.get(name)!;
  return (
    <Suspense
      fallback={
        <div className="page page-loading" data-testid="page-loading">
          <Spin />
        </div>
      }
    >
      <Page />
    </Suspense>
  );
}

/** Fetch every page's script while the browser is idle (modules load once; errors wait for a visit). */
export function prefetchPages(): () => void {
  const idle = (fn: () => void) => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fn);
    else setTimeout(fn, 200);
  };
  let cancelled = false;
  const queue: Loader[] = Object.values(loaders);
  const next = () => {
    const load = queue.shift();
    if (!load || cancelled) return;
    void load()
      .catch(() => undefined)
      .finally(() => idle(next));
  };
  idle(next);
  return () => {
    cancelled = true;
  };
}
