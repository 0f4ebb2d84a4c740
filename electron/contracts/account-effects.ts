/** What a contract's events do to its accounts (lifecycle and fleet): see accounts/deal-effects. */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import type { ContractDetail } from '../../shared/schemas/contracts';
import { type FleetVehicle, fleetFollowsDeliveries, followDeal } from '../accounts/deal-effects';
import type { Database } from '../db/schema';

/** A final contract moves its buyer to 成交 (won). */
export async function accountFollowsFinalContract(
  trx: Kysely<Database>,
  clock: Clock,
  actorId: number,
  c: Pick<ContractDetail, 'id' | 'number' | 'accountId'>,
  finalizedAt: string,
): Promise<void> {
  await followDeal(
    trx,
    clock,
    actorId,
    c.accountId,
    'won',
    { at: finalizedAt },
    { kind: 'contract.final', contractId: c.id, contractNo: c.number },
  );
}

interface DeliveredVehicle {
  vin: string;
  lineId: number;
  allocationId: number | null;
  deliveredOn: string;
}

function vehiclesOf(c: ContractDetail, items: DeliveredVehicle[]): FleetVehicle[] {
  return items.map((d) => ({
    accountId: c.allocations.find((x) => x.id === d.allocationId)?.unit.id ?? c.accountId,
    model: c.lines.find((l) => l.id === d.lineId)?.model ?? '',
    vin: d.vin,
    deliveredOn: d.deliveredOn,
  }));
}

/**
 * Delivered vehicles move the buyer (and a system contract's receiving units) to 保有 (retained)
 * and add to the receiving organisation's fleet.
 */
export async function accountFollowsDeliveries(
  trx: Kysely<Database>,
  clock: Clock,
  actorId: number,
  c: ContractDetail,
  items: DeliveredVehicle[],
): Promise<void> {
  if (items.length === 0) return;
  const vehicles = vehiclesOf(c, items);
  const cause = (vins: string[], deliveredOn: string) => ({
    kind: 'delivery' as const,
    contractId: c.id,
    contractNo: c.number,
    vins,
    deliveredOn,
  });
  const receivers = [c.accountId, ...vehicles.map((v) => v.accountId)];
  for (const accountId of new Set(receivers)) {
    const own = vehicles.filter((v) => accountId === c.accountId || v.accountId === accountId);
    const first = own.reduce((a, b) => (b.deliveredOn < a.deliveredOn ? b : a));
    await followDeal(
      trx,
      clock,
      actorId,
      accountId,
      'retained',
      { on: first.deliveredOn },
      cause(
        own.map((v) => v.vin),
        first.deliveredOn,
      ),
    );
  }
  const earliest = vehicles.reduce((a, b) => (b.deliveredOn < a.deliveredOn ? b : a)).deliveredOn;
  await fleetFollowsDeliveries(trx, clock, actorId, vehicles, (vins) => cause(vins, earliest));
}

/** A removed delivery takes its vehicle back off the receiving organisation's fleet. */
export async function fleetLosesDelivery(
  trx: Kysely<Database>,
  clock: Clock,
  actorId: number,
  c: ContractDetail,
  item: DeliveredVehicle,
): Promise<void> {
  await fleetFollowsDeliveries(
    trx,
    clock,
    actorId,
    vehiclesOf(c, [item]),
    (vins) => ({
      kind: 'delivery.removed',
      contractId: c.id,
      contractNo: c.number,
      vins,
      deliveredOn: item.deliveredOn,
    }),
    -1,
  );
}
