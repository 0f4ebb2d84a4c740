/**
 * Price approvals across contracts, for 我的今天 and the menu: the requests waiting for a manager
 * (not the ones they asked for themselves — another manager decides those), and the recent
 * decisions on what a person asked for.
 */
import { type Kysely, sql } from 'kysely';
import type { ApprovalItem } from '../../shared/schemas/contracts';
import type { Database } from '../db/schema';

export { APPROVAL_DECISION_DAYS as DECISION_DAYS } from '../../shared/schemas/contracts';

function baseQuery(db: Kysely<Database>) {
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

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

function toItem(r: Row): ApprovalItem {
  return {
    id: r.id,
    contractId: r.contract_id,
    contractNo: r.number,
    accountId: r.account_id,
    accountName: r.account_name,
    state: r.state as ApprovalItem['state'],
    reason: r.reason,
    requestedBy:
      r.requested_by === null ? null : { id: r.requested_by, name: r.requested_name ?? '' },
    requestedAt: r.requested_at,
    decidedBy: r.decided_by === null ? null : { id: r.decided_by, name: r.decided_name ?? '' },
    decidedAt: r.decided_at,
    lineCount: r.line_count,
  };
}

/** Requests waiting for a decision that `managerId` may make, oldest first. */
export async function approvalsToDecide(
  db: Kysely<Database>,
  managerId: number,
): Promise<ApprovalItem[]> {
  const rows = await baseQuery(db)
    .where('p.state', '=', 'pending')
    .where((eb) => eb.or([eb('p.requested_by', 'is', null), eb('p.requested_by', '!=', managerId)]))
    .orderBy('p.requested_at')
    .orderBy('p.id')
    .execute();
  return rows.map(toItem);
}

/** What became of `staffId`'s requests since `sinceIso`, newest first. */
export async function decisionsOnMyRequests(
  db: Kysely<Database>,
  staffId: number,
  sinceIso: string,
): Promise<ApprovalItem[]> {
  const rows = await baseQuery(db)
    .where('p.requested_by', '=', staffId)
    .where('p.state', 'in', ['approved', 'rejected'])
    .where('p.decided_at', '>=', sinceIso)
    .orderBy('p.decided_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return rows.map(toItem);
}
