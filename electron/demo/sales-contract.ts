/**
 * The demo's contracts: a signed contract for an opportunity (after a won tender, or signed
 * directly), with its price approval, allocations to a system buyer's units, deliveries, invoices
 * (most of them paid), and follow-ups, and the opportunity closed as won once all is delivered — through the contracts'
 * workflows.
 */
import { addDays } from '../../shared/dates';
import { applyStage } from '../opportunities/service';
import { allocate } from '../contracts/allocations';
import { decideApproval, requestApproval } from '../contracts/approvals';
import { deliver } from '../contracts/deliveries';
import { createContract } from '../contracts/drafting';
import { completeFollowUp } from '../contracts/follow-ups';
import { addInvoice } from '../contracts/invoices';
import { finalizeContract } from '../contracts/lifecycle';
import { FOLLOW_UP_OUTCOMES, vinFor } from './sales-catalogue';
import { payDemoInvoice } from './sales-payments';
import type { DemoAccount, SalesSeed } from './sales-context';

export async function seedContract(
  s: SalesSeed,
  tenderId: number | null,
  opportunityId: number,
  a: DemoAccount,
  owner: number,
  signedOffset: number,
): Promise<void> {
  const { trx, clock, r, input, today, day, summary, prices, subordinatesOf } = s;
  const signedOn = day(Math.min(signedOffset, -1));
  const opp = await trx
    .selectFrom('opportunity_lines')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .execute();
  const units = subordinatesOf.get(a.id) ?? [];
  const system = a.buyerType === 'system' && units.length > 0;
  const lines = opp.map((l) => {
    const price =
      prices.find((p) => p.model === l.model && p.configuration === l.configuration) ?? prices[0]!;
    // Most prices sit between floor and retail; one contract in six goes below the floor.
    const unit = r.chance(0.17)
      ? price.floorFen - r.int(1, 5) * 100_000
      : r.int(price.floorFen / 100, price.retailFen / 100) * 100;
    return { priceId: price.id, quantity: l.quantity, unitPriceFen: Math.max(unit, 100) };
  });
  const contract = await createContract(trx, clock, owner, {
    number: `HT${signedOn.slice(0, 4)}-${String(s.serial.contract++).padStart(4, '0')}`,
    kind: system ? 'system' : 'standard',
    accountId: a.id,
    partyName: a.name,
    opportunityId,
    tenderId,
    signedOn,
    deliveryDueOn: addDays(signedOn, r.int(30, 75)),
    lines,
    notes: null,
  });
  summary.contracts++;
  if (contract.belowFloor > 0) {
    const asked = await requestApproval(
      trx,
      clock,
      owner,
      contract.id,
      '年度重点客户，批量采购，竞品报价较低',
    );
    // The one manager cannot approve a price they set themselves: theirs stay waiting.
    if (r.chance(0.6) && input.managerId !== owner)
      await decideApproval(
        trx,
        clock,
        { id: input.managerId, role: 'manager' },
        asked.approvals[0]!.id,
        true,
        '同意，按批量价格执行',
      );
    else return; // Left waiting for a manager: the approval queue has work in it.
  }
  let detail = await finalizeContract(trx, clock, owner, contract.id);
  if (system)
    for (const line of detail.lines) {
      let left = line.quantity;
      for (const [i, unitId] of units.slice(0, 3).entries()) {
        const share =
          i === Math.min(units.length, 3) - 1
            ? left
            : Math.ceil(line.quantity / Math.min(units.length, 3));
        const quantity = Math.min(share, left);
        if (quantity <= 0) break;
        detail = await allocate(trx, clock, owner, {
          contractId: contract.id,
          unitId,
          lineId: line.id,
          quantity,
        });
        left -= quantity;
      }
    }
  // Deliveries well after signing have happened; the rest are still to come.
  const deliveredOn = addDays(signedOn, r.int(7, 40));
  if (deliveredOn > today) return;
  const unitNames = new Map(input.accounts.map((x) => [x.id, x.name]));
  const targets = system
    ? detail.allocations.map((x) => ({
        lineId: x.lineId,
        allocationId: x.id,
        count: x.quantity,
        owner: unitNames.get(x.unit.id) ?? a.name,
      }))
    : detail.lines.map((l) => ({
        lineId: l.id,
        allocationId: null,
        count: l.quantity,
        owner: a.name,
      }));
  for (const t of targets) {
    const count = r.chance(0.7) ? t.count : Math.ceil(t.count / 2);
    for (let k = 0; k < count; k++) {
      detail = await deliver(trx, clock, owner, {
        contractId: contract.id,
        lineId: t.lineId,
        allocationId: t.allocationId,
        vin: vinFor(s.serial.vin++),
        plate: null,
        registrationOwner: t.owner,
        deliveredOn,
        acceptCheckDigit: false,
      });
      summary.deliveries++;
    }
    const delivered = detail.deliveries.filter(
      (d) => d.allocationId === t.allocationId && d.lineId === t.lineId && d.invoiceId === null,
    );
    const line = detail.lines.find((l) => l.id === t.lineId)!;
    const serial = s.serial.invoice++;
    const issuedOn = addDays(deliveredOn, 1) > today ? today : addDays(deliveredOn, 1);
    detail = await addInvoice(trx, clock, owner, {
      contractId: contract.id,
      allocationId: t.allocationId,
      number: String(serial),
      issuedOn,
      buyerName: t.owner,
      amountFen: delivered.length * line.unitPriceFen,
      deliveryIds: delivered.map((d) => d.id),
    });
    const invoice = detail.invoices.find((i) => i.number === String(serial))!;
    await payDemoInvoice(s, owner, contract.id, { ...invoice, serial });
  }
  // Follow-ups already due were mostly made.
  for (const f of detail.followUps)
    if (f.dueOn < today && r.chance(0.85))
      await completeFollowUp(trx, clock, owner, f.id, r.pick(FOLLOW_UP_OUTCOMES));
  // Fully delivered and invoiced: most of these deals are closed as won with their contract.
  const after = await trx
    .selectFrom('contracts')
    .select(['quantity', 'delivered'])
    .where('id', '=', contract.id)
    .executeTakeFirstOrThrow();
  if (after.delivered >= after.quantity && r.chance(0.8))
    await applyStage(
      trx,
      owner,
      opportunityId,
      'won',
      'manual',
      { contractId: contract.id },
      null,
      clock,
    );
}
