/** Accounts (the registry): aliases, co-owners, fleet lines, contacts and their personal details. */
import type { Generated } from 'kysely';
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
  ValueType,
} from '../../../shared/enums';

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

/** A review of an account card (seed 003: weekly); `week_start` is the China week's Monday. */
export interface AccountReviewsTable {
  id: Generated<number>;
  account_id: number;
  staff_id: number;
  reviewed_at: string;
  week_start: string;
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

/** Per-account facts (electron/value/facts.ts is their one writer; see there for definitions). */
export interface AccountFactsTable {
  account_id: number;
  revenue_fen: number;
  units: number;
  purchases: number;
  purchase_years: number;
  max_batch_units: number;
  first_purchase_on: string | null;
  last_purchase_on: string | null;
  margin_floor_fen: number | null;
  margin_retail_fen: number | null;
  cancelled_contracts: number;
  last_contact_on: string | null;
  open_pipeline_fen: number;
  open_opportunities: number;
  lost_tenders: number;
  last_tender_lost: number;
  fleet_share_bp: number | null;
}
