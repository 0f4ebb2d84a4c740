/** kpi.*: the activity targets per staff member (kept with the activities, which they count). */
import { getKpiTargets, setKpiTargets } from '../activities/service';
import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';

type KpiHandlers = Pick<Handlers, 'kpi.targets' | 'kpi.setTargets'>;

export function kpiHandlers({ db, clock }: Deps): KpiHandlers {
  return {
    'kpi.targets': () => getKpiTargets(db),
    'kpi.setTargets': ({ staffId, targets }, { session }) =>
      setKpiTargets(db, clock, session.requireManager().id, staffId, targets),
  };
}
