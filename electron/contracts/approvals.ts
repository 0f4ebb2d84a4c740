/**
 * Price approvals of a contract: a request covers the below-floor lines as they stand; another
 * manager than the one who asked or set the prices (four eyes) approves or rejects it.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { ContractDetail } from '../../shared/schemas/contracts';
import { type Actor, requireSalesWriter } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { bump } from '../db/row-version';
import { writeTx } from '../db/tx';
import { auditContract, belowFloorLines, guardEditable, mustGetContract } from './record';
import { getApproval, insertApproval, updateApproval, wroteContract } from './repository/approvals';
import { updateContractRow } from './repository/contracts';
import { mustExist } from '../db/must-exist';

export async function requestApproval(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  contractId: number,
  reason: string,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetContract(trx, contractId);
    guardEditable(before);
    const below = belowFloorLines(before);
    if (below.length === 0)
      throw new AppError(
        'POLICY',
        'every price is at or above the floor: there is nothing to approve',
        { kind: 'approval.not_needed' },
      );
    if (before.approvals.some((a) => a.state === 'pending'))
      throw new AppError('POLICY', 'an approval request is already waiting for a manager', {
        kind: 'approval.pending',
      });
    const now = isoNow(clock);
    const id = await insertApproval(trx, {
      contract_id: contractId,
      state: 'pending',
      reason,
      lines_json: JSON.stringify(below),
      requested_by: actorId,
      requested_at: now,
    });
    await updateContractRow(trx, contractId, {
      status: 'pending_approval',
      ...bump(actorId, now),
    });
    await auditContract(trx, clock, actorId, contractId, {
      action: 'approval.request',
      after: { approvalId: id, reason, lines: below },
    });
    return mustGetContract(trx, contractId);
  });
}

export async function decideApproval(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  approvalId: number,
  approve: boolean,
  note: string,
): Promise<ContractDetail> {
  const actorId = actor.id;
  // Approving is a sales decision: not for the admin role.
  requireSalesWriter(actor);
  return writeTx(db, async (trx) => {
    const approval = mustExist(await getApproval(trx, approvalId), 'approval request', approvalId);
    if (approval.state !== 'pending')
      throw new AppError('POLICY', `this request has already been ${approval.state}`, {
        kind: 'approval.decided',
      });
    // Four eyes: not the manager who asked, nor one who set the contract's prices (wrote it).
    const wroteIt = await wroteContract(trx, approval.contract_id, actorId);
    if (approval.requested_by === actorId || wroteIt)
      throw new AppError(
        'FORBIDDEN',
        'a price approval is decided by another manager than the one who set or asked for it',
        { kind: 'own_request', approvalId },
      );
    const now = isoNow(clock);
    await updateApproval(trx, approvalId, {
      state: approve ? 'approved' : 'rejected',
      decided_by: actorId,
      decided_at: now,
      decision_note: note,
    });
    await updateContractRow(trx, approval.contract_id, { status: 'draft', ...bump(actorId, now) });
    await auditContract(trx, clock, actorId, approval.contract_id, {
      action: approve ? 'approval.approve' : 'approval.reject',
      after: { approvalId, note, lines: JSON.parse(approval.lines_json) as unknown },
    });
    return mustGetContract(trx, approval.contract_id);
  });
}
