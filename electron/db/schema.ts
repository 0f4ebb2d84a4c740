/** Table types of the Keyfleet database (kysely conventions: Generated<>, nullable not optional). */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface StaffTable {
  id: Generated<number>;
  name: string;
  role: string;
  phone: string | null;
  email: string | null;
  active: Generated<number>;
  created_at: string;
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
  buyer_type: string;
  industry: string | null;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  address: string | null;
  parent_id: number | null;
  grade: string;
  value_type: string | null;
  lifecycle: string;
  source: string | null;
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
}

export interface AccountAliasesTable {
  id: Generated<number>;
  account_id: number;
  alias: string;
  alias_norm: string;
  kind: string;
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
  level: string | null;
  purchase_role: string | null;
  attitude: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
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
  target: string;
  name: string;
  columns: string;
  created_by: number | null;
  updated_at: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  target: string;
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
}

export interface Database {
  staff: StaffTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  prefs: PrefsTable;
  accounts: AccountsTable;
  account_aliases: AccountAliasesTable;
  account_fleet: AccountFleetTable;
  contacts: ContactsTable;
  contact_personal: ContactPersonalTable;
  import_mappings: ImportMappingsTable;
  import_runs: ImportRunsTable;
  import_rows: ImportRowsTable;
}

export type AccountRecord = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountPatch = Updateable<AccountsTable>;
export type ContactRecord = Selectable<ContactsTable>;
export type StaffRecord = Selectable<StaffTable>;
