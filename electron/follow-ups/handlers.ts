/**
 * followUps.*: the follow-up visits a finalised contract's deliveries call for. The workflow is
 * the contracts' (electron/contracts/follow-ups.ts); a follow-up is changed by its account's team.
 */
import { teamScope } from '../accounts/account-team';
import type { Deps } from '../app/deps';
import { requireContractTeam } from '../contracts/contract-team';
import { completeFollowUp, listFollowUps } from '../contracts/follow-ups';
import type { Handlers } from '../transport/dispatch';

type FollowUpHandlers = Pick<Handlers, 'followUps.list' | 'followUps.complete'>;

export function followUpHandlers({ db, clock }: Deps): FollowUpHandlers {
  return {
    // Specialists see their teams' accounts' follow-ups; managers and admins the store's.
    'followUps.list': (q, { session }) =>
      listFollowUps(db, { ...q, teamOf: teamScope(session.requireUser()) }),
    'followUps.complete': async ({ id, outcome }, { session }) => {
      const user = session.requireUser();
      await requireContractTeam(db, user, { followUp: id });
      return completeFollowUp(db, clock, user.id, id, outcome);
    },
  };
}
