/**
 * The one check that every id an input names (the refId marks of shared/schemas/references.ts)
 * exists before a handler writes anything: a missing one is a VALIDATION error naming each such
 * field, instead of a FOREIGN KEY failure (INTERNAL) or a dangling id.
 */
import { type Kysely, sql } from 'kysely';
import { api, type MethodName } from '../../shared/api';
import { AppError, type FieldIssue } from '../../shared/result';
import {
  type FoundReference,
  findReferences,
  type ReferencePath,
  referencePaths,
} from '../../shared/schemas/references';
import type { Database } from './schema';

const UNKNOWN_REFERENCE = 'unknown_reference';

const pathsByMethod = new Map<MethodName, ReferencePath[]>();

/** The marked references of a method's input (worked out once per method). */
export function methodReferencePaths(method: MethodName): ReferencePath[] {
  let paths = pathsByMethod.get(method);
  if (!paths) {
    paths = referencePaths(api[method].input);
    pathsByMethod.set(method, paths);
  }
  return paths;
}

// SQLite's default limit of bound parameters is far above this; chunks keep each lookup small.
const CHUNK = 500;

async function existingIds(
  db: Kysely<Database>,
  table: string,
  ids: number[],
): Promise<Set<number>> {
  const found = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await sql<{
      id: number;
    }>`select id from ${sql.table(table)} where id in (${sql.join(chunk)})`.execute(db);
    for (const row of rows.rows) found.add(row.id);
  }
  return found;
}

/** The references of a parsed input that name no row. */
async function unknownReferences(
  db: Kysely<Database>,
  method: MethodName,
  input: unknown,
): Promise<FoundReference[]> {
  const paths = methodReferencePaths(method);
  if (paths.length === 0) return [];
  const refs = findReferences(paths, input);
  const byTable = new Map<string, Set<number>>();
  for (const r of refs) {
    const ids = byTable.get(r.table) ?? new Set<number>();
    ids.add(r.id);
    byTable.set(r.table, ids);
  }
  const missing: FoundReference[] = [];
  for (const [table, ids] of byTable) {
    const found = await existingIds(db, table, [...ids]);
    missing.push(...refs.filter((r) => r.table === table && !found.has(r.id)));
  }
  return missing;
}

/** Refuses an input naming a row that does not exist, naming every such field. */
export async function checkReferences(
  db: Kysely<Database>,
  method: MethodName,
  input: unknown,
): Promise<void> {
  const missing = await unknownReferences(db, method, input);
  if (missing.length === 0) return;
  const fields: FieldIssue[] = missing.map((m) => ({
    path: m.path,
    code: UNKNOWN_REFERENCE,
    message: `no ${m.table} #${m.id}`,
  }));
  throw new AppError(
    'VALIDATION',
    `invalid input for ${method}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    {
      kind: UNKNOWN_REFERENCE,
      fields,
      references: missing.map((m) => ({ path: m.path, table: m.table, id: m.id })),
    },
  );
}
