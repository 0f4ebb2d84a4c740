/**
 * myDay.get: one staff member's day on one screen — their due and overdue deadlines, activity
 * counts against their targets, expiring claims, overdue receivables, and the approvals and
 * overlaps to settle. It gathers from the calendar, activities, claims, contracts and payments
 * services; it owns no data.
 */
import { chinaDate } from '../../shared/dates';
import { AppError } from '../../shared/result';
import { ACTIVITY_TYPE_VALUES } from '../../shared/sales-enums';
import { activityCounts, getKpiTargets, targetsOf } from '../activities/service';
import type { Deps } from '../app/deps';
import { dueAndOverdue } from '../calendar/calendar';
import { expiringClaims, overlapsToSettle } from '../claims/repository';
import {
  approvalsToDecide,
  DECISION_DAYS,
  decisionsOnMyRequests,
} from '../contracts/approval-lists';
import { overdueReceivablesOf } from '../payments/receivables';
import { isManager } from '../session/session';
import { getFilingSettings } from '../settings/filing-settings';
import type { Handlers } from '../transport/dispatch';

type MyDayHandlers = Pick<Handlers, 'myDay.get'>;

export function myDayHandlers({ db, clock }: Deps): MyDayHandlers {
  return {
    'myDay.get': async ({ date, staffId }, { session }) => {
      const user = session.requireUser();
      const who = staffId ?? user.id;
      if (who !== user.id && !isManager(user))
        throw new AppError('FORBIDDEN', 'only managers look at a colleague’s day', {
          kind: 'role',
        });
      const day = date ?? chinaDate(clock.now());
      const { claimWarnDays } = await getFilingSettings(db);
      const decisionsSince = new Date(
        clock.now().getTime() - DECISION_DAYS * 86_400_000,
      ).toISOString();
      const [lists, targets, counts, claims, overlaps, toDecide, decisions] = await Promise.all([
        dueAndOverdue(db, clock, who, day),
        getKpiTargets(db),
        activityCounts(db, who, day),
        expiringClaims(db, who, day, claimWarnDays),
        // Routed to the managers: our colleagues' claims on one organisation, to settle.
        isManager(user) ? overlapsToSettle(db, day) : Promise.resolve([]),
        isManager(user) ? approvalsToDecide(db, user.id) : Promise.resolve([]),
        decisionsOnMyRequests(db, who, decisionsSince),
      ]);
      const overdueReceivables = await overdueReceivablesOf(db, clock, who);
      const mine = targetsOf(targets, who);
      return {
        date: day,
        staffId: who,
        ...lists,
        expiringClaims: claims,
        overlapsToSettle: overlaps,
        approvalsToDecide: toDecide,
        approvalDecisions: decisions,
        overdueReceivables,
        kpi: ACTIVITY_TYPE_VALUES.filter((t) => (mine[t] ?? 0) > 0 || (counts.get(t) ?? 0) > 0).map(
          (type) => ({ type, target: mine[type] ?? 0, done: counts.get(type) ?? 0 }),
        ),
      };
    },
  };
}
