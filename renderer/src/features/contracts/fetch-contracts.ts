import type { ContractColumn, ContractRow } from '../../../../shared/schemas/contracts';
import { callOrThrow } from '../../api/client';
import type { FetchPage } from '../../components/DataGrid';

export const fetchContracts: FetchPage<ContractRow, ContractColumn> = (query) =>
  callOrThrow('contracts.list', query);

export const CONTRACT_DEFAULT_SORT = [{ field: 'updatedAt' as const, desc: true }];
