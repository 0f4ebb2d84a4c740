/**
 * Price approvals across contracts, for 我的今天 and the menu: the requests waiting for a manager
 * (not the ones they asked for themselves — another manager decides those), and the recent
 * decisions on what a person asked for. The queries are in ./repository/approvals.
 */
import type { Kysely } from 'kysely';
import type { ApprovalItem } from '../../shared/schemas/contracts';
import type { Database } from '../db/schema';
import {
  type ApprovalListRow,
  decidedApprovalRows,
  pendingApprovalRows,
} from './repository/approvals';

export { APPROVAL_DECISION_DAYS as DECISION_DAYS } from '../../shared/schemas/contracts';

function toItem(r: ApprovalListRow): ApprovalItem {
  return {
    id: r.id,
    contractId: r.contract_id,
    contractNo: r.number,
    accountId: r.account_id,
    accountName: r.account_name,
    state: r.state,
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
  return (await pendingApprovalRows(db, managerId)).map(toItem);
}

/** What became of `staffId`'s requests since `sinceIso`, newest first. */
export async function decisionsOnMyRequests(
  db: Kysely<Database>,
  staffId: number,
  sinceIso: string,
): Promise<ApprovalItem[]> {
  return (await decidedApprovalRows(db, staffId, sinceIso)).map(toItem);
}
