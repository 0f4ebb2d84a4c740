/** Table types of the Keyfleet database (kysely conventions: Generated<>, nullable not optional). */
import type { Generated, Selectable } from 'kysely';
import type {
  AliasKind,
  Attitude,
  BuyerType,
  ContactLevel,
  Grade,
  Industry,
  Lifecycle,
  OrgNature,
  PurchaseRole,
  Source,
  StaffRole,
  ValueType,
} from '../../shared/enums';
import type {
  AuthState,
  ClaimSource,
  ClaimStatus,
  DocumentKind,
  FilingStatus,
  ReportGranularity,
} from '../../shared/filing-enums';
import type {
  ActivityOutcome,
  ActivityType,
  ApprovalState,
  ContractKind,
  ContractStatus,
  DeadlineKind,
  LostReason,
  LotResult,
  ProcurementMethod,
  Stage,
  TenderStatus,
} from '../../shared/sales-enums';
import type { DeadlineEntity } from '../../shared/schemas/calendar';
import type { DocumentEntity } from '../../shared/schemas/documents';
import type { ImportTarget } from '../../shared/schemas/imports';

export interface StaffTable {
  id: Generated<number>;
  name: string;
  role: StaffRole;
  phone: string | null;
  email: string | null;
  active: Generated<number>;
  created_at: string;
  /** Team sign-in; null: this person signs in by picking their name (solo) or not at all. */
  login: string | null;
  /** scrypt, self-describing (electron/auth/passwords.ts); never returned by any method. */
  password_hash: string | null;
  must_change_password: Generated<number>;
  password_changed_at: string | null;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  entity: string;
  entity_id: number | null;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface PrefsTable {
  staff_id: number;
  key: string;
  value: string;
}

export interface AccountsTable {
  id: Generated<number>;
  name: string;
  name_norm: string;
  name_sort: string;
  uscc: string | null;
  buyer_type: BuyerType;
  industry: Industry | null;
  /** 单位性质 (shared/enums ORG_NATURES); null: unknown. */
  org_nature: OrgNature | null;
  /** 1: a person chose or confirmed org_nature; 0: Keyfleet's suggestion (shared/org-nature.ts). */
  org_nature_confirmed: Generated<number>;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  address: string | null;
  parent_id: number | null;
  grade: Grade;
  value_type: ValueType | null;
  lifecycle: Lifecycle;
  source: Source | null;
  owner_id: number | null;
  notes: string | null;
  fleet_total: Generated<number>;
  contact_count: Generated<number>;
  subordinate_count: Generated<number>;
  /** Lower-cased name, aliases, USCC and contact names: what the quick search scans. */
  search_text: string;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
  /** Bumped by every write of the row's own data (electron/db/row-version.ts). */
  version: Generated<number>;
}

export interface AccountAliasesTable {
  id: Generated<number>;
  account_id: number;
  alias: string;
  alias_norm: string;
  kind: AliasKind;
}

/** A co-owner (副销售) of an account; the owner (主销售) is accounts.owner_id, never a row here. */
export interface AccountTeamMembersTable {
  account_id: number;
  staff_id: number;
  added_at: string;
  added_by: number | null;
}

export interface AccountFleetTable {
  id: Generated<number>;
  account_id: number;
  brand: string;
  model: string;
  count: number;
  year: number | null;
}

export interface ContactsTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  title: string | null;
  department: string | null;
  level: ContactLevel | null;
  purchase_role: PurchaseRole | null;
  attitude: Attitude | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every write of the row's own data (electron/db/row-version.ts). */
  version: Generated<number>;
  updated_by: Generated<number | null>;
}

export interface ContactPersonalTable {
  contact_id: number;
  birthday: string | null;
  hometown: string | null;
  education: string | null;
  hobbies: string | null;
  schedule: string | null;
  career_goals: string | null;
  family: string | null;
  notes: string | null;
  updated_at: string;
}

export interface ImportMappingsTable {
  id: Generated<number>;
  target: ImportTarget;
  name: string;
  columns: string;
  created_by: number | null;
  updated_at: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  target: ImportTarget;
  mode: 'dryRun' | 'commit';
  policy: 'allOrNothing' | 'validOnly';
  file_name: string;
  sheet: string;
  headers: string;
  summary: string;
  actor_id: number | null;
  finished_at: string;
}

export interface ImportRowsTable {
  run_id: number;
  row: number;
  outcome: 'create' | 'update' | 'unchanged' | 'reject';
  account_id: number | null;
  name: string | null;
  uscc: string | null;
  reasons: string | null;
  warnings: string | null;
  changes: string | null;
  cells: string | null;
  notices: string | null;
}

interface Stamps {
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
}

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

export interface ActivitiesTable {
  id: Generated<number>;
  type: ActivityType;
  account_id: number;
  opportunity_id: number | null;
  contact_id: number | null;
  staff_id: number | null;
  occurred_on: string;
  outcome: ActivityOutcome | null;
  summary: string | null;
  next_step: string | null;
  next_step_on: string | null;
  next_step_done_at: string | null;
  created_at: string;
  updated_at: string;
  /** Bumped by every write of the row's own data (electron/db/row-version.ts). */
  version: Generated<number>;
  updated_by: Generated<number | null>;
}

export interface KpiTargetsTable {
  staff_id: number;
  type: ActivityType;
  daily: number;
}

export interface DeadlinesTable {
  id: Generated<number>;
  kind: DeadlineKind;
  entity: DeadlineEntity;
  entity_id: number;
  account_id: number | null;
  owner_id: number | null;
  title: string;
  /** A coded qualifier of the title (a follow-up's day after delivery), see shared/system-notes.ts. */
  note_code: string | null;
  note_params: string | null;
  due_on: string;
  due_at: string | null;
  done_at: string | null;
}

export interface ReminderDismissalsTable {
  staff_id: number;
  deadline_id: number;
  due_on: string;
}

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

export interface Database {
  staff: StaffTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  prefs: PrefsTable;
  accounts: AccountsTable;
  account_aliases: AccountAliasesTable;
  account_fleet: AccountFleetTable;
  account_team_members: AccountTeamMembersTable;
  contacts: ContactsTable;
  contact_personal: ContactPersonalTable;
  import_mappings: ImportMappingsTable;
  import_runs: ImportRunsTable;
  import_rows: ImportRowsTable;
  price_list: PriceListTable;
  opportunities: OpportunitiesTable;
  opportunity_lines: OpportunityLinesTable;
  opportunity_contacts: OpportunityContactsTable;
  opportunity_competitors: OpportunityCompetitorsTable;
  opportunity_stages: OpportunityStagesTable;
  tenders: TendersTable;
  tender_lots: TenderLotsTable;
  tender_amendments: TenderAmendmentsTable;
  contracts: ContractsTable;
  contract_lines: ContractLinesTable;
  price_approvals: PriceApprovalsTable;
  contract_allocations: ContractAllocationsTable;
  invoices: InvoicesTable;
  deliveries: DeliveriesTable;
  follow_ups: FollowUpsTable;
  activities: ActivitiesTable;
  kpi_targets: KpiTargetsTable;
  deadlines: DeadlinesTable;
  reminder_dismissals: ReminderDismissalsTable;
  claims: ClaimsTable;
  documents: DocumentsTable;
  filings: FilingsTable;
  report_templates: ReportTemplatesTable;
}

export type AccountRecord = Selectable<AccountsTable>;
export type ContactRecord = Selectable<ContactsTable>;
export type StaffRecord = Selectable<StaffTable>;
