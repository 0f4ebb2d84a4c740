/**
 * Contract workflows for every buyer type: drafting with the price guard (above retail refused,
 * below the floor only with a manager's recorded approval), making final, system allocations to
 * subordinate units, deliveries (VINs), invoices and the follow-ups deliveries schedule.
 */
import type { Kysely } from 'kysely';
import { addDays, chinaDate } from '../../shared/dates';
import { AppError, type ErrorKind, fieldIssue } from '../../shared/result';
import { type Stage, isOpenStage, stageRank } from '../../shared/sales-enums';
import type {
  ContractDetail,
  ContractInput,
  DeliveryInput,
  InvoiceInput,
  RegistrationInput,
} from '../../shared/schemas/contracts';
import { searchKey } from '../../shared/text';
import { vinCheckCharacter, vinProblem } from '../../shared/vin';
import { ancestorIds } from '../accounts/repository';
import { appendAudit } from '../audit/audit';
import { dropDeadlines, syncDeadlines } from '../calendar/deadlines';
import type { Database } from '../db/schema';
import { bump, claimVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import { type Actor, requireSalesWriter } from '../accounts/account-team';
import { applyStage } from '../opportunities/service';
import { getSalesSettings } from '../settings/sales-settings';
import { type ApprovedLine, getContractDetail } from './repository';
import {
  accountFollowsDeliveries,
  accountFollowsFinalContract,
  fleetLosesDelivery,
} from './account-effects';
import { nowIso } from '../../shared/clock';

export function contractKey(number: string): string {
  return number.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

const field = (path: string, code: ErrorKind) => ({ ...fieldIssue(path, code), kind: code });

/** The below-floor lines as an approval covers them, in a stable order. */
function belowFloorLines(d: Pick<ContractDetail, 'lines'>): ApprovedLine[] {
  return d.lines
    .filter((l) => l.belowFloor)
    .map((l) => ({
      model: l.model,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      floorFen: l.floorFen,
    }));
}

const sameLines = (a: ApprovedLine[], b: ApprovedLine[]) => JSON.stringify(a) === JSON.stringify(b);

export async function tenderWonByUs(trx: Kysely<Database>, tenderId: number): Promise<boolean> {
  const won = await trx
    .selectFrom('tender_lots as l')
    .innerJoin('tenders as t', 't.id', 'l.tender_id')
    .select('l.id')
    .where('t.id', '=', tenderId)
    .where('t.status', '=', 'awarded')
    .where('l.result', '=', 'won')
    .executeTakeFirst();
  return won !== undefined;
}

/** What still stands between a contract and "final", as stable codes the UI words. */
async function finalBlockers(
  trx: Kysely<Database>,
  d: Omit<ContractDetail, 'finalBlockers'>,
): Promise<ContractDetail['finalBlockers']> {
  if (d.status === 'final' || d.status === 'cancelled') return [];
  const blockers: ContractDetail['finalBlockers'] = [];
  if (!d.signedOn) blockers.push('contract.signed_on_missing');
  const below = belowFloorLines(d);
  if (below.length > 0) {
    const current = d.approvals.filter((a) => a.state === 'pending' || a.state === 'approved');
    if (current.some((a) => a.state === 'pending')) blockers.push('contract.approval_pending');
    else if (!current.some((a) => a.state === 'approved' && sameLines(a.lines, below)))
      blockers.push('contract.approval_missing');
  }
  if (d.tender && !(await tenderWonByUs(trx, d.tender.id)))
    blockers.push('contract.tender_not_won');
  return blockers;
}

export async function mustGetContract(db: Kysely<Database>, id: number): Promise<ContractDetail> {
  const detail = await getContractDetail(db, id);
  if (!detail) throw new AppError('NOT_FOUND', `contract #${id} does not exist`);
  return { ...detail, finalBlockers: await finalBlockers(db, detail) };
}

interface PricedLine {
  id?: number | undefined;
  priceId: number;
  model: string;
  configuration: string | null;
  quantity: number;
  unitPriceFen: number;
  retailFen: number;
  floorFen: number;
}

/** Looks the lines' models up on the price list; a price above retail is refused outright. */
async function priceLines(trx: Kysely<Database>, input: ContractInput): Promise<PricedLine[]> {
  const ids = [...new Set(input.lines.map((l) => l.priceId))];
  const prices = await trx.selectFrom('price_list').selectAll().where('id', 'in', ids).execute();
  return input.lines.map((l, i) => {
    const p = prices.find((x) => x.id === l.priceId);
    if (!p)
      throw new AppError(
        'NOT_FOUND',
        `price list entry #${l.priceId} does not exist`,
        field(`lines.${i}.priceId`, 'price.missing'),
      );
    if (l.unitPriceFen > p.retail_fen)
      throw new AppError(
        'POLICY',
        `${p.model}: ¥${(l.unitPriceFen / 100).toFixed(2)} is above the market retail price ¥${(p.retail_fen / 100).toFixed(2)}`,
        { ...field(`lines.${i}.unitPriceFen`, 'price.above_retail'), retailFen: p.retail_fen },
      );
    return {
      id: l.id,
      priceId: p.id,
      model: p.model,
      configuration: p.configuration,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      retailFen: p.retail_fen,
      floorFen: p.floor_fen,
    };
  });
}

async function guardReferences(trx: Kysely<Database>, input: ContractInput, id: number | null) {
  const taken = await trx
    .selectFrom('contracts')
    .select('id')
    .where('number_key', '=', contractKey(input.number))
    .executeTakeFirst();
  if (taken && taken.id !== id)
    throw new AppError(
      'CONFLICT',
      `contract number ${input.number} is already recorded`,
      field('number', 'contract.number_taken'),
    );
  const account = await trx
    .selectFrom('accounts')
    .select(['id', 'name', 'buyer_type', 'owner_id'])
    .where('id', '=', input.accountId)
    .executeTakeFirst();
  if (!account)
    throw new AppError(
      'NOT_FOUND',
      `account #${input.accountId} does not exist`,
      field('accountId', 'account.missing'),
    );
  if (input.kind === 'system' && account.buyer_type !== 'system')
    throw new AppError(
      'VALIDATION',
      'a unified system contract is signed with a system head office (buyer type 系统采购)',
      field('kind', 'contract.system_account'),
    );
  let ownerId = account.owner_id;
  if (input.opportunityId !== null) {
    const opp = await trx
      .selectFrom('opportunities')
      .select(['account_id', 'owner_id'])
      .where('id', '=', input.opportunityId)
      .executeTakeFirst();
    if (!opp) throw new AppError('NOT_FOUND', `opportunity #${input.opportunityId} does not exist`);
    if (opp.account_id !== input.accountId)
      throw new AppError(
        'VALIDATION',
        'the opportunity belongs to another account',
        field('opportunityId', 'contract.opportunity_other_account'),
      );
    ownerId = opp.owner_id ?? ownerId;
  }
  if (input.tenderId !== null) {
    const tender = await trx
      .selectFrom('tenders')
      .select(['purchaser_id'])
      .where('id', '=', input.tenderId)
      .executeTakeFirst();
    if (!tender) throw new AppError('NOT_FOUND', `tender #${input.tenderId} does not exist`);
    if (tender.purchaser_id !== input.accountId)
      throw new AppError(
        'VALIDATION',
        'the tender was held by another purchaser',
        field('tenderId', 'contract.tender_other_account'),
      );
  }
  return { account, ownerId };
}

async function writeLines(
  trx: Kysely<Database>,
  contractId: number,
  lines: PricedLine[],
): Promise<void> {
  const existing = await trx
    .selectFrom('contract_lines')
    .select('id')
    .where('contract_id', '=', contractId)
    .execute();
  const kept = new Set(lines.map((l) => l.id).filter((x): x is number => x !== undefined));
  for (const l of lines)
    if (l.id !== undefined && !existing.some((e) => e.id === l.id))
      throw new AppError('VALIDATION', `line #${l.id} is not a line of this contract`);
  const dropped = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
  if (dropped.length > 0) {
    const used = await trx
      .selectFrom('contract_allocations')
      .select('id')
      .where('line_id', 'in', dropped)
      .executeTakeFirst();
    if (used)
      throw new AppError(
        'POLICY',
        'a line with allocations cannot be removed; remove its allocations first',
        { kind: 'contract.line_allocated' },
      );
    await trx.deleteFrom('contract_lines').where('id', 'in', dropped).execute();
  }
  for (const [position, l] of lines.entries()) {
    const values = {
      position,
      price_id: l.priceId,
      model: l.model,
      configuration: l.configuration,
      quantity: l.quantity,
      unit_price_fen: l.unitPriceFen,
      retail_fen: l.retailFen,
      floor_fen: l.floorFen,
    };
    if (l.id !== undefined)
      await trx.updateTable('contract_lines').set(values).where('id', '=', l.id).execute();
    else
      await trx
        .insertInto('contract_lines')
        .values({ ...values, contract_id: contractId })
        .execute();
  }
  // Lines may not shrink below what is already allocated.
  const over = await trx
    .selectFrom('contract_lines as l')
    .select(['l.model', 'l.quantity'])
    .where('l.contract_id', '=', contractId)
    .where((eb) =>
      eb(
        eb
          .selectFrom('contract_allocations as x')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('x.quantity'), e.lit(0)).as('n'))
          .whereRef('x.line_id', '=', 'l.id'),
        '>',
        eb.ref('l.quantity'),
      ),
    )
    .executeTakeFirst();
  if (over)
    throw new AppError('POLICY', `${over.model}: fewer units than already allocated`, {
      kind: 'allocation.exceeds_line',
    });
}

