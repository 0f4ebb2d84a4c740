import type { Deps } from '../app/deps';
import { requireTeamRead } from '../accounts/account-team';
import { readScopeOf } from '../reads/scope';
import type { Handlers } from '../transport/dispatch';
import {
  completeNextStep,
  createActivity,
  deleteActivity,
  mustGetActivity,
  updateActivity,
} from './service';

type ActivityHandlers = Pick<
  Handlers,
  | 'activities.list'
  | 'activities.get'
  | 'activities.create'
  | 'activities.update'
  | 'activities.delete'
  | 'activities.completeNextStep'
>;

export function activityHandlers({ db, clock, reads }: Deps): ActivityHandlers {
  return {
    // Specialists see their teams' accounts' activities; managers and admins the store's.
    // On the read worker: at a million activities the count alone takes 60 ms.
    'activities.list': (q, { session }) =>
      reads.run('activities.list', q, readScopeOf(clock, session)),
    'activities.get': async ({ id }, { session }) => {
      const user = session.requireUser();
      const activity = await mustGetActivity(db, id);
      await requireTeamRead(db, user, activity.accountId);
      return activity;
    },
    'activities.create': (input, { session }) =>
      createActivity(db, clock, session.requireUser(), input),
    'activities.update': ({ id, activity, version }, { session }) =>
      updateActivity(db, clock, session.requireUser(), id, activity, version),
    'activities.delete': async ({ id }, { session }) => {
      await deleteActivity(db, clock, session.requireUser(), id);
      return { done: true };
    },
    'activities.completeNextStep': ({ id, done }, { session }) =>
      completeNextStep(db, clock, session.requireUser(), id, done),
  };
}
