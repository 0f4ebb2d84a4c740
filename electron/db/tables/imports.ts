/** Imports: saved column mappings, runs and their per-row report. */
import type { Generated } from 'kysely';
import type { ImportTarget } from '../../../shared/schemas/imports';

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
