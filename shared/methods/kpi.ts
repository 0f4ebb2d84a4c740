/** The kpi.* methods of the API contract (served from electron/kpi/). */
import { empty } from '../schemas/common';
import { kpiSetInput, kpiTargets } from '../schemas/activities';
import { method } from './method';

export const kpiMethods = {
  'kpi.targets': method(
    empty,
    kpiTargets,
    'Daily activity targets: defaults and per staff member.',
  ),
  'kpi.setTargets': method(kpiSetInput, kpiTargets, 'Managers: set daily targets.'),
} as const;
