import type { Deps } from '../app/deps';
import { requireTenderFollower } from '../tenders/tender-team';
import type { Handlers } from '../transport/dispatch';
import { draftFromTender, nextContractNumber } from './numbering';

type NumberingHandlers = Pick<Handlers, 'contracts.nextNumber' | 'contracts.draftFromTender'>;

export function contractNumberingHandlers({ db, clock }: Deps): NumberingHandlers {
  return {
    'contracts.nextNumber': () => nextContractNumber(db, clock),
    'contracts.draftFromTender': async ({ id }, { session }) => {
      await requireTenderFollower(db, session.requireUser(), id);
      return draftFromTender(db, clock, id);
    },
  };
}
