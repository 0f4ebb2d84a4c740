/** Activities, KPI targets, deadlines and dismissed reminders. */
import type { Generated } from 'kysely';
import type { ActivityOutcome, ActivityType, DeadlineKind } from '../../../shared/sales-enums';
import type { DeadlineEntity } from '../../../shared/schemas/calendar';

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
