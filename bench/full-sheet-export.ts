/**
 * Child process of `npm run bench`: exports a full sheet (1,048,575 rows + header) from the given
 * database and prints its own peak RSS, so the number is the exporting process's alone.
 */
import { connect } from '../electron/db/connection';
import { runAccountsExport } from './export-job';
import { peakRssMb } from './harness';

async function main(): Promise<void> {
  const [dbFile, outFile] = process.argv.slice(2) as [string, string];
  const { db, sqlite, close } = connect(dbFile);
  const started = performance.now();
  const { result } = await runAccountsExport(db, sqlite, outFile);
  await close();
  process.stdout.write(
    JSON.stringify({
      seconds: (performance.now() - started) / 1000,
      rows: (result as { rows: number }).rows,
      peakRssMb: peakRssMb(),
    }) + '\n',
  );
}

void main();
