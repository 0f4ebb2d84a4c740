/** The list queries of the opportunities grid and board. */
import type { OpportunityColumn, OpportunityRow } from '../../../../shared/schemas/opportunities';
import { callOrThrow } from '../../api/client';
import type { FetchPage, GridSort } from '../../components/DataGrid';

export const fetchOpportunities: FetchPage<OpportunityRow, OpportunityColumn> = (query) =>
  callOrThrow('opportunities.list', query);

export const OPPORTUNITY_DEFAULT_SORT: GridSort<OpportunityColumn>[] = [
  { field: 'updatedAt', desc: true },
];

/** The board's order (the server's): soonest-closing first, undated last, then the largest. */
export const BOARD_SORT: GridSort<OpportunityColumn>[] = [
  { field: 'expectedCloseOn', desc: false },
  { field: 'amountFen', desc: true },
];
