/** Sales records for tests: VINs with their check character, final contracts, deliveries, invoices. */
import fs from 'node:fs';
import path from 'node:path';
import { stageCopy } from '../../electron/imports/staging';
import type { Output } from '../../shared/api';
import { addDays, chinaDate } from '../../shared/dates';
import type { DocumentKind } from '../../shared/filing-enums';
import { vinCheckCharacter } from '../../shared/vin';
import type { TestApp } from './app';
import { tempDir } from './db';
import { account, newUscc } from './fixtures';

/** A VIN with its check character computed, from a 16-character stem (position 9 left out). */
export function vin(stem: string): string {
  const draft = `${stem.slice(0, 8)}0${stem.slice(8)}`;
  return `${stem.slice(0, 8)}${vinCheckCharacter(draft)}${stem.slice(8)}`;
}

let serial = 0;
/** `count` distinct valid VINs. */
export function vins(count: number): string[] {
  return Array.from({ length: count }, () => vin(`LSVAU2180N${String(++serial).padStart(6, '0')}`));
}

export async function priceEntry(app: TestApp, model = '帕萨特') {
  return app.value('prices.save', {
    entry: { model, configuration: null, retailFen: 22_000_000, floorFen: 19_000_000 },
  });
}

export async function finalContract(
  app: TestApp,
  opts: {
    accountId: number;
    partyName: string;
    priceId: number;
    quantity: number;
    signedOn: string;
    unitPriceFen?: number;
    tenderId?: number | null;
  },
): Promise<Output<'contracts.get'>> {
  const c = await app.value('contracts.create', {
    number: `HT-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    accountId: opts.accountId,
    partyName: opts.partyName,
    signedOn: opts.signedOn,
    tenderId: opts.tenderId ?? null,
    lines: [
      {
        priceId: opts.priceId,
        quantity: opts.quantity,
        unitPriceFen: opts.unitPriceFen ?? 20_000_000,
      },
    ],
  });
  return app.value('contracts.finalize', { id: c.id });
}

/** Delivers every unit of the contract's first line, registered to `owner` when given. */
export async function deliverAll(
  app: TestApp,
  contract: Output<'contracts.get'>,
  deliveredOn: string,
  owner: string | null,
): Promise<Output<'contracts.get'>> {
  let detail = contract;
  for (const v of vins(contract.lines[0]!.quantity))
    detail = await app.value('contracts.deliver', {
      contractId: contract.id,
      lineId: contract.lines[0]!.id,
      vin: v,
      deliveredOn,
      registrationOwner: owner,
      plate: owner ? '京A·12345' : null,
    });
  return detail;
}

export async function invoiceAll(
  app: TestApp,
  contract: Output<'contracts.get'>,
  buyerName: string,
  issuedOn: string,
): Promise<Output<'contracts.get'>> {
  return app.value('contracts.invoice', {
    contractId: contract.id,
    number: `0${Math.floor(Math.random() * 1e7)}`,
    issuedOn,
    buyerName,
    amountFen: contract.totalFen,
    deliveryIds: contract.deliveries.map((d) => d.id),
  });
}

/** Attaches a small made-up PDF of the given kind as evidence of a filing. */
export async function attachDocument(
  app: TestApp,
  filingId: number,
  kind: DocumentKind,
  content = `${kind} ${Math.random()}`,
) {
  const file = path.join(tempDir('keyfleet-docs-'), `${kind}.pdf`);
  fs.writeFileSync(file, `%PDF-1.4\n${content}\n`);
  const staged = await stageCopy(app.dataDir, file);
  return app.value('documents.attach', {
    fileId: staged.fileId,
    entity: 'filing',
    entityId: filingId,
    kind,
  });
}

/**
 * A government sale of `units` vehicles, delivered, invoiced, proven and submitted today. Several
 * in one test need their own model (one price-list entry each) and buyer.
 */
export async function submittedGovernmentFiling(
  app: TestApp,
  units: number,
  sale: { model?: string; buyer?: string } = {},
) {
  const today = chinaDate();
  const price = await priceEntry(app, sale.model);
  const gov = await app.value('accounts.create', {
    account: account({
      name: sale.buyer ?? '杭州市公安局',
      buyerType: 'government',
      uscc: newUscc('11'),
    }),
  });
  let c = await finalContract(app, {
    accountId: gov.id,
    partyName: '杭州市政府采购中心',
    priceId: price.id,
    quantity: units,
    signedOn: addDays(today, -20),
  });
  c = await deliverAll(app, c, addDays(today, -10), null);
  c = await invoiceAll(app, c, sale.buyer ?? '杭州市公安局', addDays(today, -9));
  const filing = await app.value('filings.create', { contractId: c.id });
  for (const kind of ['procurement_contract', 'procurement_list', 'invoice'] as const)
    await attachDocument(app, filing.id, kind);
  return { contract: c, filing: await app.value('filings.submit', { id: filing.id }) };
}

/** The file an export job wrote, once it is done. */
export async function exportedFile(app: TestApp, jobId: string): Promise<string> {
  const job = await app.deps.jobs.wait(jobId);
  if (job.error) throw new Error(`export failed: ${job.error.message}`);
  const delivery = await app.value('exports.deliver', { jobId });
  if (delivery.kind !== 'download') throw new Error('expected a download');
  return app.files.get(delivery.url.slice('/api/files/'.length))!.path;
}
