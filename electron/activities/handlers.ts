import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import {
  completeNextStep,
  createActivity,
  deleteActivity,
  getKpiTargets,
  listActivities,
  mustGetActivity,
  setKpiTargets,
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
  | 'kpi.targets'
  | 'kpi.setTargets'
>;

export function activityHandlers({ db }: Deps): ActivityHandlers {
  return {
    'activities.list': (q, { session }) => {
      session.requireUser();
      return listActivities(db, q);
    },
    'activities.get': ({ id }, { session }) => {
      session.requireUser();
      return mustGetActivity(db, id);
    },
    'activities.create': (input, { session }) =>
      createActivity(db, session.requireUser().id, input),
    'activities.update': ({ id, activity, version }, { session }) =>
      updateActivity(db, session.requireUser(), id, activity, version),
    'activities.delete': async ({ id }, { session }) => {
      await deleteActivity(db, session.requireUser(), id);
      return { done: true };
    },
    'activities.completeNextStep': ({ id, done }, { session }) =>
      completeNextStep(db, session.requireUser(), id, done),
    'kpi.targets': () => getKpiTargets(db),
    'kpi.setTargets': ({ staffId, targets }, { session }) =>
      setKpiTargets(db, session.requireManager().id, staffId, targets),
  };
}
