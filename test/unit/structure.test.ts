/**
 * The backend's shape, kept: no source file under electron/ grows past ~500 lines (a file that
 * big holds more than one workflow: split it by workflow), in the domains split into workflows
 * (contracts, claims, tenders) every query-builder call lives in a repository file, and the main
 * process starts without the workbook library (its jobs run in workers).
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

  it('starts the main process without exceljs: only workers and a lazy import() load it', () => {
    const packages = startupPackages(['electron/server/serve.ts', 'electron/main/index.ts']);
    expect(packages.get('exceljs') ?? []).toEqual([]);
    // The walk sees the packages the main process does need.
    expect(packages.has('better-sqlite3')).toBe(true);
  });
});

/**
 * The packages a process loads as it starts, each with the files that import it: the static value
 * imports and re-exports followed from `entries` through relative paths. Type-only imports are
 * erased by the build, and an `import()` loads on first use, so neither is followed.
 */
function startupPackages(entries: string[]): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const resolve = (from: string, spec: string) => {
    const base = path.join(path.dirname(from), spec);
    return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base].find(
      (f) => fs.existsSync(path.join(root, f)) && fs.statSync(path.join(root, f)).isFile(),
    );
  };
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) return;
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+([^;]*?)\s+from\s+'([^']+)'/gms)) {
      const [, what, spec] = m as unknown as [string, string, string];
      const typeOnly =
        /^type\s/.test(what) ||
        (/^\{[^}]*\}$/.test(what) &&
          what
            .slice(1, -1)
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
            .every((s) => s.startsWith('type ')));
      if (typeOnly) continue;
      if (spec.startsWith('.')) {
        const target = resolve(file, spec);
        if (target) visit(target);
      } else if (!spec.startsWith('node:')) {
        const name = spec.startsWith('@')
          ? spec.split('/').slice(0, 2).join('/')
          : spec.split('/')[0]!;
        packages.set(name, [...(packages.get(name) ?? []), file]);
      }
    }
  };
  entries.forEach(visit);
  return packages;
}
