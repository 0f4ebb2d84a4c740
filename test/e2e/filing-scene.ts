/**
 * The scene of a filing in browser mode: a final contract delivered and invoiced in full, as the
 * contracts desk recorded it through the HTTP API, and a piece of evidence attached on the card.
 */
import type { Page } from '@playwright/test';
import { addDays, chinaDate } from '../../shared/dates';
import { vins } from '../helpers/sales';
import { expect, type KeyfleetServer } from './fixtures';

interface Ref {
  id: number;
}
export interface ContractRef extends Ref {
  number: string;
  totalFen: number;
  lines: { id: number; quantity: number }[];
  deliveries: { id: number; vin: string }[];
}

const today = () => chinaDate();

/** A final contract, delivered and invoiced in full, as the contracts desk recorded it. */
export async function sale(
  server: KeyfleetServer,
  o: {
    accountId: number;
    partyName: string;
    units: number;
    signedOn: string;
    invoiceBuyer?: string;
    registrationOwner?: string | null;
  },
): Promise<ContractRef> {
  const price = await server.call<Ref>('prices.save', {
    entry: {
      model: `迈腾 ${o.units}`,
      configuration: null,
      retailFen: 19_990_000,
      floorFen: 18_190_000,
    },
  });
  const draft = await server.call<ContractRef>('contracts.create', {
    number: `HT-${o.signedOn}-${o.units}`,
    accountId: o.accountId,
    partyName: o.partyName,
    signedOn: o.signedOn,
    lines: [{ priceId: price.id, quantity: o.units, unitPriceFen: 19_000_000 }],
  });
  let c = await server.call<ContractRef>('contracts.finalize', { id: draft.id });
  const deliveredOn = addDays(o.signedOn, 3) < today() ? addDays(o.signedOn, 3) : today();
  for (const v of vins(o.units))
    c = await server.call<ContractRef>('contracts.deliver', {
      contractId: c.id,
      lineId: c.lines[0]!.id,
      vin: v,
      deliveredOn,
      registrationOwner: o.registrationOwner ?? null,
    });
  return server.call<ContractRef>('contracts.invoice', {
    contractId: c.id,
    number: `0${String(o.units).padStart(7, '5')}`,
    issuedOn: deliveredOn,
    buyerName: o.invoiceBuyer ?? o.partyName,
    amountFen: c.totalFen,
    deliveryIds: c.deliveries.map((d) => d.id),
  });
}

export async function attachEvidence(page: Page, kind: string) {
  await page
    .getByTestId(`attach-${kind}`)
    .locator('input[type=file]')
    .setInputFiles({
      name: `${kind}.pdf`,
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4\n${kind}\n`),
    });
  await expect(page.getByTestId('filing-evidence')).not.toContainText('上传中');
}
