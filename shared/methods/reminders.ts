/** The reminders.* methods of the API contract (served from electron/reminders/). */
import { z } from 'zod';
import { empty } from '../schemas/common';
import { refId } from '../schemas/references';
import { remindersDue } from '../schemas/calendar';
import { method, done } from './method';

export const remindersMethods = {
  'reminders.due': method(
    empty,
    remindersDue,
    'My items due within the reminder lead time (or overdue) that I have not dismissed.',
  ),
  'reminders.dismiss': method(
    z.object({ deadlineId: refId('deadlines') }),
    done,
    'Stop reminding me of an item.',
  ),
} as const;
