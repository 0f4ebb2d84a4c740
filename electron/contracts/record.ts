/**
 * The contract record every workflow shares: loading the card with what still stands between it
 * and "final", the guards and the audit snapshot the workflows have in common, and refreshing the
 * cached totals and the delivery deadline after a write.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../../shared/clock';
import { AppError, type ErrorKind, fieldIssue } from '../../shared/result';
import type { ContractDetail } from '../../shared/schemas/contracts';
import { type AuditEntry, entityAudit } from '../audit/entity-audit';
import { syncDeadlines } from '../calendar/deadlines';
import type { Database, DeliveriesTable } from '../db/schema';
import { refreshTotals, tenderWonByUs } from './repository/contracts';
import { getDelivery } from './repository/deliveries';
import { type ApprovedLine, getContractDetail } from './repository/views';
import { mustExist } from '../db/must-exist';
import { refreshAccountFacts } from '../value/facts';
import { receivableDeadline } from '../payments/receivable-deadline';

/** A field issue whose code is also the error's `details.kind`. */
export const field = (path: string, code: ErrorKind) => ({ ...fieldIssue(path, code), kind: code });

/** The below-floor lines as an approval covers them, in a stable order. */
export function belowFloorLines(d: Pick<ContractDetail, 'lines'>): ApprovedLine[] {
  return d.lines
    .filter((l) => l.belowFloor)
    .map((l) => ({
      model: l.model,
      quantity: l.quantity,
      unitPriceFen: l.unitPriceFen,
      floorFen: l.floorFen,
    }));
}

export const sameLines = (a: ApprovedLine[], b: ApprovedLine[]) =>
  JSON.stringify(a) === JSON.stringify(b);

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
  const detail = mustExist(await getContractDetail(db, id), 'contract', id);
  return { ...detail, finalBlockers: await finalBlockers(db, detail) };
}

export async function mustGetDelivery(
  trx: Kysely<Database>,
  id: number,
): Promise<Selectable<DeliveriesTable>> {
  return mustExist(await getDelivery(trx, id), 'delivery', id);
}

/** A final or cancelled contract can no longer be changed. */
export function guardEditable(before: ContractDetail): void {
  if (before.status === 'final' || before.status === 'cancelled')
    throw new AppError(
      'POLICY',
      `contract ${before.number} is ${before.status}; it can no longer be changed`,
      { kind: `contract.${before.status}` },
    );
}

/**
 * Totals and the contract's deadlines: delivery due (done once everything is delivered) and the
 * receivable falling due (payments/receivable-deadline.ts).
 */
export async function refreshContract(trx: Kysely<Database>, id: number): Promise<void> {
  const c = await refreshTotals(trx, id);
  // Revenue, units, purchases and cancellations follow the contract's status and totals.
  await refreshAccountFacts(trx, [c.account_id]);
  await syncDeadlines(trx, 'contract', id, [
    await receivableDeadline(trx, c),
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

/** A contract's audit entry. */
export const auditContract = entityAudit('contract');

/**
 * The end of a write to a contract or what hangs on it (deliveries, invoices, cancelling): its
 * totals and deadline refreshed, the contract's audit entry, and the card as it now stands.
 */
export async function closeContractChange(
  trx: Kysely<Database>,
  clock: Clock,
  actorId: number,
  id: number,
  entry: AuditEntry,
): Promise<ContractDetail> {
  await refreshContract(trx, id);
  await auditContract(trx, clock, actorId, id, entry);
  return mustGetContract(trx, id);
}

/** The contract as the audit log records it before and after a change. */
export function snapshot(d: ContractDetail) {
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
