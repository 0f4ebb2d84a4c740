/**
 * `exports.grid`: any grid's view written to .xlsx or .csv — which grid, the grid's own list
 * input (filters, sort, search, as its list method takes them), the visible columns in their
 * order with the headers as shown, and how to write it. Each grid is one entry of the union
 * below; its rows, order and visibility come from the same query as its list (electron/exports/
 * grids/).
 */
import { z } from 'zod';
import type { ColumnSpec } from '../list';
import { checkViewExport } from './exports';
import { ACTIVITY_COLUMNS, activityListQuery } from './activities';
import { CLAIM_COLUMNS, claimListQuery } from './claims';
import {
  DELIVERY_COLUMNS,
  deliveryListQuery,
  INVOICE_COLUMNS,
  invoiceListQuery,
} from './contract-records';
import { CONTRACT_COLUMNS, contractListQuery } from './contracts';
import { FILING_COLUMNS, filingListQuery } from './filings';
import { OPPORTUNITY_COLUMNS, opportunityListQuery } from './opportunities';
import { LOT_RESULT_COLUMNS, lotResultListQuery, TENDER_COLUMNS, tenderListQuery } from './tenders';

/** The visible columns of a grid, in display order, with the header text as shown. */
function visibleColumns<C extends string>(columns: Record<C, ColumnSpec>) {
  const names = Object.keys(columns) as [C, ...C[]];
  return z
    .array(z.object({ field: z.enum(names), header: z.string().trim().min(1).max(100) }))
    .min(1)
    .max(names.length);
}

const writing = {
  format: z.enum(['xlsx', 'csv']),
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** IANA zone in which timestamps are written as wall-clock dates and times. */
  timeZone: z.string().max(64).default('Asia/Shanghai'),
};

function gridExport<G extends string, Q extends z.ZodType, C extends string>(
  grid: G,
  query: Q,
  columns: Record<C, ColumnSpec>,
) {
  return z.object({ grid: z.literal(grid), query, columns: visibleColumns(columns), ...writing });
}

export const exportGridInput = z
  .discriminatedUnion('grid', [
    gridExport('opportunities', opportunityListQuery, OPPORTUNITY_COLUMNS),
    gridExport('tenders', tenderListQuery, TENDER_COLUMNS),
    gridExport('lotResults', lotResultListQuery, LOT_RESULT_COLUMNS),
    gridExport('contracts', contractListQuery, CONTRACT_COLUMNS),
    gridExport('deliveries', deliveryListQuery, DELIVERY_COLUMNS),
    gridExport('invoices', invoiceListQuery, INVOICE_COLUMNS),
    gridExport('activities', activityListQuery, ACTIVITY_COLUMNS),
    gridExport('claims', claimListQuery, CLAIM_COLUMNS),
    gridExport('filings', filingListQuery, FILING_COLUMNS),
  ])
  .superRefine(checkViewExport);
export type ExportGridInput = z.infer<typeof exportGridInput>;
export type ExportGridRequest = z.input<typeof exportGridInput>;
export type GridName = ExportGridInput['grid'];
