/**
 * Kysely code of price approvals: a contract's requests and decisions, who set its prices (the
 * four-eyes rule reads the audit log), and the approval lists across contracts.
 */
import { type Insertable, type Kysely, type Selectable, type Updateable, sql } from 'kysely';
import type { Database, PriceApprovalsTable } from '../../db/schema';
import type { SelectedRow } from '../../grid/page';

export async function insertApproval(
  db: Kysely<Database>,
  values: Insertable<PriceApprovalsTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('price_approvals')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function getApproval(
  db: Kysely<Database>,
  id: number,
): Promise<Selectable<PriceApprovalsTable> | undefined> {
  return db.selectFrom('price_approvals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateApproval(
  db: Kysely<Database>,
  id: number,
  patch: Updateable<PriceApprovalsTable>,
): Promise<void> {
  await db.updateTable('price_approvals').set(patch).where('id', '=', id).execute();
}

/** Marks these requests superseded: the prices they covered changed. */
export async function supersedeApprovals(db: Kysely<Database>, ids: number[]): Promise<void> {
  await db
    .updateTable('price_approvals')
    .set({ state: 'superseded' })
    .where('id', 'in', ids)
    .execute();
}

/** Marks the contract's waiting request (if any) superseded. */
export async function supersedePendingApprovals(
  db: Kysely<Database>,
  contractId: number,
): Promise<void> {
  await db
    .updateTable('price_approvals')
    .set({ state: 'superseded' })
    .where('contract_id', '=', contractId)
    .where('state', '=', 'pending')
    .execute();
}

/** Whether `actorId` created or updated the contract (and so set its prices), per the audit log. */
export async function wroteContract(
  db: Kysely<Database>,
  contractId: number,
  actorId: number,
): Promise<boolean> {
  const wrote = await db
    .selectFrom('audit_log')
    .select('id')
    .where('entity', '=', 'contract')
    .where('entity_id', '=', contractId)
    .where('action', 'in', ['contract.create', 'contract.update'])
    .where('actor_id', '=', actorId)
    .executeTakeFirst();
  return wrote !== undefined;
}

function listQuery(db: Kysely<Database>) {
  return db
    .selectFrom('price_approvals as p')
    .innerJoin('contracts as c', 'c.id', 'p.contract_id')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('staff as r', 'r.id', 'p.requested_by')
    .leftJoin('staff as d', 'd.id', 'p.decided_by')
    .select([
      'p.id',
      'p.contract_id',
      'c.number',
      'c.account_id',
      'a.name as account_name',
      'p.state',
      'p.reason',
      'p.requested_by',
      'r.name as requested_name',
      'p.requested_at',
      'p.decided_by',
      'd.name as decided_name',
      'p.decided_at',
      sql<number>`json_array_length(p.lines_json)`.as('line_count'),
    ]);
}

/** A request as the approval lists show it. */
export type ApprovalListRow = SelectedRow<typeof listQuery>;

/** Requests waiting for a decision that `managerId` may make, oldest first. */
export async function pendingApprovalRows(
  db: Kysely<Database>,
  managerId: number,
): Promise<ApprovalListRow[]> {
  return listQuery(db)
    .where('p.state', '=', 'pending')
    .where((eb) => eb.or([eb('p.requested_by', 'is', null), eb('p.requested_by', '!=', managerId)]))
    .orderBy('p.requested_at')
    .orderBy('p.id')
    .execute();
}

/** What became of `staffId`'s requests since `sinceIso`, newest first. */
export async function decidedApprovalRows(
  db: Kysely<Database>,
  staffId: number,
  sinceIso: string,
): Promise<ApprovalListRow[]> {
  return listQuery(db)
    .where('p.requested_by', '=', staffId)
    .where('p.state', 'in', ['approved', 'rejected'])
    .where('p.decided_at', '>=', sinceIso)
    .orderBy('p.decided_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}
