/**
 * The cross-document consistency checks of an incentive filing, as a pure function of the facts
 * the filing service gathers: the policy verdict, the evidence checklist, the same organisation on
 * contract, invoices and registrations (a verified subordinate unit for system purchases), VINs
 * and unit counts that agree, and a tender won by us. Registrations (行驶证) are asked of direct
 * buyers and of non-state systems (oil, banks …), not of state organs (police, tax …).
 */
import type { BuyerType, OrgNature } from './enums';
import type { Verdict } from './eligibility';
import {
  type CheckProblem,
  type DocumentKind,
  type FilingCheck,
  checklistFor,
} from './filing-enums';
import { legalNameKey } from './text';

interface FilingVehicleFacts {
  vin: string;
  /** The subordinate unit the vehicle was allocated to (system purchases). */
  unit: { name: string; aliases: string[]; subordinate: boolean } | null;
  invoice: { number: string; buyerName: string } | null;
  registrationOwner: string | null;
}

export interface FilingFacts {
  buyerType: BuyerType;
  /** The buying organisation's nature: a state organ's system purchase needs no registrations. */
  orgNature: OrgNature | null;
  /** The account's own name and aliases: the organisation that buys. */
  accountNames: string[];
  partyName: string;
  declaredUnits: number;
  contractUnits: number;
  tender: { projectNo: string; wonByUs: boolean } | null;
  vehicles: FilingVehicleFacts[];
  /** Kinds of the attached documents whose stored copy is intact. */
  documents: DocumentKind[];
  /** Names of attached documents whose stored copy was altered or is missing. */
  damagedDocuments: string[];
  verdict: Verdict;
}

export interface Problem {
  code: CheckProblem;
  subject: string | null;
  expected: string | null;
  actual: string | null;
}

export interface CheckOutcome {
  check: FilingCheck;
  pass: boolean | null;
  facts: Record<string, string | number | boolean | null>;
  problems: Problem[];
}

const problem = (
  code: CheckProblem,
  subject: string | null,
  expected: string | null = null,
  actual: string | null = null,
): Problem => ({ code, subject, expected, actual });

const outcome = (
  check: FilingCheck,
  applies: boolean,
  problems: Problem[],
  facts: CheckOutcome['facts'] = {},
): CheckOutcome =>
  // A check that does not apply to this sale finds nothing, whatever the facts would say.
  applies
    ? { check, pass: problems.length === 0, facts, problems }
    : { check, pass: null, facts, problems: [] };

/** The names a vehicle's paperwork must carry: its unit's (system) or the buying organisation's. */
function expectedNames(
  f: FilingFacts,
  v: FilingVehicleFacts,
): { names: Set<string>; shown: string } {
  if (f.buyerType === 'system' && v.unit)
    return {
      names: new Set([v.unit.name, ...v.unit.aliases].map(legalNameKey)),
      shown: v.unit.name,
    };
  const names = new Set(f.accountNames.map(legalNameKey));
  // A procurement centre signs for a government purchaser: either name is the buyer's.
  if (f.buyerType === 'government') names.add(legalNameKey(f.partyName));
  return { names, shown: f.partyName };
}

function eligibilityCheck(f: FilingFacts): CheckOutcome {
  const failed = f.verdict.rules.filter((r) => r.pass === false);
  return outcome(
    'eligibility',
    true,
    f.verdict.eligible ? [] : failed.map((r) => problem('rule_failed', r.rule)),
  );
}

function evidenceCheck(f: FilingFacts): CheckOutcome {
  const required = checklistFor(f.buyerType, f.tender !== null, f.orgNature === 'organ');
  const missing = required.filter((k) => !f.documents.includes(k));
  return outcome(
    'evidence',
    true,
    [
      ...missing.map((k) => problem('document_missing', k)),
      ...f.damagedDocuments.map((n) => problem('document_altered', n)),
    ],
    { required: required.length, present: required.length - missing.length },
  );
}

