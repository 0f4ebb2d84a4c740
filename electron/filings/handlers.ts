import type { Deps } from '../app/deps';
import type { Handlers } from '../transport/dispatch';
import { requireTeamRead, teamScope } from '../accounts/account-team';
import { listFilings } from './repository';
import { filingHistory, incentiveTotals, recordPayment, recordVerdict } from './incentives';
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
  | 'filings.recordVerdict'
  | 'filings.recordPayment'
  | 'filings.history'
  | 'filings.incentiveTotals'
>;

export function filingHandlers({ db, clock, dataDir }: Deps): FilingHandlers {
  return {
    // Specialists see their teams' accounts' filings; managers and admins the store's.
    'filings.list': (q, { session }) =>
      listFilings(db, { ...q, teamOf: teamScope(session.requireUser()) }),
    'filings.get': async ({ id }, { session }) => {
      const user = session.requireUser();
      const filing = await mustGetFiling(db, clock, dataDir, id);
      await requireTeamRead(db, user, filing.accountId);
      return filing;
    },
    'filings.create': (input, { session }) =>
      createFiling(db, clock, dataDir, session.requireUser(), input),
    'filings.update': (input, { session }) =>
      updateFiling(db, clock, dataDir, session.requireUser(), input),
    'filings.delete': async ({ id }, { session }) => {
      await deleteFiling(db, clock, session.requireUser(), id);
      return { done: true };
    },
    'filings.override': (input, { session }) =>
      overrideFiling(db, clock, dataDir, session.requireManager(), input),
    'filings.submit': ({ id }, { session }) =>
      submitFiling(db, clock, dataDir, session.requireUser(), id),
    'filings.withdraw': (input, { session }) =>
      withdrawFiling(db, clock, dataDir, session.requireUser(), input),
    'filings.recordVerdict': (input, { session }) =>
      recordVerdict(db, clock, dataDir, session.requireUser(), input),
    'filings.recordPayment': (input, { session }) =>
      recordPayment(db, clock, dataDir, session.requireUser(), input),
    'filings.history': (input, { session }) => filingHistory(db, session.requireUser(), input),
    // Specialists sum their teams' accounts' filings; managers and admins the store's.
    'filings.incentiveTotals': (input, { session }) =>
      incentiveTotals(db, clock, session.requireUser(), input),
  };
}
