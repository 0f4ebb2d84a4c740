/**
 * Recording a tender, correcting it through its form (details and lots) and deleting it, keeping
 * the date order, the published schedule (changed only by an amendment once announced), the
 * linked opportunity and the audit log in step.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { TenderDetail, TenderInput } from '../../shared/schemas/tenders';
import { dropDeadlines } from '../calendar/deadlines';
import type { Database } from '../db/schema';
import { takeVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import {
  auditTender,
  columnsOf,
  guardDates,
  guardReferences,
  mustGetTender,
  snapshot,
} from './record';
import {
  contractOfTender,
  deleteLots,
  deleteTenderRow,
  insertLot,
  insertTender,
  parkLotNo,
  storedLots,
  updateLot,
  updateTenderRow,
} from './record-repository';
import { guardScheduleEdit } from './schedule-guard';
import { advanceOpportunity, refreshTender, relinkOpportunity } from './upkeep';
import { newRowStamps } from '../db/stamps';

/** Lots are matched by id: an edited lot keeps its bid and result; a lot with a result stays. */
async function writeLots(
  trx: Kysely<Database>,
  tenderId: number,
  input: TenderInput,
): Promise<void> {
  const existing = await storedLots(trx, tenderId);
  const kept = new Set(input.lots.map((l) => l.id).filter((id): id is number => id !== undefined));
  for (const l of input.lots)
    if (l.id !== undefined && !existing.some((e) => e.id === l.id))
      throw new AppError('VALIDATION', `lot #${l.id} is not a lot of this tender`);
  const dropped = existing.filter((e) => !kept.has(e.id));
  const decided = dropped.find((e) => e.result !== 'pending');
  if (decided)
    throw new AppError(
      'POLICY',
      `lot ${decided.lot_no} has a recorded result and cannot be removed`,
      {
        kind: 'tender.lot_decided',
      },
    );
  if (dropped.length > 0)
    await deleteLots(
      trx,
      dropped.map((d) => d.id),
    );
  // Lot numbers are unique per tender: park the kept ones first so that renumbering can swap.
  for (const l of input.lots) if (l.id !== undefined) await parkLotNo(trx, l.id);
  for (const [position, l] of input.lots.entries()) {
    const values = {
      position,
      lot_no: l.lotNo,
      name: l.name,
      requirements: l.requirements,
      quantity: l.quantity,
      budget_fen: l.budgetFen,
      bid_amount_fen: l.bidAmountFen,
      bid_model: l.bidModel,
    };
    if (l.id !== undefined) await updateLot(trx, l.id, values);
    else await insertLot(trx, { ...values, tender_id: tenderId, result: 'pending' });
  }
}

/** A bid entered on any lot moves the tender's opportunity on to comparison. */
async function advanceOnBid(
  trx: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: TenderInput,
): Promise<void> {
  if (input.lots.some((l) => l.bidAmountFen !== null))
    await advanceOpportunity(trx, clock, actorId, input.opportunityId, 'comparison', {
      code: 'tender.bid',
      params: { projectNo: input.projectNo },
    });
}

export async function createTender(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: TenderInput,
): Promise<TenderDetail> {
  return writeTx(db, async (trx) => {
    guardDates(input);
    const { purchaserName } = await guardReferences(trx, input, null);
    const now = isoNow(clock);
    const id = await insertTender(trx, {
      ...columnsOf(input, purchaserName),
      owner_id: input.ownerId ?? actorId,
      status: 'planned',
      ...newRowStamps(actorId, now),
    });
    await writeLots(trx, id, input);
    await refreshTender(trx, clock, id);
    await relinkOpportunity(trx, input.opportunityId);
    await advanceOnBid(trx, clock, actorId, input);
    const created = await mustGetTender(trx, clock, id);
    await auditTender(trx, clock, actorId, id, {
      action: 'tender.create',
      after: snapshot(created),
    });
    return created;
  });
}

export async function updateTender(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
  input: TenderInput,
  /** The version the form saw; an import's correction has none. */
  version?: number,
): Promise<TenderDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetTender(trx, clock, id);
    await takeVersion(trx, 'tenders', id, version, actorId, isoNow(clock));
    guardScheduleEdit(before, input);
    guardDates({ ...input, awardedOn: before.awardedOn, publicityEndOn: before.publicityEndOn });
    const { purchaserName } = await guardReferences(trx, input, id);
    await updateTenderRow(trx, id, {
      ...columnsOf(input, purchaserName),
      owner_id: input.ownerId ?? before.ownerId,
      updated_at: isoNow(clock),
      updated_by: actorId,
    });
    await writeLots(trx, id, input);
    await refreshTender(trx, clock, id);
    await relinkOpportunity(trx, before.opportunityId);
    await relinkOpportunity(trx, input.opportunityId);
    if (before.status !== 'awarded') await advanceOnBid(trx, clock, actorId, input);
    const after = await mustGetTender(trx, clock, id);
    await auditTender(trx, clock, actorId, id, {
      action: 'tender.update',
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function deleteTender(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
): Promise<void> {
  await writeTx(db, async (trx) => {
    const before = await mustGetTender(trx, clock, id);
    const contract = await contractOfTender(trx, id);
    if (contract)
      throw new AppError(
        'POLICY',
        `contract ${contract.number} refers to this tender; it cannot be deleted`,
        {
          kind: 'tender.in_use',
        },
      );
    await deleteTenderRow(trx, id);
    await dropDeadlines(trx, 'tender', id);
    await relinkOpportunity(trx, before.opportunityId);
    await auditTender(trx, clock, actorId, id, {
      action: 'tender.delete',
      before: snapshot(before),
    });
  });
}
