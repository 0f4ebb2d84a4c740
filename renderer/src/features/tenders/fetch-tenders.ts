/** Page loaders of the two tender grids. */
import type { Output } from '../../../../shared/api';
import type { LotResultColumn, TenderColumn, TenderRow } from '../../../../shared/schemas/tenders';
import { callOrThrow } from '../../api/client';
import type { FetchPage } from '../../components/DataGrid';

export type LotResultRow = Output<'tenders.lotResults'>['rows'][number];

export const fetchTenders: FetchPage<TenderRow, TenderColumn> = (query) =>
  callOrThrow('tenders.list', query);

export const fetchLotResults: FetchPage<LotResultRow, LotResultColumn> = (query) =>
  callOrThrow('tenders.lotResults', query);

export const TENDER_DEFAULT_SORT = [{ field: 'updatedAt' as const, desc: true }];

/** The latest awards first: what did the competition bid lately. */
export const LOT_RESULT_DEFAULT_SORT = [{ field: 'awardedOn' as const, desc: true }];
