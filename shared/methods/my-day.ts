/** The myDay.* methods of the API contract (served from electron/my-day/). */
import { myDay, myDayInput } from '../schemas/activities';
import { method } from './method';

export const myDayMethods = {
  'myDay.get': method(
    myDayInput,
    myDay,
    'Today’s due items, overdue items and KPI progress of a staff member.',
  ),
} as const;
