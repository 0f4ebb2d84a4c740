/**
 * Gathers what a filing is judged on from the contract and the registry: the sale facts for the
 * policy (with the organisation's earlier batches from our own deal history), every delivered
 * vehicle with its invoice, registration and unit, and the attached evidence. The judging itself
 * is pure (shared/eligibility.ts, shared/filing-checks.ts).
 */
import type { Clock } from '../../shared/clock';
import type { Kysely } from 'kysely';
import { chinaDate } from '../../shared/dates';
import { type PolicySettings, type Verdict, judgeEligibility } from '../../shared/eligibility';
import type { BuyerType, OrgNature } from '../../shared/enums';
import { checklistFor, type DocumentKind } from '../../shared/filing-enums';
import { type CheckOutcome, runFilingChecks } from '../../shared/filing-checks';
import type { ContractDetail } from '../../shared/schemas/contracts';
import type { StoredDocument } from '../../shared/schemas/documents';
import type { FilingVehicle } from '../../shared/schemas/filings';
import { ancestorIds } from '../accounts/repository';
import { mustGetContract } from '../contracts/record';
import { tenderWonByUs } from '../contracts/repository/contracts';
import type { Database } from '../db/schema';
import { listDocuments } from '../documents/service';

export interface Judgement {
  contract: ContractDetail;
  uscc: string | null;
  buyerType: BuyerType;
  orgNature: OrgNature | null;
  orgNatureConfirmed: boolean;
  verdict: Verdict;
  checks: CheckOutcome[];
  vehicles: FilingVehicle[];
  documents: StoredDocument[];
  checklist: { kind: DocumentKind; required: boolean; documents: StoredDocument[] }[];
}

async function namesOf(db: Kysely<Database>, accountIds: number[]) {
  if (accountIds.length === 0) return new Map<number, { name: string; aliases: string[] }>();
  const [accounts, aliases] = await Promise.all([
    db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', accountIds).execute(),
    db
      .selectFrom('account_aliases')
      .select(['account_id', 'alias'])
      .where('account_id', 'in', accountIds)
      .execute(),
  ]);
  return new Map(
    accounts.map((a) => [
      a.id,
      { name: a.name, aliases: aliases.filter((x) => x.account_id === a.id).map((x) => x.alias) },
    ]),
  );
}

/** The organisation's other final purchases with us: the batches the annual-batch rule looks at. */
async function earlierBatches(db: Kysely<Database>, contract: ContractDetail) {
  const rows = await db
    .selectFrom('contracts')
    .select(['number', 'signed_on', 'quantity'])
    .where('account_id', '=', contract.accountId)
    .where('status', '=', 'final')
    .where('id', '!=', contract.id)
    .where('signed_on', 'is not', null)
    .execute();
  return rows.map((r) => ({ purchasedOn: r.signed_on!, units: r.quantity, reference: r.number }));
}

export async function judgeFiling(
  db: Kysely<Database>,
  clock: Clock,
  dataDir: string,
  filing: { id: number; contract_id: number; units: number },
  policy: PolicySettings,
): Promise<Judgement> {
  const contract = await mustGetContract(db, filing.contract_id);
  const account = await db
    .selectFrom('accounts')
    .select(['buyer_type', 'uscc', 'org_nature', 'org_nature_confirmed'])
    .where('id', '=', contract.accountId)
    .executeTakeFirstOrThrow();
  const buyerType = account.buyer_type;
  const orgNature = account.org_nature;
  const orgNatureConfirmed = account.org_nature_confirmed === 1;

  const approvedLines = contract.approvals
    .filter((a) => a.state === 'approved')
    .flatMap((a) => a.lines);
  const verdict = judgeEligibility(
    {
      buyerType,
      orgNature,
      orgNatureConfirmed,
      purchasedOn: contract.signedOn ?? chinaDate(clock.now()),
      lines: contract.lines.map((l) => ({
        model: l.model,
        quantity: l.quantity,
        unitPriceFen: l.unitPriceFen,
        retailFen: l.retailFen,
        floorFen: l.floorFen,
        approved: approvedLines.some(
          (a) => a.model === l.model && a.unitPriceFen === l.unitPriceFen,
        ),
      })),
      earlierBatches: await earlierBatches(db, contract),
    },
    policy,
  );

  const unitIds = [...new Set(contract.allocations.map((a) => a.unit.id))];
  const names = await namesOf(db, [contract.accountId, ...unitIds]);
  const subordinate = new Map<number, boolean>();
  for (const unitId of unitIds)
    subordinate.set(unitId, (await ancestorIds(db, unitId)).includes(contract.accountId));
  const allocations = new Map(contract.allocations.map((a) => [a.id, a]));
  const invoices = new Map(contract.invoices.map((i) => [i.id, i]));

  const vehicles: FilingVehicle[] = [];
  const vehicleFacts = contract.deliveries.map((d) => {
    const unitId = d.allocationId !== null ? allocations.get(d.allocationId)?.unit.id : undefined;
    const unit = unitId !== undefined ? names.get(unitId) : undefined;
    const invoice = d.invoiceId !== null ? invoices.get(d.invoiceId) : undefined;
    vehicles.push({
      deliveryId: d.id,
      vin: d.vin,
      model: d.model,
      unitName: unit?.name ?? null,
      deliveredOn: d.deliveredOn,
      invoiceNo: invoice?.number ?? null,
      invoiceDate: invoice?.issuedOn ?? null,
      invoiceBuyer: invoice?.buyerName ?? null,
      registrationOwner: d.registrationOwner,
      plate: d.plate,
    });
    return {
      vin: d.vin,
      unit:
        unit && unitId !== undefined
          ? { ...unit, subordinate: subordinate.get(unitId) ?? false }
          : null,
      invoice: invoice ? { number: invoice.number, buyerName: invoice.buyerName } : null,
      registrationOwner: d.registrationOwner,
    };
  });

  const documents = await listDocuments(db, dataDir, 'filing', filing.id);
  const own = names.get(contract.accountId)!;
  const tender = contract.tender
    ? { projectNo: contract.tender.projectNo, wonByUs: await tenderWonByUs(db, contract.tender.id) }
    : null;
  const checks = runFilingChecks({
    buyerType,
    orgNature,
    accountNames: [own.name, ...own.aliases],
    partyName: contract.partyName,
    declaredUnits: filing.units,
    contractUnits: contract.quantity,
    tender,
    vehicles: vehicleFacts,
    documents: documents.filter((d) => d.state === 'intact').map((d) => d.kind),
    damagedDocuments: documents.filter((d) => d.state !== 'intact').map((d) => d.fileName),
    verdict,
  });

  const required = checklistFor(buyerType, tender !== null, orgNature === 'organ');
  const extra = [...new Set(documents.map((d) => d.kind))].filter((k) => !required.includes(k));
  const checklist = [
    ...required.map((kind) => ({ kind, required: true })),
    ...extra.map((kind) => ({ kind, required: false })),
  ].map((c) => ({ ...c, documents: documents.filter((d) => d.kind === c.kind) }));

  return {
    contract,
    uscc: account.uscc,
    buyerType,
    orgNature,
    orgNatureConfirmed,
    verdict,
    checks,
    vehicles,
    documents,
    checklist,
  };
}
