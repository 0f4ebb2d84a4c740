import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('architecture boundaries are enforced by lint', () => {
  it('refuses electron in shared/ and in domain folders', async () => {
    const code = "import { app } from 'electron';\nexport const name = app.getName();\n";
    expect(await restrictedImports('shared/probe.ts', code)).toHaveLength(1);
    expect(await restrictedImports('electron/accounts/probe.ts', code)).toHaveLength(1);
    expect(await restrictedImports('electron/db/probe.ts', code)).toHaveLength(1);
    expect(await restrictedImports('electron/main/probe.ts', code)).toHaveLength(0);
  });

  it('keeps shared/ free of database and Node code, and the renderer free of main-process code', async () => {
    expect(
      await restrictedImports(
        'shared/probe.ts',
        "import { sql } from 'kysely';\nexport const q = sql;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'shared/probe.ts',
        "import fs from 'node:fs';\nexport const f = fs;\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'renderer/src/probe.ts',
        "import { openDatabase } from '../../electron/db/open';\nexport const o = openDatabase;\n",
      ),
    ).toHaveLength(1);
  });
});