/** Totals and the contract's deadline (delivery due, done once everything is delivered). */
async function refreshContract(trx: Kysely<Database>, id: number): Promise<void> {
  const sums = await trx
    .selectFrom('contract_lines')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('quantity'),
      eb.fn
        .coalesce(eb.fn.sum<number>(eb('quantity', '*', eb.ref('unit_price_fen'))), eb.lit(0))
        .as('total'),
      eb.fn
        .coalesce(
          eb.fn.sum<number>(
            eb.case().when('unit_price_fen', '<', eb.ref('floor_fen')).then(1).else(0).end(),
          ),
          eb.lit(0),
        )
        .as('below'),
    ])
    .where('contract_id', '=', id)
    .executeTakeFirstOrThrow();
  const delivered = await trx
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('contract_id', '=', id)
    .executeTakeFirstOrThrow();
  const invoiced = await trx
    .selectFrom('invoices')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('n'))
    .where('contract_id', '=', id)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('contracts')
    .set({
      quantity: Number(sums.quantity),
      total_fen: Number(sums.total),
      below_floor: Number(sums.below),
      delivered: Number(delivered.n),
      invoiced_fen: Number(invoiced.n),
    })
    .where('id', '=', id)
    .execute();
  const c = await trx
    .selectFrom('contracts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await syncDeadlines(trx, 'contract', id, [
    {
      kind: 'delivery_due',
      due: c.status === 'cancelled' ? null : c.delivery_due_on,
      title: `${c.number} ${c.party_name}`,
      accountId: c.account_id,
      ownerId: c.owner_id,
      doneAt: c.quantity > 0 && c.delivered >= c.quantity ? c.updated_at : null,
    },
  ]);
}

