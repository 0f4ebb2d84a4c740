/**
 * Drafting a contract for any buyer type: its references checked (number, account, opportunity,
 * tender), its lines priced from the price list under the price guard (above retail refused;
 * below the floor allowed, but final only with a manager's approval of those very prices), and an
 * edit that changes approved prices supersedes the approval.
 */
import type { Kysely } from 'kysely';
import { type Clock, isoNow } from '../../shared/clock';
import { AppError } from '../../shared/result';
import type { ContractDetail, ContractInput } from '../../shared/schemas/contracts';
import { searchKey } from '../../shared/text';
import type { Database } from '../db/schema';
import { claimVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import {
  auditContract,
  belowFloorLines,
  field,
  guardEditable,
  mustGetContract,
  refreshContract,
  sameLines,
  snapshot,
} from './record';
import { supersedeApprovals } from './repository/approvals';
import {
  namedAccount,
  contractIdByNumberKey,
  insertContract,
  opportunityOwner,
  pricesByIds,
  tenderPurchaser,
  updateContractRow,
} from './repository/contracts';
import {
  deleteLines,
  insertLine,
  lineIdsOf,
  linesAllocated,
  overAllocatedLine,
  updateLine,
} from './repository/lines';
import { newRowStamps } from '../db/stamps';
import { mustExist } from '../db/must-exist';

function contractKey(number: string): string {
  return number.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
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
  const prices = await pricesByIds(trx, [...new Set(input.lines.map((l) => l.priceId))]);
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
  const taken = await contractIdByNumberKey(trx, contractKey(input.number));
  if (taken !== null && taken !== id)
    throw new AppError(
      'CONFLICT',
      `contract number ${input.number} is already recorded`,
      field('number', 'contract.number_taken'),
    );
  const account = await namedAccount(trx, input.accountId);
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
    const opp = mustExist(
      await opportunityOwner(trx, input.opportunityId),
      'opportunity',
      input.opportunityId,
    );
    if (opp.account_id !== input.accountId)
      throw new AppError(
        'VALIDATION',
        'the opportunity belongs to another account',
        field('opportunityId', 'contract.opportunity_other_account'),
      );
    ownerId = opp.owner_id ?? ownerId;
  }
  if (input.tenderId !== null) {
    const tender = mustExist(await tenderPurchaser(trx, input.tenderId), 'tender', input.tenderId);
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
  const existing = await lineIdsOf(trx, contractId);
  const kept = new Set(lines.map((l) => l.id).filter((x): x is number => x !== undefined));
  for (const l of lines)
    if (l.id !== undefined && !existing.includes(l.id))
      throw new AppError('VALIDATION', `line #${l.id} is not a line of this contract`);
  const dropped = existing.filter((e) => !kept.has(e));
  if (dropped.length > 0) {
    if (await linesAllocated(trx, dropped))
      throw new AppError(
        'POLICY',
        'a line with allocations cannot be removed; remove its allocations first',
        { kind: 'contract.line_allocated' },
      );
    await deleteLines(trx, dropped);
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
    if (l.id !== undefined) await updateLine(trx, l.id, values);
    else await insertLine(trx, contractId, values);
  }
  // Lines may not shrink below what is already allocated.
  const over = await overAllocatedLine(trx, contractId);
  if (over)
    throw new AppError('POLICY', `${over.model}: fewer units than already allocated`, {
      kind: 'allocation.exceeds_line',
    });
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
  clock: Clock,
  actorId: number,
  input: ContractInput,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const { account, ownerId } = await guardReferences(trx, input, null);
    const lines = await priceLines(trx, input);
    const now = isoNow(clock);
    const id = await insertContract(trx, {
      ...columnsOf(input, account.name),
      status: 'draft',
      owner_id: ownerId ?? actorId,
      ...newRowStamps(actorId, now),
    });
    await writeLines(trx, id, lines);
    await refreshContract(trx, id);
    const created = await mustGetContract(trx, id);
    await auditContract(trx, clock, actorId, id, {
      action: 'contract.create',
      after: snapshot(created),
    });
    return created;
  });
}

export async function updateContract(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
  input: ContractInput,
  version: number,
): Promise<ContractDetail> {
  return writeTx(db, async (trx) => {
    const before = await mustGetContract(trx, id);
    const at = isoNow(clock);
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
    await updateContractRow(trx, id, {
      ...columnsOf(input, account.name),
      owner_id: ownerId ?? before.ownerId,
      updated_at: at,
      updated_by: actorId,
    });
    await writeLines(trx, id, lines);
    await refreshContract(trx, id);
    let after = await mustGetContract(trx, id);
    // An approval covers the prices it was asked for: changed below-floor lines need a new one.
    const below = belowFloorLines(after);
    const stale = after.approvals.filter(
      (a) => (a.state === 'pending' || a.state === 'approved') && !sameLines(a.lines, below),
    );
    if (stale.length > 0) {
      await supersedeApprovals(
        trx,
        stale.map((a) => a.id),
      );
      await updateContractRow(trx, id, { status: 'draft' });
      after = await mustGetContract(trx, id);
    }
    await auditContract(trx, clock, actorId, id, {
      action: 'contract.update',
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}
