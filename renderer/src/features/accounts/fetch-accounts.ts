import type { AccountColumn, AccountRow } from '../../../../shared/schemas/accounts';
import { callOrThrow } from '../../api/client';
import type { FetchPage } from '../../components/DataGrid';

export const fetchAccounts: FetchPage<AccountRow, AccountColumn> = (query) =>
  callOrThrow('accounts.list', query);

export const ACCOUNT_DEFAULT_SORT = [{ field: 'updatedAt' as const, desc: true }];
