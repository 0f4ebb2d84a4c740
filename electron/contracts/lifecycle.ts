/**
 * Making a contract final (once nothing blocks it: signed, prices approved, tender won) with what
 * follows for its buyer and opportunity, and cancelling one that has nothing delivered or invoiced.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import { isOpenStage, stageRank } from '../../shared/sales-enums';
import type { ContractDetail } from '../../shared/schemas/contracts';
import type { Database } from '../db/schema';
import { bump } from '../db/row-version';
import { writeTx } from '../db/tx';
import { applyStage } from '../opportunities/service';
import { accountFollowsFinalContract } from './account-effects';
import {
  auditContract,
  closeContractChange,
  guardEditable,
  mustGetContract,
  refreshContract,
  snapshot,
} from './record';
import { supersedePendingApprovals } from './repository/approvals';
import { opportunityStage, unlinkOpportunities, updateContractRow } from './repository/contracts';

export async function finalizeContract(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetContract(trx, id);
    guardEditable(before);
    if (before.finalBlockers.length > 0)
      throw new AppError(
        'POLICY',
        `contract ${before.number} cannot be made final yet: ${before.finalBlockers.join(', ')}`,
        {
          kind: before.finalBlockers[0],
          blockers: before.finalBlockers,
        },
      );
    const now = isoNow(clock);
    await updateContractRow(trx, id, {
      status: 'final',
      finalized_at: now,
      finalized_by: actorId,
      ...bump(actorId, now),
    });
    await refreshContract(trx, id);
    await accountFollowsFinalContract(trx, clock, actorId, before, now);
    // A signed contract puts its opportunity in 使用 (contract signed, delivery, payment).
    if (before.opportunity) {
      const stage = await opportunityStage(trx, before.opportunity.id);
      if (isOpenStage(stage) && stageRank(stage) < stageRank('in_use'))
        await applyStage(
          trx,
          actorId,
          before.opportunity.id,
          'in_use',
          'contract',
          {},
          { code: 'contract.final', params: { number: before.number } },
          clock,
        );
    }
    const after = await mustGetContract(trx, id);
    await auditContract(trx, clock, actorId, id, {
      action: 'contract.finalize',
      before: { status: before.status },
      after: snapshot(after),
    });
    return after;
  });
}

export async function cancelContract(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
  reason: string,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetContract(trx, id);
    if (before.status === 'cancelled')
      throw new AppError('POLICY', `contract ${before.number} is already cancelled`, {
        kind: 'contract.cancelled',
      });
    if (before.deliveries.length > 0 || before.invoices.length > 0)
      throw new AppError(
        'POLICY',
        `contract ${before.number} has deliveries or invoices; remove them first`,
        { kind: 'contract.has_deliveries' },
      );
    const now = isoNow(clock);
    await supersedePendingApprovals(trx, id);
    await updateContractRow(trx, id, {
      status: 'cancelled',
      cancel_reason: reason,
      ...bump(actorId, now),
    });
    await unlinkOpportunities(trx, id);
    return closeContractChange(trx, clock, actorId, id, {
      action: 'contract.cancel',
      before: { status: before.status },
      after: { status: 'cancelled', reason },
    });
  });
}