function snapshot(d: ContractDetail) {
  return {
    number: d.number,
    kind: d.kind,
    status: d.status,
    account: d.accountName,
    partyName: d.partyName,
    signedOn: d.signedOn,
    deliveryDueOn: d.deliveryDueOn,
    opportunity: d.opportunity?.title ?? null,
    tender: d.tender?.projectNo ?? null,
    totalFen: d.totalFen,
    lines: d.lines.map((l) => ({
      model: l.model,
      configuration: l.configuration,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      retailFen: l.retailFen,
      floorFen: l.floorFen,
    })),
    notes: d.notes,
  };
}

function columnsOf(input: ContractInput, accountName: string) {
  return {
    number: input.number,
    number_key: contractKey(input.number),
    kind: input.kind,
    account_id: input.accountId,
    party_name: input.partyName,
    opportunity_id: input.opportunityId,
    tender_id: input.tenderId,
    signed_on: input.signedOn,
    delivery_due_on: input.deliveryDueOn,
    notes: input.notes,
    search_text: [input.number, input.partyName, accountName]
      .map(searchKey)
      .filter(Boolean)
      .join('\n'),
  };
}

export async function createContract(
  db: Kysely<Database>,
  actorId: number,
  input: ContractInput,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const { account, ownerId } = await guardReferences(trx, input, null);
    const lines = await priceLines(trx, input);
    const now = nowIso();
    const { id } = await trx
      .insertInto('contracts')
      .values({
        ...columnsOf(input, account.name),
        status: 'draft',
        owner_id: ownerId ?? actorId,
        created_at: now,
        updated_at: now,
        created_by: actorId,
        updated_by: actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLines(trx, id, lines);
    await refreshContract(trx, id);
    const created = await mustGetContract(trx, id);
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: id,
      action: 'contract.create',
      after: snapshot(created),
    });
    return created;
  });
}

function guardEditable(before: ContractDetail) {
  if (before.status === 'final' || before.status === 'cancelled')
    throw new AppError(
      'POLICY',
      `contract ${before.number} is ${before.status}; it can no longer be changed`,
      { kind: `contract.${before.status}` },
    );
}

