/** Claims (报备), documents (evidence), filings and report templates. */
import type { Generated } from 'kysely';
import type {
  AuthState,
  ClaimSource,
  ClaimStatus,
  DocumentKind,
  FilingStatus,
  IncentiveReason,
  OemVerdict,
  ReportGranularity,
} from '../../../shared/filing-enums';
import type { DocumentEntity } from '../../../shared/schemas/documents';

export interface ClaimsTable {
  id: Generated<number>;
  account_id: number;
  opportunity_id: number | null;
  source: ClaimSource;
  claimant_id: number | null;
  dealer_name: string | null;
  status: ClaimStatus;
  territory_code: string | null;
  in_territory: number;
  auth_state: AuthState;
  auth_addressee: string | null;
  auth_request_note: string | null;
  auth_requested_at: string | null;
  auth_requested_by: number | null;
  auth_reference: string | null;
  auth_answer_note: string | null;
  auth_answered_at: string | null;
  auth_answered_by: number | null;
  protection_days: number;
  filed_at: string | null;
  expires_on: string | null;
  renewals: Generated<number>;
  oem_reference: string | null;
  oem_reply: string | null;
  oem_replied_on: string | null;
  oem_recorded_by: number | null;
  reported_evidence: number | null;
  wish_note: string | null;
  wish_at: string | null;
  wish_by: number | null;
  released_at: string | null;
  release_reason: string | null;
  /** Derived by claims/conflicts.ts: when a colleague's claim on the same organisation was filed. */
  overlap_since: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
  /** Bumped by every write of the row's own data (electron/db/row-version.ts). */
  version: Generated<number>;
}

export interface DocumentsTable {
  id: Generated<number>;
  entity: DocumentEntity;
  entity_id: number;
  kind: DocumentKind;
  file_name: string;
  size: number;
  sha256: string;
  note: string | null;
  uploaded_at: string;
  uploaded_by: number | null;
}

export interface FilingsTable {
  id: Generated<number>;
  number: string;
  contract_id: number;
  account_id: number;
  status: FilingStatus;
  units: number;
  notes: string | null;
  eligible: Generated<number>;
  failed_checks: Generated<number>;
  verdict_json: string | null;
  checks_json: string | null;
  vehicles_json: string | null;
  documents_json: string | null;
  override_by: number | null;
  override_at: string | null;
  override_reason: string | null;
  override_checks: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
  /** Bumped by every write of the row's own data (electron/db/row-version.ts). */
  version: Generated<number>;
  updated_by: Generated<number | null>;
  /** The manufacturer's verdict on a submitted filing (electron/filings/incentives.ts). */
  oem_verdict: OemVerdict | null;
  oem_verdict_on: string | null;
  oem_reason: IncentiveReason | null;
  oem_note: string | null;
  approved_fen: number | null;
  verdict_at: string | null;
  verdict_by: number | null;
}

/** Payments of a filing's approved incentive received from the manufacturer. */
export interface FilingPaymentsTable {
  id: Generated<number>;
  filing_id: number;
  received_on: string;
  amount_fen: number;
  reference: string | null;
  /** Why this payment takes the received total past the approved amount (else null). */
  over_reason: string | null;
  recorded_at: string;
  recorded_by: number | null;
}

export interface ReportTemplatesTable {
  id: Generated<number>;
  name: string;
  granularity: ReportGranularity;
  sheet_name: string | null;
  header_row: number;
  first_data_row: number;
  columns_json: string;
  built_in: Generated<number>;
  source_file_name: string | null;
  source_sha256: string | null;
  updated_at: string;
  updated_by: number | null;
}
