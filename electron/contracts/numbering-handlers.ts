import type { Deps } from '../app/deps';
import { requireTenderFollower } from '../tenders/tender-team';
import type { Handlers } from '../transport/dispatch';
import {
  draftFromTender,
  getContractNumbering,
  nextContractNumber,
  setContractNumbering,
} from './numbering';

type NumberingHandlers = Pick<
  Handlers,
  | 'settings.contractNumbering'
  | 'settings.setContractNumbering'
  | 'contracts.nextNumber'
  | 'contracts.draftFromTender'
>;

export function contractNumberingHandlers({ db, clock }: Deps): NumberingHandlers {
  return {
    'settings.contractNumbering': () => getContractNumbering(db),
    'settings.setContractNumbering': (next, { session }) =>
      setContractNumbering(db, session.requireManager().id, next),
    'contracts.nextNumber': () => nextContractNumber(db, clock),
    'contracts.draftFromTender': async ({ id }, { session }) => {
      await requireTenderFollower(db, session.requireUser(), id);
      return draftFromTender(db, clock, id);
    },
  };
}
