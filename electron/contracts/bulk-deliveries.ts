/**
 * Deliveries and invoices in bulk. The pasted rows are judged one by one (VIN check character,
 * repeated in the paste, already delivered, more than the line or the unit can take; for invoices
 * the VIN, number, date and amount) and the verdicts returned; a batch with any problem is refused
 * whole. A clean batch is saved in one transaction through the single-vehicle workflows (deliver,
 * addInvoice), so every rule of theirs holds for each row and one failure undoes the batch.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import { chinaDate } from '../../shared/dates';
import { AppError } from '../../shared/result';
import type {
  BulkDeliveryInput,
  BulkDeliveryResult,
  BulkInvoiceInput,
  BulkInvoiceResult,
  DeliveryRowVerdict,
  InvoiceRowVerdict,
  RowIssue,
} from '../../shared/schemas/bulk-deliveries';
import type { ContractDetail } from '../../shared/schemas/contracts';
import { parseDateText } from '../../shared/values/date';
import { parseMoneyToFen } from '../../shared/values/money';
import { normalizeVin, vinCheckCharacter, vinProblem } from '../../shared/vin';
import type { Database } from '../db/schema';
import { writeTx } from '../db/tx';
import { accountFollowsDeliveries } from './account-effects';
import { deliver, guardDeliveryTarget } from './deliveries';
import { addInvoice } from './invoices';
import { mustGetContract } from './record';
import { contractNumbersOfVins, takenInvoiceNumbers } from './repository/deliveries';

const issue = (code: string, params: RowIssue['params'] = {}): RowIssue => ({ code, params });

function refuse(rows: { problems: RowIssue[] }[]): never {
  const bad = rows.filter((r) => r.problems.length > 0);
  throw new AppError('VALIDATION', `${bad.length} of ${rows.length} rows cannot be saved`, {
    kind: 'bulk.rows_invalid',
    rows: bad,
  });
}

async function judgeDeliveries(
  trx: Kysely<Database>,
  clock: Clock,
  c: ContractDetail,
  input: BulkDeliveryInput,
): Promise<{ rows: DeliveryRowVerdict[]; remaining: number }> {
  const { line, allocation } = guardDeliveryTarget(clock, c, input);
  const remaining = Math.max(
    0,
    Math.min(
      line.quantity - line.delivered,
      allocation ? allocation.quantity - allocation.delivered : Infinity,
    ),
  );
  const vins = input.rows.map((r) => normalizeVin(r.vin));
  const taken = await contractNumbersOfVins(trx, vins);
  const firstRow = new Map<string, number>();
  let accepted = 0;
  const rows = input.rows.map((r, i): DeliveryRowVerdict => {
    const vin = vins[i]!;
    const problems: RowIssue[] = [];
    const warnings: RowIssue[] = [];
    const problem = vin ? vinProblem(vin) : null;
    if (!vin) problems.push(issue('vin.missing'));
    else if (problem === 'length') problems.push(issue('vin.length', { length: vin.length }));
    else if (problem === 'check_digit') {
      const expected = vinCheckCharacter(vin);
      if (r.acceptCheckDigit) warnings.push(issue('vin.check_digit_accepted', { expected }));
      else problems.push(issue('vin.check_digit', { expected, actual: vin[8] ?? '' }));
    } else if (problem) problems.push(issue(`vin.${problem}`));
    const first = vin ? firstRow.get(vin) : undefined;
    if (first !== undefined) problems.push(issue('bulk.duplicate', { firstRow: first }));
    else if (vin) firstRow.set(vin, i + 1);
    const contractNo = taken.get(vin);
    if (contractNo !== undefined) problems.push(issue('vin.taken', { contractNo }));
    // Rows that could be saved use up what the line (and unit) can still take, in paste order.
    if (problems.length === 0) {
      if (accepted >= remaining)
        problems.push(
          issue(allocation ? 'delivery.exceeds_allocation' : 'delivery.exceeds_contract', {
            remaining,
          }),
        );
      else accepted++;
    }
    return { row: i + 1, vin, problems, warnings };
  });
  return { rows, remaining };
}

/**
 * Judges pasted VINs for one line (and unit) of a final contract; unless `dryRun`, saves them all
 * as delivered on one day, or none.
 */
export async function addDeliveries(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: BulkDeliveryInput,
): Promise<BulkDeliveryResult> {
  if (input.dryRun) {
    const c = await mustGetContract(db, input.contractId);
    return { ...(await judgeDeliveries(db, clock, c, input)), saved: false, contract: null };
  }
  return writeTx(db, async (trx) => {
    const c = await mustGetContract(trx, input.contractId);
    const judged = await judgeDeliveries(trx, clock, c, input);
    if (judged.rows.some((r) => r.problems.length > 0)) refuse(judged.rows);
    let detail = c;
    for (const [i, r] of judged.rows.entries())
      detail = await deliver(
        trx,
        clock,
        actorId,
        {
          contractId: c.id,
          lineId: input.lineId,
          allocationId: input.allocationId,
          vin: r.vin,
          plate: null,
          registrationOwner: input.registrationOwner,
          deliveredOn: input.deliveredOn,
          acceptCheckDigit: input.rows[i]!.acceptCheckDigit,
        },
        { followAccounts: false },
      );
    // The accounts follow the batch once: one history entry per account, not one per vehicle.
    await accountFollowsDeliveries(
      trx,
      clock,
      actorId,
      detail,
      judged.rows.map((r) => ({
        vin: r.vin,
        lineId: input.lineId,
        allocationId: input.allocationId,
        deliveredOn: input.deliveredOn,
      })),
    );
    return { ...judged, saved: true, contract: await mustGetContract(trx, c.id) };
  });
}

