import { now } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import {
  approvalsToDecide,
  DECISION_DAYS,
  decisionsOnMyRequests,
} from '../contracts/approval-lists';
import { ACTIVITY_TYPE_VALUES } from '../../shared/sales-enums';
import { AppError } from '../../shared/result';
import { activityCounts, getKpiTargets, targetsOf } from '../activities/service';
import type { Deps } from '../app/deps';
import { readsAll, teamScope } from '../accounts/account-team';
import { isManager } from '../session/session';
import { expiringClaims, overlapsToSettle } from '../claims/repository';
import { getFilingSettings } from '../settings/filing-settings';
import { getSalesSettings } from '../settings/sales-settings';
import type { Handlers } from '../transport/dispatch';
import { dismissReminder, dueAndOverdue, dueReminders, listCalendar } from './calendar';

type CalendarHandlers = Pick<
  Handlers,
  'calendar.list' | 'myDay.get' | 'reminders.due' | 'reminders.dismiss'
>;

export function calendarHandlers({ db }: Deps): CalendarHandlers {
  return {
    'calendar.list': async (q, { session }) => {
      const user = session.requireUser();
      // A colleague's calendar is for managers; a specialist's shows their teams' accounts.
      if (q.ownerId !== null && q.ownerId !== user.id && !readsAll(user))
        throw new AppError('FORBIDDEN', 'only managers look at a colleague’s calendar', {
          kind: 'role',
        });
      return listCalendar(db, { ...q, teamOf: teamScope(user) });
    },
    'myDay.get': async ({ date, staffId }, { session }) => {
      const user = session.requireUser();
      const who = staffId ?? user.id;
      if (who !== user.id && !isManager(user))
        throw new AppError('FORBIDDEN', 'only managers look at a colleague’s day', {
          kind: 'role',
        });
      const day = date ?? chinaDate();
      const { claimWarnDays } = await getFilingSettings(db);
      const decisionsSince = new Date(now().getTime() - DECISION_DAYS * 86_400_000).toISOString();
      const [lists, targets, counts, claims, overlaps, toDecide, decisions] = await Promise.all([
        dueAndOverdue(db, who, day),
        getKpiTargets(db),
        activityCounts(db, who, day),
        expiringClaims(db, who, day, claimWarnDays),
        // Routed to the managers: our colleagues' claims on one organisation, to settle.
        isManager(user) ? overlapsToSettle(db, day) : Promise.resolve([]),
        isManager(user) ? approvalsToDecide(db, user.id) : Promise.resolve([]),
        decisionsOnMyRequests(db, who, decisionsSince),
      ]);
      const mine = targetsOf(targets, who);
      return {
        date: day,
        staffId: who,
        ...lists,
        expiringClaims: claims,
        overlapsToSettle: overlaps,
        approvalsToDecide: toDecide,
        approvalDecisions: decisions,
        kpi: ACTIVITY_TYPE_VALUES.filter((t) => (mine[t] ?? 0) > 0 || (counts.get(t) ?? 0) > 0).map(
          (type) => ({ type, target: mine[type] ?? 0, done: counts.get(type) ?? 0 }),
        ),
      };
    },
    'reminders.due': async (_input, { session }) => {
      const user = session.requireUser();
      const { reminderLeadHours } = await getSalesSettings(db);
      return {
        items: await dueReminders(db, user.id, reminderLeadHours),
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
