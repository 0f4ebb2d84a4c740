import type { Deps } from '../app/deps';
import { listAudit } from '../audit/audit';
import type { Handlers } from '../transport/dispatch';
import { listOpportunities, opportunityBoard } from './repository';
import {
  createOpportunity,
  deleteOpportunity,
  moveOpportunity,
  mustGetOpportunity,
  probabilities,
  updateOpportunity,
} from './service';

type OpportunityHandlers = Pick<
  Handlers,
  | 'opportunities.list'
  | 'opportunities.board'
  | 'opportunities.get'
  | 'opportunities.create'
  | 'opportunities.update'
  | 'opportunities.move'
  | 'opportunities.delete'
  | 'opportunities.history'
>;

export function opportunityHandlers({ db }: Deps): OpportunityHandlers {
  return {
    'opportunities.list': async (q) => listOpportunities(db, q, await probabilities(db)),
    'opportunities.board': async (q) => opportunityBoard(db, q, await probabilities(db)),
    'opportunities.get': ({ id }) => mustGetOpportunity(db, id),
    'opportunities.create': (input, { session }) =>
      createOpportunity(db, session.requireUser().id, input),
    'opportunities.update': ({ id, opportunity, version }, { session }) =>
      updateOpportunity(db, session.requireUser().id, id, opportunity, version),
    'opportunities.move': (move, { session }) =>
      moveOpportunity(db, session.requireUser().id, move),
    'opportunities.delete': async ({ id }, { session }) => {
      await deleteOpportunity(db, session.requireUser().id, id);
      return { done: true };
    },
    'opportunities.history': ({ id, offset, limit }) =>
      listAudit(db, [{ entity: 'opportunity', entityId: id }], offset, limit),
  };
}
