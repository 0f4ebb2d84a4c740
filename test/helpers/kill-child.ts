/**
 * The process a kill -9 test kills (test/integration/backups-kill.test.ts). It says each step it
 * reaches on stdout, so the test can kill it at a chosen one:
 *   backup DATA_DIR   — takes backups in a loop, 4 pages a step ("step"), then "taken"
 *   restore DATA_DIR FILE — stages FILE ("staged"), then applies it ("applied")
 */
import path from 'node:path';
import { businessClock } from '../../shared/clock';
import { backupDir } from '../../electron/backups/records';
import { applyPendingRestore, stageRestore } from '../../electron/backups/restore';
import { takeBackup } from '../../electron/backups/take';
import { connect } from '../../electron/db/connection';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const [mode, dataDir, file] = process.argv.slice(2) as [string, string, string | undefined];
  const dbFile = path.join(dataDir, 'keyfleet.sqlite');
  if (mode === 'backup') {
    const conn = connect(dbFile);
    for (let n = 0; ; n++) {
      await takeBackup(conn.sqlite, {
        dir: backupDir(dataDir),
        kind: 'manual',
        at: new Date(Date.UTC(2026, 2, 2, 1, 0, n)),
        pagesPerStep: 4,
        progress: () => say('step'),
      });
      say('taken');
    }
  }
  if (mode === 'restore' && file) {
    await stageRestore(dataDir, file, { clock: businessClock });
    say('staged');
    await applyPendingRestore(dbFile, { clock: businessClock });
    say('applied');
    // Stays until killed: the test decides when.
    setInterval(() => undefined, 60_000);
  }
}

void main();
