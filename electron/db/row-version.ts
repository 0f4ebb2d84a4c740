/**
 * Row versions (issue 12, working at the same time): a form's update carries the version the
 * user loaded, and is refused as stale when someone wrote the row since — with who and when, so
 * nobody's change is silently overwritten. Every other write of a versioned row bumps the version
 * too (imports, bulk paths, deal effects), so an open form then sees it as stale. Caches derived
 * from other rows (search text, counts) are not the row's own data and leave the version alone.
 */
import { type Kysely, sql } from 'kysely';
import { AppError } from '../../shared/result';
import type { Database } from './schema';

type VersionedTable =
  | 'accounts'
  | 'contacts'
  | 'opportunities'
  | 'tenders'
  | 'contracts'
  | 'claims'
  | 'filings'
  | 'activities'
  | 'staff'
  | 'payments';

/** `details` of a stale CONFLICT: who wrote the row last (null if unknown or an import) and when. */
type StaleDetails = {
  kind: 'stale';
  by: string | null;
  byId: number | null;
  at: string;
  version: number;
};

/** What every write of a versioned row sets besides its own columns: next version, who, when (`at`, from the caller's clock). */
export function bump(by: number | null, at: string) {
  return { version: sql<number>`version + 1`, updated_by: by, updated_at: at };
}

/**
 * Takes the row for an update from a form: bumps its version and stamps who/when only if it is
 * still at `expected` (one guarded UPDATE inside the caller's write transaction). Otherwise throws
 * CONFLICT kind `stale` naming the last writer, or NOT_FOUND when the row is gone.
 */
export async function claimVersion(
  trx: Kysely<Database>,
  table: VersionedTable,
  id: number,
  expected: number,
  by: number,
  at: string,
): Promise<void> {
  const result = await sql`
    update ${sql.table(table)}
    set version = version + 1, updated_by = ${by}, updated_at = ${at}
    where id = ${id} and version = ${expected}`.execute(trx);
  if (Number(result.numAffectedRows ?? 0n) === 1) return;
  const current = await sql<{
    version: number;
    updated_by: number | null;
    updated_at: string;
    by_name: string | null;
  }>`
    select t.version, t.updated_by, t.updated_at, s.name as by_name
    from ${sql.table(table)} t left join staff s on s.id = t.updated_by
    where t.id = ${id}`.execute(trx);
  const row = current.rows[0];
  if (!row) throw new AppError('NOT_FOUND', `${table} #${id} does not exist`);
  const details: StaleDetails = {
    kind: 'stale',
    by: row.by_name,
    byId: row.updated_by,
    at: row.updated_at,
    version: row.version,
  };
  throw new AppError(
    'CONFLICT',
    `Changed by ${row.by_name ?? 'someone else'} at ${row.updated_at} since you opened it; reload first`,
    details,
  );
}

/**
 * For services that a form calls with a version and an import or workflow calls without one:
 * the guarded claim when there is a version, otherwise just the bump (the write still moves the
 * version on, so a form opened meanwhile sees it as stale).
 */
export async function takeVersion(
  trx: Kysely<Database>,
  table: VersionedTable,
  id: number,
  expected: number | undefined,
  by: number | null,
  at: string,
): Promise<void> {
  if (expected !== undefined && by !== null) return claimVersion(trx, table, id, expected, by, at);
  await sql`
    update ${sql.table(table)}
    set version = version + 1, updated_by = ${by}, updated_at = ${at}
    where id = ${id}`.execute(trx);
}

/** The next version, for a write that stamps who/when itself. */
export function nextVersion() {
  return sql<number>`version + 1`;
}