/** Who an invoice names when the row does not say: the registration owner, the unit, the party. */
function defaultBuyer(c: ContractDetail, d: ContractDetail['deliveries'][number]): string {
  return d.registrationOwner ?? d.unitName ?? c.partyName;
}

async function judgeInvoices(
  trx: Kysely<Database>,
  clock: Clock,
  c: ContractDetail,
  input: BulkInvoiceInput,
): Promise<InvoiceRowVerdict[]> {
  if (c.status !== 'final')
    throw new AppError('POLICY', `contract ${c.number} is not final`, {
      kind: 'invoice.contract_not_final',
    });
  const numbers = input.rows.map((r) => r.number.normalize('NFKC').replace(/\s+/g, ''));
  const takenNumbers = await takenInvoiceNumbers(trx, [...new Set(numbers.filter(Boolean)), '']);
  const today = chinaDate(clock.now());
  const firstVin = new Map<string, number>();
  const firstNumber = new Map<string, number>();
  let total = c.invoicedFen;
  return input.rows.map((r, i): InvoiceRowVerdict => {
    const problems: RowIssue[] = [];
    const vin = normalizeVin(r.vin);
    const number = numbers[i]!;
    const delivery = c.deliveries.find((d) => d.vin === vin);
    if (!vin) problems.push(issue('vin.missing'));
    else if (firstVin.has(vin))
      problems.push(issue('bulk.duplicate', { firstRow: firstVin.get(vin)! }));
    else {
      firstVin.set(vin, i + 1);
      if (!delivery) problems.push(issue('invoice.vin_not_delivered'));
      else if (delivery.invoiceNo !== null)
        problems.push(issue('invoice.vin_invoiced', { invoiceNo: delivery.invoiceNo }));
    }
    if (!number) problems.push(issue('invoice.number_missing'));
    else if (number.length > 40) problems.push(issue('invoice.number_too_long'));
    else if (firstNumber.has(number))
      problems.push(issue('bulk.number_duplicate', { firstRow: firstNumber.get(number)! }));
    else {
      firstNumber.set(number, i + 1);
      if (takenNumbers.has(number)) problems.push(issue('invoice.number_taken', { number }));
    }
    const issuedOn = parseDateText(r.issuedOn);
    if (issuedOn === null) problems.push(issue('invoice.date_invalid', { text: r.issuedOn }));
    else if (issuedOn > today) problems.push(issue('invoice.date_future', { date: issuedOn }));
    const parsed = parseMoneyToFen(r.amount, input.amountUnit);
    const amountFen = parsed !== null && parsed > 0 ? parsed : null;
    if (amountFen === null) problems.push(issue('invoice.amount_invalid', { text: r.amount }));
    // Rows that could be saved add up, in paste order, against the contract's total.
    else if (problems.length === 0) {
      if (total + amountFen > c.totalFen)
        problems.push(issue('invoice.exceeds_contract', { totalFen: c.totalFen }));
      else total += amountFen;
    }
    return {
      row: i + 1,
      vin,
      number,
      issuedOn,
      amountFen,
      buyerName: r.buyerName ?? (delivery ? defaultBuyer(c, delivery) : c.partyName),
      problems,
    };
  });
}

/**
 * Judges one invoice per delivered vehicle (机动车销售统一发票: number, date, amount per VIN);
 * unless `dryRun`, records them all, or none.
 */
export async function addInvoices(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  input: BulkInvoiceInput,
): Promise<BulkInvoiceResult> {
  if (input.dryRun) {
    const c = await mustGetContract(db, input.contractId);
    return { rows: await judgeInvoices(db, clock, c, input), saved: false, contract: null };
  }
  return writeTx(db, async (trx) => {
    const c = await mustGetContract(trx, input.contractId);
    const rows = await judgeInvoices(trx, clock, c, input);
    if (rows.some((r) => r.problems.length > 0)) refuse(rows);
    for (const r of rows) {
      const d = c.deliveries.find((x) => x.vin === r.vin)!;
      await addInvoice(trx, clock, actorId, {
        contractId: c.id,
        allocationId: d.allocationId,
        number: r.number,
        issuedOn: r.issuedOn!,
        buyerName: r.buyerName,
        amountFen: r.amountFen!,
        deliveryIds: [d.id],
      });
    }
    return { rows, saved: true, contract: await mustGetContract(trx, c.id) };
  });
}
