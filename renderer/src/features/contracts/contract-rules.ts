/** What the UI derives from a contract's state: what may be done next, and what is late. */
import type {
  ContractDetail,
  ContractLine,
  ContractRow,
} from '../../../../shared/schemas/contracts';

/** Drafts (awaiting approval or not) can still be changed; final and cancelled ones cannot. */
export function isEditable(c: Pick<ContractRow, 'status'>): boolean {
  return c.status === 'draft' || c.status === 'pending_approval';
}

/** A final contract past its delivery date with vehicles still to deliver. */
export function deliveryOverdue(
  c: Pick<ContractRow, 'status' | 'deliveryDueOn' | 'delivered' | 'quantity'>,
  today: string,
): boolean {
  return (
    c.status === 'final' &&
    c.deliveryDueOn !== null &&
    c.deliveryDueOn < today &&
    c.delivered < c.quantity
  );
}

/** The unit name a delivery or invoice of an allocation goes to, else the contract's party. */
export function partyOf(c: ContractDetail, allocationId: number | null): string {
  if (allocationId === null) return c.partyName;
  return c.allocations.find((x) => x.id === allocationId)?.unit.name ?? c.partyName;
}

export function lineLabel(line: Pick<ContractLine, 'model' | 'configuration'>): string {
  return line.configuration ? `${line.model} ${line.configuration}` : line.model;
}
