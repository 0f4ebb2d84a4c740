/** Page loaders of the contracts page's grids: contracts, delivered vehicles, invoices. */
import type { ContractColumn, ContractRow } from '../../../../shared/schemas/contracts';
import type {
  DeliveryColumn,
  DeliveryRow,
  InvoiceColumn,
  InvoiceRow,
} from '../../../../shared/schemas/contract-records';
import { callOrThrow } from '../../api/client';
import type { FetchPage } from '../../components/DataGrid';

export const fetchContracts: FetchPage<ContractRow, ContractColumn> = (query) =>
  callOrThrow('contracts.list', query);

export const CONTRACT_DEFAULT_SORT = [{ field: 'updatedAt' as const, desc: true }];

export const fetchDeliveries: FetchPage<DeliveryRow, DeliveryColumn> = (query) =>
  callOrThrow('contracts.listDeliveries', query);

export const fetchInvoices: FetchPage<InvoiceRow, InvoiceColumn> = (query) =>
  callOrThrow('contracts.listInvoices', query);

/** The latest deliveries and invoices first. */
export const DELIVERY_DEFAULT_SORT = [{ field: 'deliveredOn' as const, desc: true }];
export const INVOICE_DEFAULT_SORT = [{ field: 'issuedOn' as const, desc: true }];