export async function updateContract(
  db: Kysely<Database>,
  actorId: number,
  id: number,
  input: ContractInput,
  version: number,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetContract(trx, id);
    const at = nowIso();
    await claimVersion(trx, 'contracts', id, version, actorId, at);
    guardEditable(before);
    if (input.kind !== before.kind && before.allocations.length > 0)
      throw new AppError('POLICY', 'a contract with allocations stays a system contract', {
        kind: 'contract.kind_locked',
      });
    if (input.accountId !== before.accountId && before.allocations.length > 0)
      throw new AppError('POLICY', 'a contract with allocations cannot change its head office', {
        kind: 'contract.account_locked',
      });
    const { account, ownerId } = await guardReferences(trx, input, id);
    const lines = await priceLines(trx, input);
    await trx
      .updateTable('contracts')
      .set({
        ...columnsOf(input, account.name),
        owner_id: ownerId ?? before.ownerId,
        updated_at: at,
        updated_by: actorId,
      })
      .where('id', '=', id)
      .execute();
    await writeLines(trx, id, lines);
    await refreshContract(trx, id);
    let after = await mustGetContract(trx, id);
    // An approval covers the prices it was asked for: changed below-floor lines need a new one.
    const below = belowFloorLines(after);
    const stale = after.approvals.filter(
      (a) => (a.state === 'pending' || a.state === 'approved') && !sameLines(a.lines, below),
    );
    if (stale.length > 0) {
      await trx
        .updateTable('price_approvals')
        .set({ state: 'superseded' })
        .where(
          'id',
          'in',
          stale.map((a) => a.id),
        )
        .execute();
      await trx.updateTable('contracts').set({ status: 'draft' }).where('id', '=', id).execute();
      after = await mustGetContract(trx, id);
    }
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: id,
      action: 'contract.update',
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function requestApproval(
  db: Kysely<Database>,
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
    const now = nowIso();
    const { id } = await trx
      .insertInto('price_approvals')
      .values({
        contract_id: contractId,
        state: 'pending',
        reason,
        lines_json: JSON.stringify(below),
        requested_by: actorId,
        requested_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('contracts')
      .set({ status: 'pending_approval', ...bump(actorId, now) })
      .where('id', '=', contractId)
      .execute();
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: contractId,
      action: 'approval.request',
      after: { approvalId: id, reason, lines: below },
    });
    return mustGetContract(trx, contractId);
  });
}

export async function decideApproval(
  db: Kysely<Database>,
  actor: Actor,
  approvalId: number,
  approve: boolean,
  note: string,
): Promise<ContractDetail> {
  const actorId = actor.id;
  // Approving is a sales decision: not for the admin role.
  requireSalesWriter(actor);
  return writeTx(db, async (trx) => {
    const approval = await trx
      .selectFrom('price_approvals')
      .selectAll()
      .where('id', '=', approvalId)
      .executeTakeFirst();
    if (!approval)
      throw new AppError('NOT_FOUND', `approval request #${approvalId} does not exist`);
    if (approval.state !== 'pending')
      throw new AppError('POLICY', `this request has already been ${approval.state}`, {
        kind: 'approval.decided',
      });
    // Four eyes: not the manager who asked, nor one who set the contract's prices (wrote it).
    const wroteIt = await trx
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'contract')
      .where('entity_id', '=', approval.contract_id)
      .where('action', 'in', ['contract.create', 'contract.update'])
      .where('actor_id', '=', actorId)
      .executeTakeFirst();
    if (approval.requested_by === actorId || wroteIt)
      throw new AppError(
        'FORBIDDEN',
        'a price approval is decided by another manager than the one who set or asked for it',
        { kind: 'own_request', approvalId },
      );
    const now = nowIso();
    await trx
      .updateTable('price_approvals')
      .set({
        state: approve ? 'approved' : 'rejected',
        decided_by: actorId,
        decided_at: now,
        decision_note: note,
      })
      .where('id', '=', approvalId)
      .execute();
    await trx
      .updateTable('contracts')
      .set({ status: 'draft', ...bump(actorId, now) })
      .where('id', '=', approval.contract_id)
      .execute();
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: approval.contract_id,
      action: approve ? 'approval.approve' : 'approval.reject',
      after: { approvalId, note, lines: JSON.parse(approval.lines_json) as unknown },
    });
    return mustGetContract(trx, approval.contract_id);
  });
}

export async function finalizeContract(
  db: Kysely<Database>,
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
    const now = nowIso();
    await trx
      .updateTable('contracts')
      .set({
        status: 'final',
        finalized_at: now,
        finalized_by: actorId,
        ...bump(actorId, now),
      })
      .where('id', '=', id)
      .execute();
    await refreshContract(trx, id);
    await accountFollowsFinalContract(trx, actorId, before, now);
    // A signed contract puts its opportunity in 使用 (contract signed, delivery, payment).
    if (before.opportunity) {
      const opp = await trx
        .selectFrom('opportunities')
        .select('stage')
        .where('id', '=', before.opportunity.id)
        .executeTakeFirstOrThrow();
      const stage = opp.stage as Stage;
      if (isOpenStage(stage) && stageRank(stage) < stageRank('in_use'))
        await applyStage(
          trx,
          actorId,
          before.opportunity.id,
          'in_use',
          'contract',
          {},
          { code: 'contract.final', params: { number: before.number } },
        );
    }
    const after = await mustGetContract(trx, id);
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: id,
      action: 'contract.finalize',
      before: { status: before.status },
      after: snapshot(after),
    });
    return after;
  });
}