function partyChecks(f: FilingFacts): CheckOutcome[] {
  const invoiceProblems: Problem[] = [];
  const registrationProblems: Problem[] = [];
  // Direct buyers: the contract party itself must be the account's organisation.
  if (
    f.buyerType === 'direct' &&
    !f.accountNames.map(legalNameKey).includes(legalNameKey(f.partyName))
  )
    invoiceProblems.push(
      problem('name_mismatch', 'contract', f.accountNames[0] ?? null, f.partyName),
    );
  const seenInvoices = new Set<string>();
  for (const v of f.vehicles) {
    const { names, shown } = expectedNames(f, v);
    if (v.invoice && !seenInvoices.has(v.invoice.number)) {
      seenInvoices.add(v.invoice.number);
      if (!names.has(legalNameKey(v.invoice.buyerName)))
        invoiceProblems.push(
          problem('name_mismatch', v.invoice.number, shown, v.invoice.buyerName),
        );
    }
    if (v.registrationOwner && !names.has(legalNameKey(v.registrationOwner)))
      registrationProblems.push(problem('name_mismatch', v.vin, shown, v.registrationOwner));
  }
  return [
    outcome('invoice_buyer', true, invoiceProblems, { party: f.partyName }),
    outcome('registration_owner', needsRegistration(f), registrationProblems, {
      party: f.partyName,
    }),
  ];
}

/** Government purchases and state organs' system purchases are not proven by registrations. */
function needsRegistration(f: FilingFacts): boolean {
  if (f.buyerType === 'government') return false;
  if (f.buyerType === 'system') return f.orgNature !== 'organ';
  return true;
}

function subordinateCheck(f: FilingFacts): CheckOutcome {
  const problems: Problem[] = [];
  const flagged = new Set<string>();
  for (const v of f.vehicles) {
    if (!v.unit) problems.push(problem('not_allocated', v.vin));
    else if (!v.unit.subordinate && !flagged.has(v.unit.name)) {
      flagged.add(v.unit.name);
      problems.push(problem('not_subordinate', v.unit.name, f.partyName));
    }
  }
  return outcome('subordinate', f.buyerType === 'system', problems);
}

function vinCheck(f: FilingFacts): CheckOutcome {
  const problems: Problem[] = [];
  for (const v of f.vehicles) {
    if (!v.invoice) problems.push(problem('no_invoice', v.vin));
    if (needsRegistration(f) && !v.registrationOwner)
      problems.push(problem('no_registration', v.vin));
  }
  return outcome('vins', true, problems, { vehicles: f.vehicles.length });
}

function unitsCheck(f: FilingFacts): CheckOutcome {
  const delivered = f.vehicles.length;
  const invoiced = f.vehicles.filter((v) => v.invoice).length;
  const registered = f.vehicles.filter((v) => v.registrationOwner).length;
  const declared = String(f.declaredUnits);
  const problems: Problem[] = [];
  if (f.declaredUnits > f.contractUnits)
    problems.push(problem('count_mismatch', 'contract', String(f.contractUnits), declared));
  if (delivered !== f.declaredUnits)
    problems.push(problem('count_mismatch', 'delivered', declared, String(delivered)));
  if (invoiced !== f.declaredUnits)
    problems.push(problem('count_mismatch', 'invoiced', declared, String(invoiced)));
  if (needsRegistration(f) && registered !== f.declaredUnits)
    problems.push(problem('count_mismatch', 'registered', declared, String(registered)));
  return outcome('units', true, problems, {
    declared: f.declaredUnits,
    contract: f.contractUnits,
    delivered,
    invoiced,
    registered: needsRegistration(f) ? registered : null,
  });
}

function tenderCheck(f: FilingFacts): CheckOutcome {
  return outcome(
    'tender_winner',
    f.tender !== null,
    f.tender && !f.tender.wonByUs ? [problem('tender_not_won', f.tender.projectNo)] : [],
    { tender: f.tender?.projectNo ?? null },
  );
}

export function runFilingChecks(f: FilingFacts): CheckOutcome[] {
  return [
    eligibilityCheck(f),
    evidenceCheck(f),
    ...partyChecks(f),
    subordinateCheck(f),
    vinCheck(f),
    unitsCheck(f),
    tenderCheck(f),
  ];
}

export const failedChecks = (checks: CheckOutcome[]): FilingCheck[] =>
  checks.filter((c) => c.pass === false).map((c) => c.check);
