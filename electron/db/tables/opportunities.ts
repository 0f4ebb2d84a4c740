/** The price list and opportunities: their lines, contacts, competitors and stage history. */
import type { Generated } from 'kysely';
import type { BuyerType, PurchaseRole, Source } from '../../../shared/enums';
import type { LostReason, Stage } from '../../../shared/sales-enums';
import type { Stamps } from './stamps';

export interface PriceListTable {
  id: Generated<number>;
  model: string;
  configuration: string | null;
  model_key: string;
  retail_fen: number;
  floor_fen: number;
  updated_at: string;
  updated_by: number | null;
}

export interface OpportunitiesTable extends Stamps {
  id: Generated<number>;
  account_id: number;
  title: string;
  title_sort: string;
  buyer_type: BuyerType;
  owner_id: number | null;
  source: Source | null;
  stage: Stage;
  stage_changed_at: string;
  /** A bit per process stage ever entered (opportunities/stage-path.ts owns it). */
  stage_path: Generated<number>;
  budget_fen: number | null;
  amount_fen: number;
  quantity: number;
  expected_close_on: string | null;
  lost_reason: LostReason | null;
  lost_note: string | null;
  winner_name: string | null;
  winning_price_fen: number | null;
  contract_id: number | null;
  tender_id: number | null;
  notes: string | null;
  search_text: string;
  /** Bumped by every write of the row's own data (electron/db/row-version.ts). */
  version: Generated<number>;
}

export interface OpportunityLinesTable {
  id: Generated<number>;
  opportunity_id: number;
  model: string;
  configuration: string | null;
  quantity: number;
  target_unit_price_fen: number | null;
}

export interface OpportunityContactsTable {
  opportunity_id: number;
  contact_id: number;
  role: PurchaseRole | null;
}

export interface OpportunityCompetitorsTable {
  id: Generated<number>;
  opportunity_id: number;
  brand: string;
  model: string | null;
  rep: string | null;
  customer_view: string | null;
}

export interface OpportunityStagesTable {
  id: Generated<number>;
  opportunity_id: number;
  at: string;
  actor_id: number | null;
  from_stage: Stage | null;
  to_stage: Stage;
  cause: 'manual' | 'tender' | 'contract';
  /** What a person typed (a lost or abandoned opportunity's note), shown as typed. */
  note: string | null;
  /** A note the application wrote: a code and its JSON parameters (shared/system-notes.ts). */
  note_code: string | null;
  note_params: string | null;
}
