/** The calendar.* methods of the API contract (served from electron/calendar/). */
import { calendarPage, calendarQuery } from '../schemas/calendar';
import { method } from './method';

export const calendarMethods = {
  'calendar.list': method(
    calendarQuery,
    calendarPage,
    'Every dated item (tender dates, bond refunds, deliveries, follow-ups, next steps) in a date range.',
  ),
} as const;
