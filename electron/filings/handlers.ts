import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { listFilings } from './repository';
import {
  createFiling,
  deleteFiling,
  mustGetFiling,
  overrideFiling,
  submitFiling,
  updateFiling,
  withdrawFiling,
} from './service';

type FilingHandlers = Pick<
  Handlers,
  | 'filings.list'
  | 'filings.get'
  | 'filings.create'
  | 'filings.update'
  | 'filings.delete'
  | 'filings.override'
  | 'filings.submit'
  | 'filings.withdraw'
>;

export function filingHandlers({ db, dataDir }: Deps): FilingHandlers {
  return {
    'filings.list': (q) => listFilings(db, q),
    'filings.get': ({ id }) => mustGetFiling(db, dataDir, id),
    'filings.create': (input, { session }) =>
      createFiling(db, dataDir, session.requireUser(), input),
    'filings.update': (input, { session }) =>
      updateFiling(db, dataDir, session.requireUser(), input),
    'filings.delete': async ({ id }, { session }) => {
      await deleteFiling(db, session.requireUser(), id);
      return { done: true };
    },
    'filings.override': (input, { session }) =>
      overrideFiling(db, dataDir, session.requireManager(), input),
    'filings.submit': ({ id }, { session }) => submitFiling(db, dataDir, session.requireUser(), id),
    'filings.withdraw': (input, { session }) =>
      withdrawFiling(db, dataDir, session.requireUser(), input),
  };
}