export async function cancelContract(
  db: Kysely<Database>,
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
    const now = nowIso();
    await trx
      .updateTable('price_approvals')
      .set({ state: 'superseded' })
      .where('contract_id', '=', id)
      .where('state', '=', 'pending')
      .execute();
    await trx
      .updateTable('contracts')
      .set({ status: 'cancelled', cancel_reason: reason, ...bump(actorId, now) })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('opportunities')
      .set({ contract_id: null })
      .where('contract_id', '=', id)
      .execute();
    await refreshContract(trx, id);
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: id,
      action: 'contract.cancel',
      before: { status: before.status },
      after: { status: 'cancelled', reason },
    });
    return mustGetContract(trx, id);
  });
}

export async function allocate(
  db: Kysely<Database>,
  actorId: number,
  input: { contractId: number; unitId: number; lineId: number; quantity: number },
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const c = await mustGetContract(trx, input.contractId);
    if (c.kind !== 'system')
      throw new AppError(
        'POLICY',
        'only a unified system contract allocates vehicles to subordinate units',
        { kind: 'allocation.not_system' },
      );
    if (c.status === 'cancelled')
      throw new AppError('POLICY', `contract ${c.number} is cancelled`, {
        kind: 'contract.cancelled',
      });
    const line = c.lines.find((l) => l.id === input.lineId);
    if (!line)
      throw new AppError(
        'VALIDATION',
        `line #${input.lineId} is not a line of contract ${c.number}`,
        field('lineId', 'allocation.line_missing'),
      );
    const unit = await trx
      .selectFrom('accounts')
      .select(['id', 'name'])
      .where('id', '=', input.unitId)
      .executeTakeFirst();
    if (!unit)
      throw new AppError(
        'NOT_FOUND',
        `account #${input.unitId} does not exist`,
        field('unitId', 'account.missing'),
      );
    if (!(await ancestorIds(trx, input.unitId)).includes(c.accountId))
      throw new AppError(
        'POLICY',
        `"${unit.name}" is not a subordinate unit of "${c.accountName}"`,
        field('unitId', 'allocation.not_subordinate'),
      );
    const existing = c.allocations.find(
      (x) => x.lineId === input.lineId && x.unit.id === input.unitId,
    );
    const allocatedElsewhere = line.allocated - (existing?.quantity ?? 0);
    if (allocatedElsewhere + input.quantity > line.quantity)
      throw new AppError(
        'POLICY',
        `${line.model}: ${input.quantity} more would make ${allocatedElsewhere + input.quantity} allocated of ${line.quantity} contracted`,
        {
          ...field('quantity', 'allocation.exceeds_line'),
          available: line.quantity - allocatedElsewhere,
        },
      );
    if (existing && existing.delivered > input.quantity)
      throw new AppError(
        'POLICY',
        `${unit.name} has already received ${existing.delivered} of them`,
        field('quantity', 'allocation.below_delivered'),
      );
    if (existing)
      await trx
        .updateTable('contract_allocations')
        .set({ quantity: input.quantity })
        .where('id', '=', existing.id)
        .execute();
    else
      await trx
        .insertInto('contract_allocations')
        .values({ contract_id: c.id, line_id: line.id, unit_id: unit.id, quantity: input.quantity })
        .execute();
    await trx
      .updateTable('contracts')
      .set({ ...bump(actorId, nowIso()) })
      .where('id', '=', c.id)
      .execute();
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: c.id,
      action: 'allocation.set',
      ...(existing
        ? { before: { unit: unit.name, model: line.model, quantity: existing.quantity } }
        : {}),
      after: { unit: unit.name, unitId: unit.id, model: line.model, quantity: input.quantity },
    });
    return mustGetContract(trx, c.id);
  });
}

export async function removeAllocation(
  db: Kysely<Database>,
  actorId: number,
  allocationId: number,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const x = await trx
      .selectFrom('contract_allocations')
      .selectAll()
      .where('id', '=', allocationId)
      .executeTakeFirst();
    if (!x) throw new AppError('NOT_FOUND', `allocation #${allocationId} does not exist`);
    const used =
      (await trx
        .selectFrom('deliveries')
        .select('id')
        .where('allocation_id', '=', allocationId)
        .executeTakeFirst()) ??
      (await trx
        .selectFrom('invoices')
        .select('id')
        .where('allocation_id', '=', allocationId)
        .executeTakeFirst());
    if (used)
      throw new AppError('POLICY', 'this allocation has deliveries or invoices', {
        kind: 'allocation.in_use',
      });
    await trx.deleteFrom('contract_allocations').where('id', '=', allocationId).execute();
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: x.contract_id,
      action: 'allocation.remove',
      before: { unitId: x.unit_id, lineId: x.line_id, quantity: x.quantity },
    });
    return mustGetContract(trx, x.contract_id);
  });
}

