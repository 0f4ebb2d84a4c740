/** The filings.* methods of the API contract (served from electron/filings/). */
import {
  filingDetail,
  filingInput,
  filingListQuery,
  filingPage,
  filingUpdate,
  overrideInput,
  withdrawInput,
} from '../schemas/filings';
import {
  filingHistoryInput,
  incentiveTotals,
  incentiveTotalsInput,
  paymentInput,
  verdictInput,
} from '../schemas/incentives';
import { auditEntry } from '../schemas/system';
import { pageSchema } from '../list';
import { method, byId, done } from './method';

export const filingsMethods = {
  'filings.list': method(filingListQuery, filingPage, 'One page of incentive filings.'),
  'filings.get': method(
    byId,
    filingDetail,
    'One filing with its verdict, checks, evidence checklist and vehicles.',
  ),
  'filings.create': method(
    filingInput,
    filingDetail,
    'Start a draft filing from a final contract.',
  ),
  'filings.update': method(filingUpdate, filingDetail, 'Change a draft filing’s declared units.'),
  'filings.delete': method(byId, done, 'Delete a draft filing.'),
  'filings.override': method(
    overrideInput,
    filingDetail,
    'Managers: let a filing with failed checks be submitted, with a written reason.',
  ),
  'filings.submit': method(
    byId,
    filingDetail,
    'Submit a filing whose checks pass (or are overridden); its verdict and evidence are frozen.',
  ),
  'filings.withdraw': method(
    withdrawInput,
    filingDetail,
    'Withdraw a submitted filing, with the reason (it stays on record).',
  ),
  'filings.recordVerdict': method(
    verdictInput,
    filingDetail,
    'Record the manufacturer’s verdict on a submitted filing: approved, partially approved or rejected (with a reason), and the incentive approved.',
  ),
  'filings.recordPayment': method(
    paymentInput,
    filingDetail,
    'Record a payment of a filing’s approved incentive received from the manufacturer.',
  ),
  'filings.history': method(
    filingHistoryInput,
    pageSchema(auditEntry),
    'A filing’s full history from the audit log (documents included), newest first.',
  ),
  'filings.incentiveTotals': method(
    incentiveTotalsInput,
    incentiveTotals,
    'Incentive totals per month, quarter or year: submitted, approved, rejected, approved amount, received, outstanding — your teams’ filings, or the store’s for managers.',
  ),
} as const;
