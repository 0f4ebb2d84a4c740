/** The accounts export as both export benchmarks run it: every column, sorted by name, in-process. */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../electron/db/schema';
import { ACCOUNT_CELL_KINDS } from '../electron/exports/account-cells';
import { exportAccountsJob } from '../electron/exports/accounts-export';
import { ACCOUNT_COLUMN_LABELS } from '../shared/schemas/accounts';
import { exportAccountsInput } from '../shared/schemas/exports';
import { jobContext } from './in-process';

export const ALL_EXPORT_COLUMNS = (
  Object.keys(ACCOUNT_CELL_KINDS) as (keyof typeof ACCOUNT_CELL_KINDS)[]
).map((field) => ({ field, header: ACCOUNT_COLUMN_LABELS[field].zh }));

export const exportInput = exportAccountsInput.parse({
  format: 'xlsx',
  columns: ALL_EXPORT_COLUMNS,
  sort: [{ field: 'name', desc: false }],
});

export function runAccountsExport(
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
  file: string,
) {
  return exportAccountsJob(
    jobContext(
      {
        input: exportInput,
        file,
        fileName: 'bench.xlsx',
        actorName: 'bench',
        version: 'bench',
      },
      { db, sqlite },
    ),
  );
}