/** One follow-up per configured day after each delivery date (of a unit, for system contracts). */
async function scheduleFollowUps(
  trx: Kysely<Database>,
  c: ContractDetail,
  allocationId: number | null,
  deliveredOn: string,
) {
  const { followUpDays } = await getSalesSettings(trx);
  const unit =
    allocationId === null ? null : (c.allocations.find((x) => x.id === allocationId)?.unit ?? null);
  for (const days of followUpDays) {
    // One follow-up per unit and delivery day, however many models the unit received.
    let existing = trx
      .selectFrom('follow_ups as f')
      .leftJoin('contract_allocations as x', 'x.id', 'f.allocation_id')
      .select('f.id')
      .where('f.contract_id', '=', c.id)
      .where('f.delivered_on', '=', deliveredOn)
      .where('f.days', '=', days);
    existing =
      unit === null
        ? existing.where('f.allocation_id', 'is', null)
        : existing.where('x.unit_id', '=', unit.id);
    if (await existing.executeTakeFirst()) continue;
    const dueOn = addDays(deliveredOn, days);
    const { id } = await trx
      .insertInto('follow_ups')
      .values({
        contract_id: c.id,
        allocation_id: allocationId,
        delivered_on: deliveredOn,
        days,
        due_on: dueOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncDeadlines(trx, 'follow_up', id, [
      {
        kind: 'follow_up',
        due: dueOn,
        title: `${c.number} ${unit?.name ?? c.partyName}`,
        note: { code: 'follow_up.after_delivery', params: { days } },
        accountId: c.accountId,
        ownerId: c.ownerId,
      },
    ]);
  }
}

/**
 * The checks of a delivery that do not depend on its VIN or count: a final contract, one of its
 * lines, the unit's allocation of that line for a system contract, a date between signing and today.
 */
export function guardDeliveryTarget(
  c: ContractDetail,
  input: Pick<DeliveryInput, 'lineId' | 'allocationId' | 'deliveredOn'>,
): {
  line: ContractDetail['lines'][number];
  allocation: ContractDetail['allocations'][number] | null;
} {
  if (c.status !== 'final')
    throw new AppError(
      'POLICY',
      `contract ${c.number} is not final: vehicles are delivered against a final contract`,
      { kind: 'delivery.contract_not_final' },
    );
  const line = c.lines.find((l) => l.id === input.lineId);
  if (!line)
    throw new AppError(
      'VALIDATION',
      `line #${input.lineId} is not a line of contract ${c.number}`,
      field('lineId', 'delivery.line_missing'),
    );
  if (c.signedOn && input.deliveredOn < c.signedOn)
    throw new AppError(
      'VALIDATION',
      `delivery on ${input.deliveredOn} is before the contract was signed (${c.signedOn})`,
      field('deliveredOn', 'delivery.before_signing'),
    );
  if (input.deliveredOn > chinaDate())
    throw new AppError(
      'VALIDATION',
      'a delivery is recorded when it has happened',
      field('deliveredOn', 'date.future'),
    );
  if (c.kind !== 'system') {
    if (input.allocationId !== null)
      throw new AppError(
        'VALIDATION',
        'only system contracts have allocations',
        field('allocationId', 'allocation.not_system'),
      );
    return { line, allocation: null };
  }
  const allocation = c.allocations.find((a) => a.id === input.allocationId);
  if (!allocation || allocation.lineId !== line.id)
    throw new AppError(
      'VALIDATION',
      'a system contract delivers to a subordinate unit: choose the allocation of this model',
      field('allocationId', 'delivery.allocation_missing'),
    );
  return { line, allocation };
}

export async function deliver(
  db: Kysely<Database>,
  actorId: number,
  input: DeliveryInput,
  /** A batch (bulk-deliveries) lets its accounts follow once, for all its vehicles. */
  options: { followAccounts?: boolean } = {},
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const c = await mustGetContract(trx, input.contractId);
    const { line, allocation } = guardDeliveryTarget(c, input);
    const problem = vinProblem(input.vin);
    if (problem && !(problem === 'check_digit' && input.acceptCheckDigit))
      throw new AppError(
        'VALIDATION',
        `VIN ${input.vin}: ${problem === 'check_digit' ? `check character should be ${vinCheckCharacter(input.vin)}` : problem}`,
        {
          ...field('vin', `vin.${problem}`),
          ...(problem === 'check_digit' ? { expected: vinCheckCharacter(input.vin) } : {}),
        },
      );
    const taken = await trx
      .selectFrom('deliveries as d')
      .innerJoin('contracts as c', 'c.id', 'd.contract_id')
      .select('c.number')
      .where('d.vin', '=', input.vin)
      .executeTakeFirst();
    if (taken)
      throw new AppError(
        'CONFLICT',
        `VIN ${input.vin} is already delivered under contract ${taken.number}`,
        field('vin', 'vin.taken'),
      );
    if (line.delivered + 1 > line.quantity)
      throw new AppError(
        'POLICY',
        `${line.model}: all ${line.quantity} contracted units are already delivered`,
        field('lineId', 'delivery.exceeds_contract'),
      );
    if (allocation && allocation.delivered + 1 > allocation.quantity)
      throw new AppError(
        'POLICY',
        `${allocation.unit.name}: all ${allocation.quantity} allocated units are already delivered`,
        field('allocationId', 'delivery.exceeds_allocation'),
      );
    const now = nowIso();
    await trx
      .insertInto('deliveries')
      .values({
        contract_id: c.id,
        line_id: line.id,
        allocation_id: input.allocationId,
        vin: input.vin,
        plate: input.plate,
        registration_owner: input.registrationOwner,
        delivered_on: input.deliveredOn,
        created_at: now,
        created_by: actorId,
      })
      .execute();
    await trx
      .updateTable('contracts')
      .set({ ...bump(actorId, now) })
      .where('id', '=', c.id)
      .execute();
    await scheduleFollowUps(trx, c, input.allocationId, input.deliveredOn);
    await refreshContract(trx, c.id);
    if (options.followAccounts !== false) await accountFollowsDeliveries(trx, actorId, c, [input]);
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: c.id,
      action: 'delivery.create',
      after: {
        vin: input.vin,
        model: line.model,
        plate: input.plate,
        registrationOwner: input.registrationOwner,
        deliveredOn: input.deliveredOn,
        allocationId: input.allocationId,
        checkDigitAccepted: problem === 'check_digit',
      },
    });
    return mustGetContract(trx, c.id);
  });
}

