/**
 * The last line behind the reference check (electron/db/references.ts): a FOREIGN KEY failure that
 * still reaches the dispatcher (a row deleted by a colleague a moment before the write, or a
 * delete of a row something still points to) answers a typed error, never INTERNAL.
 */
import { fail, type Result } from '../../shared/result';

const REMOVING = /\.(delete|remove)/i;

export function foreignKeyFailure(method: string, error: unknown): Result<never> | null {
  if ((error as { code?: unknown } | null)?.code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') return null;
  return REMOVING.test(method)
    ? fail('CONFLICT', `${method}: other records still refer to this one`, { kind: 'in_use' })
    : fail('VALIDATION', `${method}: the input names a record that does not exist`, {
        kind: 'unknown_reference',
      });
}
