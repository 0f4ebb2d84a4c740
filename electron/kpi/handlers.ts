/**
 * kpi.*: the activity targets per staff member (kept with the activities, which they count) and
 * their attainment over a week or a month of working days.
 */
import { getKpiTargets, setKpiTargets } from '../activities/service';
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { kpiAttainment } from './attainment';

type KpiHandlers = Pick<Handlers, 'kpi.targets' | 'kpi.setTargets' | 'kpi.period'>;

export function kpiHandlers({ db, clock }: Deps): KpiHandlers {
  return {
    'kpi.targets': () => getKpiTargets(db),
    'kpi.setTargets': ({ staffId, targets }, { session }) =>
      setKpiTargets(db, clock, session.requireManager().id, staffId, targets),
    // Specialists get their own row; managers the team's.
    'kpi.period': (input, { session }) => kpiAttainment(db, clock, session.requireUser(), input),
  };
}