async function mustGetDelivery(trx: Kysely<Database>, id: number) {
  const d = await trx.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw new AppError('NOT_FOUND', `delivery #${id} does not exist`);
  return d;
}

/**
 * Records a vehicle's registration (行驶证) after delivery. The VIN is typed from the registration
 * and must be the delivered one: a registration of another vehicle is caught here, not at filing.
 */
export async function registerVehicle(
  db: Kysely<Database>,
  actorId: number,
  input: RegistrationInput,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const d = await mustGetDelivery(trx, input.deliveryId);
    if (input.vin !== d.vin)
      throw new AppError(
        'VALIDATION',
        `the registration's VIN ${input.vin} is not the delivered vehicle's ${d.vin}`,
        { ...field('vin', 'registration.vin_mismatch'), expected: d.vin },
      );
    if (input.registeredOn > chinaDate())
      throw new AppError(
        'VALIDATION',
        'a registration dated in the future',
        field('registeredOn', 'registration.in_future'),
      );
    if (input.registeredOn < d.delivered_on)
      throw new AppError(
        'VALIDATION',
        'the vehicle is registered before it was delivered',
        field('registeredOn', 'registration.before_delivery'),
      );
    await trx
      .updateTable('deliveries')
      .set({
        registration_owner: input.registrationOwner,
        plate: input.plate,
        registered_on: input.registeredOn,
      })
      .where('id', '=', d.id)
      .execute();
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: d.contract_id,
      action: 'contracts.register',
      before: { vin: d.vin, registrationOwner: d.registration_owner, plate: d.plate },
      after: input,
    });
    return mustGetContract(trx, d.contract_id);
  });
}

export async function removeDelivery(
  db: Kysely<Database>,
  actorId: number,
  id: number,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const d = await mustGetDelivery(trx, id);
    if (d.invoice_id !== null)
      throw new AppError('POLICY', `VIN ${d.vin} is invoiced; remove the invoice first`, {
        kind: 'delivery.invoiced',
      });
    await trx.deleteFrom('deliveries').where('id', '=', id).execute();
    await fleetLosesDelivery(trx, actorId, await mustGetContract(trx, d.contract_id), {
      vin: d.vin,
      lineId: d.line_id,
      allocationId: d.allocation_id,
      deliveredOn: d.delivered_on,
    });
    // Follow-ups of a delivery day the unit (or, without units, the buyer) received nothing
    // else on go too, unless already done.
    const unitId =
      d.allocation_id === null
        ? null
        : ((
            await trx
              .selectFrom('contract_allocations')
              .select('unit_id')
              .where('id', '=', d.allocation_id)
              .executeTakeFirst()
          )?.unit_id ?? null);
    let others = trx
      .selectFrom('deliveries as o')
      .leftJoin('contract_allocations as x', 'x.id', 'o.allocation_id')
      .select('o.id')
      .where('o.contract_id', '=', d.contract_id)
      .where('o.delivered_on', '=', d.delivered_on);
    others =
      unitId === null
        ? others.where('o.allocation_id', 'is', null)
        : others.where('x.unit_id', '=', unitId);
    if (!(await others.executeTakeFirst())) {
      let orphans = trx
        .selectFrom('follow_ups as f')
        .leftJoin('contract_allocations as x', 'x.id', 'f.allocation_id')
        .select('f.id')
        .where('f.contract_id', '=', d.contract_id)
        .where('f.delivered_on', '=', d.delivered_on)
        .where('f.done_at', 'is', null);
      orphans =
        unitId === null
          ? orphans.where('f.allocation_id', 'is', null)
          : orphans.where('x.unit_id', '=', unitId);
      for (const f of await orphans.execute()) {
        await trx.deleteFrom('follow_ups').where('id', '=', f.id).execute();
        await dropDeadlines(trx, 'follow_up', f.id);
      }
    }
    await refreshContract(trx, d.contract_id);
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: d.contract_id,
      action: 'delivery.remove',
      before: { vin: d.vin, deliveredOn: d.delivered_on },
    });
    return mustGetContract(trx, d.contract_id);
  });
}

