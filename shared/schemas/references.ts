/**
 * Ids in a method's input that name a row of another table (a tender's ownerId, a contract line's
 * priceId) are marked with `refId(table)`. The main process looks every marked id up before the
 * handler runs (electron/db/references.ts), so a missing one is a VALIDATION error naming the
 * field, never a raw FOREIGN KEY failure halfway through a write.
 */
import { z } from 'zod';

export const REFERENCED_TABLES = [
  'accounts',
  'claims',
  'contacts',
  'contract_allocations',
  'contract_lines',
  'contracts',
  'deadlines',
  'deliveries',
  'invoices',
  'opportunities',
  'price_approvals',
  'price_list',
  'report_templates',
  'staff',
  'tender_lots',
  'tenders',
] as const;
type ReferencedTable = (typeof REFERENCED_TABLES)[number];

/** The marks: which schema instance names a row of which table. */
export const references = z.registry<{ table: ReferencedTable }>();

/** A positive integer id that must name an existing row of `table`. */
export function refId(table: ReferencedTable) {
  return z.number().int().positive().register(references, { table });
}

/** Where in an input a reference sits: object keys, with '*' for every element of an array. */
export interface ReferencePath {
  path: string[];
  table: ReferencedTable;
}

type Def = { type: string } & Record<string, unknown>;

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function walk(schema: z.ZodType, path: string[], out: ReferencePath[], seen: Set<unknown>): void {
  const mark = references.get(schema);
  if (mark) {
    out.push({ path, table: mark.table });
    return;
  }
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  const inner = (key: string) => def[key] as z.ZodType;
  switch (def.type) {
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>))
        walk(value, [...path, key], out, seen);
      break;
    case 'array':
      walk(inner('element'), [...path, '*'], out, seen);
      break;
    case 'record':
      walk(inner('valueType'), [...path, '*'], out, seen);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      walk(inner('innerType'), path, out, seen);
      break;
    case 'pipe':
      walk(inner('in'), path, out, seen);
      walk(inner('out'), path, out, seen);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) walk(option, path, out, seen);
      break;
    case 'intersection':
      walk(inner('left'), path, out, seen);
      walk(inner('right'), path, out, seen);
      break;
    case 'lazy':
      walk((def.getter as () => z.ZodType)(), path, out, seen);
      break;
  }
  seen.delete(schema);
}

/** Every marked reference of a schema, found once from its structure. */
export function referencePaths(schema: z.ZodType): ReferencePath[] {
  const out: ReferencePath[] = [];
  walk(schema, [], out, new Set());
  const unique = new Map(out.map((r) => [`${r.path.join('.')}:${r.table}`, r]));
  return [...unique.values()];
}

/** One reference in a parsed input: its dotted path (`lines.2.priceId`), table and id. */
export interface FoundReference {
  path: string;
  table: ReferencedTable;
  id: number;
}

function follow(
  value: unknown,
  rest: string[],
  at: string[],
  table: ReferencedTable,
  out: FoundReference[],
): void {
  if (rest.length === 0) {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0)
      out.push({ path: at.join('.'), table, id: value });
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const [head, ...tail] = rest as [string, ...string[]];
  if (head === '*') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    for (const [key, v] of entries) follow(v, tail, [...at, key], table, out);
  } else if (Object.prototype.hasOwnProperty.call(value, head)) {
    follow((value as Record<string, unknown>)[head], tail, [...at, head], table, out);
  }
}

/** The references an input holds at the given paths (absent and null ones are not references). */
export function findReferences(paths: ReferencePath[], input: unknown): FoundReference[] {
  const out: FoundReference[] = [];
  for (const p of paths) follow(input, p.path, [], p.table, out);
  return out;
}
