import type { FilingColumn, FilingRow } from '../../../../shared/schemas/filings';
import { callOrThrow } from '../../api/client';
import type { FetchPage } from '../../components/DataGrid';

export const fetchFilings: FetchPage<FilingRow, FilingColumn> = (query) =>
  callOrThrow('filings.list', query);

export const FILING_DEFAULT_SORT = [{ field: 'createdAt' as const, desc: true }];
