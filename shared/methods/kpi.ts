/** The kpi.* methods of the API contract (served from electron/kpi/). */
import { empty } from '../schemas/common';
import { kpiPeriod, kpiPeriodInput, kpiSetInput, kpiTargets } from '../schemas/activities';
import { method } from './method';

export const kpiMethods = {
  'kpi.targets': method(
    empty,
    kpiTargets,
    'Daily activity targets: defaults and per staff member.',
  ),
  'kpi.setTargets': method(kpiSetInput, kpiTargets, 'Managers: set daily targets.'),
  'kpi.period': method(
    kpiPeriodInput,
    kpiPeriod,
    'Targets over the working days of a week or month beside the activities done: your own, or the team’s for managers.',
  ),
} as const;
