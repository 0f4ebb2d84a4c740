/** The accounts.* methods of the API contract (served from electron/accounts/). */
import { z } from 'zod';
import {
  accountCreate,
  accountDetail,
  accountListQuery,
  accountLookupInput,
  accountPage,
  accountRef,
  accountTeamInput,
  accountUpdate,
  duplicateCheckInput,
  duplicateCheckResult,
  orgNatureConfirm,
} from '../schemas/accounts';
import { id } from '../schemas/common';
import { auditEntry } from '../schemas/system';
import { pageSchema } from '../list';
import { method, byId, done } from './method';

export const accountsMethods = {
  'accounts.list': method(
    accountListQuery,
    accountPage,
    'One page of accounts, sorted and filtered.',
  ),
  'accounts.get': method(byId, accountDetail, 'One account with aliases, fleet, owner and parent.'),
  'accounts.create': method(accountCreate, accountDetail, 'Create an account (duplicate-guarded).'),
  'accounts.update': method(
    accountUpdate,
    accountDetail,
    'Replace an account (duplicate-guarded).',
  ),
  'accounts.delete': method(byId, done, 'Delete an account that nothing depends on.'),
  'accounts.confirmOrgNature': method(
    orgNatureConfirm,
    accountDetail,
    'Confirm or set what the organisation is (单位性质): the incentive policy keys on it.',
  ),
  'accounts.setTeam': method(
    accountTeamInput,
    accountDetail,
    'Set the co-owners (副销售) of an account: its owner or a manager.',
  ),
  'accounts.checkDuplicates': method(
    duplicateCheckInput,
    duplicateCheckResult,
    'Accounts with the same USCC, or a matching normalised name or alias.',
  ),
  'accounts.lookup': method(
    accountLookupInput,
    z.array(accountRef),
    'Accounts by name, for pickers.',
  ),
  'accounts.history': method(
    z.object({
      id,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    pageSchema(auditEntry),
    'Audit entries about an account and its contacts, newest first.',
  ),
} as const;
