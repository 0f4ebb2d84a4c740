/**
 * The raw side of the import benches, in a process of its own so that it starts cold and its peak
 * RSS is its own: `tsx bench/import-child.ts <db> <file>` prints one JSON line. exceljs's
 * streaming reader feeds prepared inserts in one transaction, mapping each label to its code with
 * a plain lookup table and checking nothing (bench/import-job.ts). Keyfleet's side runs on the
 * built server (bench/import-server.ts).
 *
 * Both sides then hash the accounts they stored (the columns the file gives, in id order), so the
 * bench can tell that the two did the same work.
 */
import { createHash } from 'node:crypto';
import { connect } from '../electron/db/connection';
import { peakRssMb } from './harness';
import { rawImport } from './import-job';

export interface ImportChildResult {
  seconds: number;
  /** CPU time of the importing process (all threads), seconds: steadier than `seconds` on a busy machine. */
  cpuSeconds: number;
  /** Accounts the import stored. */
  created: number;
  /** What the inspect job took the file for (keyfleet only). */
  format: string | null;
  peakRssMb: number;
  /** sha256 of the stored accounts' own columns, in id order. */
  hash: string;
  /** The server's main thread's longest block while the import ran (keyfleet only), ms. */
  mainThreadBlockMs: number | null;
}

/** The columns an import of the bench's sheet fills, as both sides store them. */
const HASHED = `select name, uscc, buyer_type, industry, province_code, city_code, address, grade,
                      source, notes
                 from accounts order by id`;

/** The stored accounts' hashed columns, in id order. */
export function* hashedRows(dbFile: string): Generator<unknown[]> {
  const { sqlite } = connect(dbFile);
  try {
    yield* sqlite.prepare(HASHED).raw().iterate() as Iterable<unknown[]>;
  } finally {
    sqlite.close();
  }
}

export function accountsHash(dbFile: string): { count: number; hash: string } {
  const hash = createHash('sha256');
  let count = 0;
  for (const row of hashedRows(dbFile)) {
    hash.update(JSON.stringify(row));
    hash.update('\n');
    count++;
  }
  return { count, hash: hash.digest('hex') };
}

async function main(): Promise<void> {
  const [dbFile, file] = process.argv.slice(2) as [string, string];
  const started = performance.now();
  await rawImport(dbFile, file);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage();
  const peak = peakRssMb();
  const { count, hash } = accountsHash(dbFile);
  const out: ImportChildResult = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    created: count,
    format: null,
    peakRssMb: peak,
    hash,
    mainThreadBlockMs: null,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

if (require.main === module || process.argv[1]?.endsWith('import-child.ts'))
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
