import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { listLotResults, listTenders } from './repository';
import {
  amendTender,
  closeTender,
  createTender,
  deleteTender,
  mustGetTender,
  recordResults,
  updateTender,
} from './service';

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

export function tenderHandlers({ db }: Deps): TenderHandlers {
  return {
    'tenders.list': (q) => listTenders(db, q),
    'tenders.get': ({ id }) => mustGetTender(db, id),
    'tenders.create': (input, { session }) => createTender(db, session.requireUser().id, input),
    'tenders.update': ({ id, tender, version }, { session }) =>
      updateTender(db, session.requireUser().id, id, tender, version),
    'tenders.amend': (input, { session }) => amendTender(db, session.requireUser().id, input),
    'tenders.recordResults': (input, { session }) =>
      recordResults(db, session.requireUser().id, input),
    'tenders.close': (input, { session }) => closeTender(db, session.requireUser().id, input),
    'tenders.delete': async ({ id }, { session }) => {
      await deleteTender(db, session.requireUser().id, id);
      return { done: true };
    },
    'tenders.lotResults': (q) => listLotResults(db, q),
  };
}
