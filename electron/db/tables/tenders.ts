/** Tenders: their lots and amendments (更正公告). */
import type { Generated } from 'kysely';
import type { LotResult, ProcurementMethod, TenderStatus } from '../../../shared/sales-enums';
import type { Stamps } from './stamps';

export interface TendersTable extends Stamps {
  id: Generated<number>;
  project_no: string;
  project_key: string;
  name: string;
  method: ProcurementMethod;
  purchaser_id: number;
  agency: string | null;
  announcement_url: string | null;
  opportunity_id: number | null;
  owner_id: number | null;
  status: TenderStatus;
  budget_fen: number | null;
  intention_on: string | null;
  announced_on: string | null;
  doc_sale_start_on: string | null;
  doc_sale_end_on: string | null;
  bid_deadline_at: string | null;
  opening_at: string | null;
  opening_place: string | null;
  publicity_end_on: string | null;
  awarded_on: string | null;
  bond_fen: number | null;
  bond_paid_on: string | null;
  bond_refund_due_on: string | null;
  bond_refunded_on: string | null;
  close_reason: string | null;
  quantity: Generated<number>;
  lot_count: Generated<number>;
  won_lots: Generated<number>;
  notes: string | null;
  search_text: string;
  /** Bumped by every write of the row's own data (electron/db/row-version.ts). */
  version: Generated<number>;
}

export interface TenderLotsTable {
  id: Generated<number>;
  tender_id: number;
  position: number;
  lot_no: string;
  name: string | null;
  requirements: string | null;
  quantity: number;
  budget_fen: number | null;
  bid_amount_fen: number | null;
  bid_model: string | null;
  result: LotResult;
  winner_name: string | null;
  winner_brand: string | null;
  winner_model: string | null;
  winning_amount_fen: number | null;
}

export interface TenderAmendmentsTable {
  id: Generated<number>;
  tender_id: number;
  published_on: string;
  summary: string;
  changes_json: string;
  recorded_at: string;
  recorded_by: number | null;
}
