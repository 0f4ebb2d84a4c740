/**
 * dashboards.*: the manager's analysis reads, each run by the read worker (electron/reads/) on its
 * read-only connection, so a heavy group-by never blocks the thread that answers the UI. The
 * handler adds who asks and the business day; the read decides what that person may count.
 */
import type { Deps } from '../app/deps';
import { readScopeOf } from '../reads/scope';
import type { Session } from '../session/session';
import type { Handlers } from '../transport/dispatch';

type DashboardHandlers = Pick<
  Handlers,
  | 'dashboards.pipeline'
  | 'dashboards.pipelineFlow'
  | 'dashboards.winLoss'
  | 'dashboards.kpi'
  | 'dashboards.claims'
>;

export function dashboardHandlers({ reads, clock }: Deps): DashboardHandlers {
  const scope = (session: Session) => readScopeOf(clock, session);
  return {
    'dashboards.pipeline': (input, { session }) =>
      reads.run('dashboards.pipeline', input, scope(session)),
    'dashboards.pipelineFlow': (input, { session }) =>
      reads.run('dashboards.pipelineFlow', input, scope(session)),
    'dashboards.winLoss': (input, { session }) =>
      reads.run('dashboards.winLoss', input, scope(session)),
    'dashboards.kpi': (input, { session }) => reads.run('dashboards.kpi', input, scope(session)),
    'dashboards.claims': (input, { session }) =>
      reads.run('dashboards.claims', input, scope(session)),
  };
}
