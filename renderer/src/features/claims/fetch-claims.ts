import type { ClaimColumn, ClaimRow } from '../../../../shared/schemas/claims';
import { callOrThrow } from '../../api/client';
import type { FetchPage } from '../../components/DataGrid';

export const fetchClaims: FetchPage<ClaimRow, ClaimColumn> = (query) =>
  callOrThrow('claims.list', query);

export const CLAIM_DEFAULT_SORT = [{ field: 'filedAt' as const, desc: true }];
