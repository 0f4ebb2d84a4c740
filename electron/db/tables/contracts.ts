/** Contracts: lines, price approvals, allocations to units, invoices, deliveries and follow-ups. */
import type { Generated } from 'kysely';
import type { ApprovalState, ContractKind, ContractStatus } from '../../../shared/sales-enums';
import type { Stamps } from './stamps';

export interface ContractsTable extends Stamps {
  id: Generated<number>;
  number: string;
  number_key: string;
  kind: ContractKind;
  status: ContractStatus;
  account_id: number;
  party_name: string;
  opportunity_id: number | null;
  tender_id: number | null;
  owner_id: number | null;
  signed_on: string | null;
  delivery_due_on: string | null;
  quantity: Generated<number>;
  total_fen: Generated<number>;
  delivered: Generated<number>;
  invoiced_fen: Generated<number>;
  below_floor: Generated<number>;
  cancel_reason: string | null;
  finalized_at: string | null;
  finalized_by: number | null;
  notes: string | null;
  search_text: string;
  /** Bumped by every write of the row's own data (electron/db/row-version.ts). */
  version: Generated<number>;
}

export interface ContractLinesTable {
  id: Generated<number>;
  contract_id: number;
  position: number;
  price_id: number | null;
  model: string;
  configuration: string | null;
  quantity: number;
  unit_price_fen: number;
  retail_fen: number;
  floor_fen: number;
}

export interface PriceApprovalsTable {
  id: Generated<number>;
  contract_id: number;
  state: ApprovalState;
  reason: string;
  lines_json: string;
  requested_by: number | null;
  requested_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface ContractAllocationsTable {
  id: Generated<number>;
  contract_id: number;
  line_id: number;
  unit_id: number;
  quantity: number;
}

export interface InvoicesTable {
  id: Generated<number>;
  contract_id: number;
  allocation_id: number | null;
  number: string;
  issued_on: string;
  buyer_name: string;
  amount_fen: number;
  created_at: string;
  created_by: number | null;
}

export interface DeliveriesTable {
  id: Generated<number>;
  contract_id: number;
  line_id: number;
  allocation_id: number | null;
  vin: string;
  plate: string | null;
  registration_owner: string | null;
  delivered_on: string;
  registered_on: string | null;
  invoice_id: number | null;
  created_at: string;
  created_by: number | null;
}

export interface FollowUpsTable {
  id: Generated<number>;
  contract_id: number;
  allocation_id: number | null;
  delivered_on: string;
  days: number;
  due_on: string;
  done_at: string | null;
  done_by: number | null;
  outcome: string | null;
}
