/** calendar.list: deadlines and activities by date, for one staff member or their teams. */
import { AppError } from '../../shared/result';
import type { Deps } from '../app/deps';
import { readsAll, teamScope } from '../accounts/account-team';
import type { Handlers } from '../transport/dispatch';
import { listCalendar } from './calendar';

type CalendarHandlers = Pick<Handlers, 'calendar.list'>;

export function calendarHandlers({ db, clock }: Deps): CalendarHandlers {
  return {
    'calendar.list': async (q, { session }) => {
      const user = session.requireUser();
      // A colleague's calendar is for managers; a specialist's shows their teams' accounts.
      if (q.ownerId !== null && q.ownerId !== user.id && !readsAll(user))
        throw new AppError('FORBIDDEN', 'only managers look at a colleague’s calendar', {
          kind: 'role',
        });
      return listCalendar(db, clock, { ...q, teamOf: teamScope(user) });
    },
  };
}
