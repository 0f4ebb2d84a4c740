/**
 * Child process of `npm run bench`: imports a full sheet (1,048,575 rows + header) into the given
 * (empty) database and prints its own peak RSS, so the number is the importing process's alone.
 */
import { peakRssMb } from './harness';
import { runImport } from './import-job';

async function main(): Promise<void> {
  const [dbFile, file] = process.argv.slice(2) as [string, string];
  const started = performance.now();
  const { result } = await runImport(dbFile, file);
  process.stdout.write(
    JSON.stringify({
      seconds: (performance.now() - started) / 1000,
      rows: (result as { total: number }).total,
      created: (result as { create: number }).create,
      peakRssMb: peakRssMb(),
    }) + '\n',
  );
}

void main();
