/**
 * The backend's shape, kept: no source file under electron/ grows past ~500 lines (a file that
 * big holds more than one workflow: split it by workflow), and in the domains split into
 * workflows (contracts, claims, tenders) every query-builder call lives in a repository file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const MAX_LINES = 500;

/** Every .ts file under `dir`, relative to the project root. */
function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(dir, name));
}

const lineCount = (file: string) =>
  fs.readFileSync(path.join(root, file), 'utf8').trimEnd().split('\n').length;

/** A repository file: repository.ts, repository/<part>.ts or <part>-repository.ts. */
const isRepository = (file: string) => /(^|[/-])repository(\/|\.ts$)/.test(file);

/** Calls that build or run SQL through kysely. */
const QUERY_BUILDER = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto)\(|\bsql`/;

describe('backend structure', () => {
  it(`keeps every electron/ source file within ${MAX_LINES} lines`, () => {
    const long = sources('electron')
      .map((file) => ({ file, lines: lineCount(file) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long).toEqual([]);
  });

  it('recognises repository files by name', () => {
    expect(isRepository('electron/claims/repository.ts')).toBe(true);
    expect(isRepository('electron/claims/record-repository.ts')).toBe(true);
    expect(isRepository('electron/contracts/repository/views.ts')).toBe(true);
    expect(isRepository('electron/contracts/record.ts')).toBe(false);
    expect(isRepository('electron/tenders/repository-notes.ts')).toBe(false);
  });

  it.each(['contracts', 'claims', 'tenders'])(
    'keeps the SQL of electron/%s/ in its repository files',
    (domain) => {
      const outside = sources(`electron/${domain}`)
        .filter((file) => !isRepository(file))
        .flatMap((file) =>
          fs
            .readFileSync(path.join(root, file), 'utf8')
            .split('\n')
            .flatMap((line, i) => (QUERY_BUILDER.test(line) ? [`${file}:${i + 1}`] : [])),
        );
      expect(outside).toEqual([]);
    },
  );
});