export async function addInvoice(
  db: Kysely<Database>,
  actorId: number,
  input: InvoiceInput,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const c = await mustGetContract(trx, input.contractId);
    if (c.status !== 'final')
      throw new AppError('POLICY', `contract ${c.number} is not final`, {
        kind: 'invoice.contract_not_final',
      });
    const taken = await trx
      .selectFrom('invoices')
      .select('id')
      .where('number', '=', input.number)
      .executeTakeFirst();
    if (taken)
      throw new AppError(
        'CONFLICT',
        `invoice ${input.number} is already recorded`,
        field('number', 'invoice.number_taken'),
      );
    if (input.allocationId !== null && !c.allocations.some((x) => x.id === input.allocationId))
      throw new AppError(
        'VALIDATION',
        'the allocation is not one of this contract',
        field('allocationId', 'invoice.allocation_missing'),
      );
    const ids = new Set(input.deliveryIds);
    const covered = c.deliveries.filter((d) => ids.has(d.id));
    if (covered.length !== ids.size)
      throw new AppError(
        'VALIDATION',
        'every VIN on an invoice must be delivered under this contract',
        field('deliveryIds', 'invoice.vin_other_contract'),
      );
    const invoicedVin = covered.find((d) => d.invoiceId !== null);
    if (invoicedVin)
      throw new AppError(
        'POLICY',
        `VIN ${invoicedVin.vin} is already on invoice ${invoicedVin.invoiceNo}`,
        field('deliveryIds', 'invoice.vin_invoiced'),
      );
    const otherUnit = covered.find((d) => d.allocationId !== input.allocationId);
    if (otherUnit && input.allocationId !== null)
      throw new AppError(
        'VALIDATION',
        `VIN ${otherUnit.vin} was delivered to another unit`,
        field('deliveryIds', 'invoice.vin_other_unit'),
      );
    if (c.invoicedFen + input.amountFen > c.totalFen)
      throw new AppError(
        'POLICY',
        `invoices would total more than the contract (¥${(c.totalFen / 100).toFixed(2)})`,
        field('amountFen', 'invoice.exceeds_contract'),
      );
    const now = nowIso();
    const { id } = await trx
      .insertInto('invoices')
      .values({
        contract_id: c.id,
        allocation_id: input.allocationId ?? covered[0]?.allocationId ?? null,
        number: input.number,
        issued_on: input.issuedOn,
        buyer_name: input.buyerName,
        amount_fen: input.amountFen,
        created_at: now,
        created_by: actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (ids.size > 0)
      await trx
        .updateTable('deliveries')
        .set({ invoice_id: id })
        .where('id', 'in', [...ids])
        .execute();
    await trx
      .updateTable('contracts')
      .set({ ...bump(actorId, now) })
      .where('id', '=', c.id)
      .execute();
    await refreshContract(trx, c.id);
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: c.id,
      action: 'invoice.create',
      after: {
        number: input.number,
        issuedOn: input.issuedOn,
        buyerName: input.buyerName,
        amountFen: input.amountFen,
        vins: covered.map((d) => d.vin),
      },
    });
    return mustGetContract(trx, c.id);
  });
}

export async function removeInvoice(
  db: Kysely<Database>,
  actorId: number,
  id: number,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const i = await trx.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst();
    if (!i) throw new AppError('NOT_FOUND', `invoice #${id} does not exist`);
    await trx
      .updateTable('deliveries')
      .set({ invoice_id: null })
      .where('invoice_id', '=', id)
      .execute();
    await trx.deleteFrom('invoices').where('id', '=', id).execute();
    await refreshContract(trx, i.contract_id);
    await appendAudit(trx, {
      actorId,
      entity: 'contract',
      entityId: i.contract_id,
      action: 'invoice.remove',
      before: { number: i.number, amountFen: i.amount_fen },
    });
    return mustGetContract(trx, i.contract_id);
  });
}
