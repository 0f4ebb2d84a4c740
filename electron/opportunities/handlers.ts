import type { Deps } from '../app/deps';
import { listAudit } from '../audit/audit';
import type { Handlers } from '../transport/dispatch';
import { readsAll, requireTeamRead, teamScope } from '../accounts/account-team';
import { opportunityBoard } from './board';
import { competitorBrands, listOpportunities } from './repository';
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
  | 'opportunities.competitorBrands'
>;

export function opportunityHandlers({ db, clock }: Deps): OpportunityHandlers {
  return {
    // Specialists see their teams' accounts' opportunities; managers and admins the store's.
    'opportunities.list': async (q, { session }) =>
      listOpportunities(
        db,
        { ...q, teamOf: teamScope(session.requireUser()) },
        await probabilities(db),
      ),
    'opportunities.board': async (q, { session }) =>
      opportunityBoard(
        db,
        { ...q, teamOf: teamScope(session.requireUser()) },
        await probabilities(db),
      ),
    'opportunities.competitorBrands': (_, { session }) =>
      competitorBrands(db, teamScope(session.requireUser())),
    'opportunities.get': async ({ id }, { session }) => {
      const o = await mustGetOpportunity(db, id);
      await requireTeamRead(db, session.requireUser(), o.accountId);
      return o;
    },
    'opportunities.create': (input, { session }) =>
      createOpportunity(db, clock, session.requireUser(), input),
    'opportunities.update': ({ id, opportunity, version }, { session }) =>
      updateOpportunity(db, clock, session.requireUser(), id, opportunity, version),
    'opportunities.move': (move, { session }) =>
      moveOpportunity(db, clock, session.requireUser(), move),
    'opportunities.delete': async ({ id }, { session }) => {
      await deleteOpportunity(db, clock, session.requireUser(), id);
      return { done: true };
    },
    'opportunities.history': async ({ id, offset, limit }, { session }) => {
      // Managers read a deleted one's history too; a specialist needs it on their team.
      const user = session.requireUser();
      if (!readsAll(user))
        await requireTeamRead(db, user, (await mustGetOpportunity(db, id)).accountId);
      return listAudit(db, [{ entity: 'opportunity', entityId: id }], offset, limit);
    },
  };
}
