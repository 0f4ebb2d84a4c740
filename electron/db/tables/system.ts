/** The staff, the audit log, the store's settings and each user's preferences. */
import type { Generated } from 'kysely';
import type { StaffRole } from '../../../shared/enums';

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
