/** The activities.* methods of the API contract (served from electron/activities/). */
import { z } from 'zod';
import { id, version } from '../schemas/common';
import { activityInput, activityListQuery, activityPage, activityRow } from '../schemas/activities';
import { method, byId, done } from './method';

export const activitiesMethods = {
  'activities.list': method(activityListQuery, activityPage, 'One page of logged activities.'),
  'activities.get': method(byId, activityRow, 'One logged activity.'),
  'activities.create': method(
    activityInput,
    activityRow,
    'Log a visit, call, mailing, cold call …',
  ),
  'activities.update': method(
    z.object({ id, activity: activityInput, version }),
    activityRow,
    'Change a logged activity (its author or a manager).',
  ),
  'activities.delete': method(byId, done, 'Delete a logged activity (its author or a manager).'),
  'activities.completeNextStep': method(
    z.object({ id, done: z.boolean().default(true) }),
    activityRow,
    'Mark an activity’s next step done (or not).',
  ),
} as const;
