/** reminders.*: the signed-in user's deadlines coming due (the calendar's deadlines, kept there). */
import { AppError } from '../../shared/result';
import type { Deps } from '../app/deps';
import { dismissReminder, dueReminders } from '../calendar/calendar';
import { getSalesSettings } from '../settings/sales-settings';
import type { Handlers } from '../transport/dispatch';

type ReminderHandlers = Pick<Handlers, 'reminders.due' | 'reminders.dismiss'>;

export function reminderHandlers({ db, clock }: Deps): ReminderHandlers {
  return {
    'reminders.due': async (_input, { session }) => {
      const user = session.requireUser();
      const { reminderLeadHours } = await getSalesSettings(db);
      return {
        items: await dueReminders(db, clock, user.id, reminderLeadHours),
        leadHours: reminderLeadHours,
      };
    },
    'reminders.dismiss': async ({ deadlineId }, { session }) => {
      const user = session.requireUser();
      if (!(await dismissReminder(db, user.id, deadlineId)))
        throw new AppError('NOT_FOUND', `deadline #${deadlineId} does not exist`);
      return { done: true };
    },
  };
}
