/** Field-level differences between two audit snapshots, for the change history. */

export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that say nothing to a reader (ids shown elsewhere by name). */
const HIDDEN = new Set(['id', 'accountId', 'ownerId', 'parentId', 'contactId']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function same(a: unknown, b: unknown): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Changed fields between `before` and `after`. A creation (no before) lists the fields that were
 * filled in; a deletion (no after) lists nothing, the entry's title says enough.
 */
export function diffSnapshots(before: unknown, after: unknown): Change[] {
  const b = isRecord(before) ? before : null;
  const a = isRecord(after) ? after : null;
  if (!a) return [];
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a)])].filter(
    (k) => !HIDDEN.has(k),
  );
  return keys
    .filter((k) => (b ? !same(b[k], a[k]) : !isBlank(a[k])))
    .map((k) => ({ field: k, before: b?.[k], after: a[k] }));
}

/** The `name` an audit snapshot carries (account or contact), for entry titles. */
export function snapshotName(...snapshots: unknown[]): string | null {
  for (const s of snapshots) if (isRecord(s) && typeof s.name === 'string') return s.name;
  return null;
}

/** Personal-detail field names recorded by contact.personal.update. */
export function personalFields(after: unknown): string[] {
  return isRecord(after) && Array.isArray(after.fields)
    ? after.fields.filter((f): f is string => typeof f === 'string')
    : [];
}

/** Contact fields (phone, email) a contact entry says changed without logging their values. */
export function identifiersChanged(after: unknown): string[] {
  return isRecord(after) && Array.isArray(after.identifiersChanged)
    ? after.identifiersChanged.filter((f): f is string => typeof f === 'string')
    : [];
}

/** Entries written by the demo-data loader carry `origin: 'demo'` in their snapshot. */
export function isDemoOrigin(after: unknown): boolean {
  return isRecord(after) && after.origin === 'demo';
}
