/**
 * Child process of `npm run bench`: exports a full sheet (1,048,575 rows + header) from the given
 * database and prints its own peak RSS, so the number is the exporting process's alone.
 */
import { connect } from '../electron/db/connection';
import { ACCOUNT_CELL_KINDS } from '../electron/exports/account-cells';
import { exportAccountsJob } from '../electron/exports/accounts-export';
import { ACCOUNT_COLUMN_LABELS } from '../shared/schemas/accounts';
import { exportAccountsInput } from '../shared/schemas/exports';

async function main(): Promise<void> {
  const [dbFile, outFile] = process.argv.slice(2) as [string, string];
  const { db, sqlite, close } = connect(dbFile);
  const columns = (Object.keys(ACCOUNT_CELL_KINDS) as (keyof typeof ACCOUNT_CELL_KINDS)[]).map(
    (field) => ({
      field,
      header: ACCOUNT_COLUMN_LABELS[field].zh,
    }),
  );
  const started = performance.now();
  const { result } = await exportAccountsJob({
    params: {
      input: exportAccountsInput.parse({
        format: 'xlsx',
        columns,
        sort: [{ field: 'name', desc: false }],
      }),
      file: outFile,
      fileName: 'full.xlsx',
      actorName: 'bench',
      version: 'bench',
    },
    actorId: null,
    db,
    sqlite,
    progress: () => {},
    checkCancelled: () => {},
  });
  await close();
  // maxRSS is in kilobytes.
  process.stdout.write(
    JSON.stringify({
      seconds: (performance.now() - started) / 1000,
      rows: (result as { rows: number }).rows,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }) + '\n',
  );
}

void main();
