/**
 * Loads the demo data once, through the real path (`serve --demo`, the demo job in its worker), into
 * a data folder that each demo test then copies: the same data for every test, without every test
 * spending seconds of CPU generating it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_TEMPLATE_ENV, startServer, stopServer } from './fixtures';

export default async function globalSetup(): Promise<() => void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyfleet-e2e-demo-'));
  const { child } = await startServer({ demo: true, dataDir });
  await stopServer(child);
  process.env[DEMO_TEMPLATE_ENV] = dataDir;
  return () => fs.rmSync(dataDir, { recursive: true, force: true });
}
