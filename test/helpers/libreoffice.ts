/**
 * LibreOffice Calc, headless, for tests that need files as an office suite writes them: the path
 * to it (undefined where it is not installed: such tests skip) and a conversion through a filter.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './db';

export const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

/**
 * Saves `file` with LibreOffice Calc through `filter` (e.g. 'xlsx:Calc MS Excel 2007 XML',
 * 'html:HTML (StarCalc)'); returns the new file, named with the filter's extension. Each run has
 * a profile of its own, so runs never wait on each other's lock.
 */
export function convertWithLibreOffice(file: string, filter: string): string {
  const out = tempDir();
  execFileSync(
    soffice!,
    [
      `-env:UserInstallation=file://${tempDir()}`,
      '--headless',
      '--convert-to',
      filter,
      '--outdir',
      out,
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return path.join(out, path.basename(file).replace(/\.\w+$/, `.${filter.split(':')[0]}`));
}
