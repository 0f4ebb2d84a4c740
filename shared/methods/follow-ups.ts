/** The followUps.* methods of the API contract (served from electron/follow-ups/). */
import { followUp, followUpDone, followUpQuery } from '../schemas/contracts';
import { pageSchema } from '../list';
import { method } from './method';

export const followUpsMethods = {
  'followUps.list': method(
    followUpQuery,
    pageSchema(followUp),
    'After-delivery follow-ups, open ones by due date.',
  ),
  'followUps.complete': method(
    followUpDone,
    followUp,
    'Record a follow-up as done, with what was learnt.',
  ),
} as const;
