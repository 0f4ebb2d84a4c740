import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import type { Session } from '../session/session';
import { listLotResults, listTenders } from './repository';
import { amendTender } from './amendments';
import { closeTender } from './close';
import { createTender, deleteTender, updateTender } from './editing';
import { mustGetTender } from './record';
import { recordResults } from './results';
import { requireTenderWriter } from './tender-team';

type TenderHandlers = Pick<
  Handlers,
  | 'tenders.list'
  | 'tenders.get'
  | 'tenders.create'
  | 'tenders.update'
  | 'tenders.amend'
  | 'tenders.recordResults'
  | 'tenders.close'
  | 'tenders.delete'
  | 'tenders.lotResults'
>;

export function tenderHandlers({ db, clock }: Deps): TenderHandlers {
  /** The signed-in person's id, once they may change the tender. */
  const writer = async (session: Session, tenderId: number) => {
    const user = session.requireUser();
    await requireTenderWriter(db, user, tenderId);
    return user.id;
  };
  return {
    'tenders.list': (q) => listTenders(db, clock, q),
    'tenders.get': ({ id }) => mustGetTender(db, clock, id),
    'tenders.create': (input, { session }) =>
      createTender(db, clock, session.requireUser().id, input),
    'tenders.update': async ({ id, tender, version }, { session }) =>
      updateTender(db, clock, await writer(session, id), id, tender, version),
    'tenders.amend': async (input, { session }) =>
      amendTender(db, clock, await writer(session, input.id), input),
    'tenders.recordResults': async (input, { session }) =>
      recordResults(db, clock, await writer(session, input.id), input),
    'tenders.close': async (input, { session }) =>
      closeTender(db, clock, await writer(session, input.id), input),
    'tenders.delete': async ({ id }, { session }) => {
      await deleteTender(db, clock, await writer(session, id), id);
      return { done: true };
    },
    'tenders.lotResults': (q) => listLotResults(db, q),
  };
}
