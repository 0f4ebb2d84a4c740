/**
 * The static list of migrations, in order. Listed by hand (not read from disk) so that it works
 * inside the bundled main process; a test checks that every file in this folder is listed.
 */
import type { Kysely } from 'kysely';
import * as m20261122100000 from './20261122100000_staff_settings_audit';
import * as m20261122100100 from './20261122100100_account_registry';
import * as m20261122200000 from './20261122200000_imports';
import * as m20261122210000 from './20261122210000_sales';
import * as m20261123090000 from './20261123090000_claims_filings';
import * as m20261202100000 from './20261202100000_policy_org_nature';
import * as m20261202120000 from './20261202120000_stage_note_codes';
import * as m20261202130000 from './20261202130000_claims_overlap';
import * as m20261202140000 from './20261202140000_fleet_from_deliveries';
import * as m20261202150000 from './20261202150000_import_notes';
import * as m20261203090000 from './20261203090000_staff_logins';
import * as m20261203100000 from './20261203100000_account_teams';
import * as m20261203110000 from './20261203110000_row_versions';
import * as m20261203120000 from './20261203120000_staff_version';
import * as m20261204100000 from './20261204100000_payments';
import * as m20261204110000 from './20261204110000_account_facts';
import * as m20261204120000 from './20261204120000_account_reviews';
import * as m20261204130000 from './20261204130000_filing_incentives';
import * as m20261204140000 from './20261204140000_analysis_indexes';
import * as m20261205100000 from './20261205100000_opportunity_stage_path';
import * as m20261205110000 from './20261205110000_value_indexes';
import * as m20261206100000 from './20261206100000_account_search_index';

/**
 * What a migration tells the people whose data it changed (e.g. how many accounts got a suggested
 * organisation nature), as a code and parameters the UI words; kept with the migration's record.
 */
export interface MigrationNote {
  code: string;
  params: Record<string, string | number>;
}

export interface Migration {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-invalid-void-type -- migrations see the schema of their day; most return no note
  up(db: Kysely<any>): Promise<void | MigrationNote>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up
  down(db: Kysely<any>): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  { name: '20261122100000_staff_settings_audit', ...m20261122100000 },
  { name: '20261122100100_account_registry', ...m20261122100100 },
  { name: '20261122200000_imports', ...m20261122200000 },
  { name: '20261122210000_sales', ...m20261122210000 },
  { name: '20261123090000_claims_filings', ...m20261123090000 },
  { name: '20261202100000_policy_org_nature', ...m20261202100000 },
  { name: '20261202120000_stage_note_codes', ...m20261202120000 },
  { name: '20261202130000_claims_overlap', ...m20261202130000 },
  { name: '20261202140000_fleet_from_deliveries', ...m20261202140000 },
  { name: '20261202150000_import_notes', ...m20261202150000 },
  { name: '20261203090000_staff_logins', ...m20261203090000 },
  { name: '20261203100000_account_teams', ...m20261203100000 },
  { name: '20261203110000_row_versions', ...m20261203110000 },
  { name: '20261203120000_staff_version', ...m20261203120000 },
  { name: '20261204100000_payments', ...m20261204100000 },
  { name: '20261204110000_account_facts', ...m20261204110000 },
  { name: '20261204120000_account_reviews', ...m20261204120000 },
  { name: '20261204130000_filing_incentives', ...m20261204130000 },
  { name: '20261204140000_analysis_indexes', ...m20261204140000 },
  { name: '20261205100000_opportunity_stage_path', ...m20261205100000 },
  { name: '20261205110000_value_indexes', ...m20261205110000 },
  { name: '20261206100000_account_search_index', ...m20261206100000 },
];
