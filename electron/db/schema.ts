/**
 * Table types of the Keyfleet database (kysely conventions: Generated<>, nullable not optional).
 * Each area's tables live in db/tables/<area>.ts; this file joins them into the Database kysely
 * knows, and names the row types several modules share.
 */
import type { Selectable } from 'kysely';
import type { StaffTable, AuditLogTable, SettingsTable, PrefsTable } from './tables/system';
import type {
  AccountsTable,
  AccountAliasesTable,
  AccountTeamMembersTable,
  AccountReviewsTable,
  AccountFleetTable,
  AccountFactsTable,
  ContactsTable,
  ContactPersonalTable,
} from './tables/accounts';
import type { ImportMappingsTable, ImportRunsTable, ImportRowsTable } from './tables/imports';
import type {
  PriceListTable,
  OpportunitiesTable,
  OpportunityLinesTable,
  OpportunityContactsTable,
  OpportunityCompetitorsTable,
  OpportunityStagesTable,
} from './tables/opportunities';
import type { TendersTable, TenderLotsTable, TenderAmendmentsTable } from './tables/tenders';
import type {
  ContractsTable,
  ContractLinesTable,
  PriceApprovalsTable,
  ContractAllocationsTable,
  InvoicesTable,
  DeliveriesTable,
  FollowUpsTable,
} from './tables/contracts';
import type {
  ActivitiesTable,
  KpiTargetsTable,
  DeadlinesTable,
  ReminderDismissalsTable,
} from './tables/activities';
import type {
  ClaimsTable,
  DocumentsTable,
  FilingsTable,
  FilingPaymentsTable,
  ReportTemplatesTable,
} from './tables/filings';
import type { PaymentsTable } from './tables/payments';

export type * from './tables/system';
export type * from './tables/accounts';
export type * from './tables/imports';
export type * from './tables/opportunities';
export type * from './tables/tenders';
export type * from './tables/contracts';
export type * from './tables/activities';
export type * from './tables/filings';
export type * from './tables/payments';

export interface Database {
  staff: StaffTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  prefs: PrefsTable;
  accounts: AccountsTable;
  account_aliases: AccountAliasesTable;
  account_fleet: AccountFleetTable;
  account_team_members: AccountTeamMembersTable;
  account_facts: AccountFactsTable;
  account_reviews: AccountReviewsTable;
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
  filing_payments: FilingPaymentsTable;
  report_templates: ReportTemplatesTable;
  payments: PaymentsTable;
}

export type AccountRecord = Selectable<AccountsTable>;
export type ContactRecord = Selectable<ContactsTable>;
export type StaffRecord = Selectable<StaffTable>;
