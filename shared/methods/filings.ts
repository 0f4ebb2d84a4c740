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
} as const;
