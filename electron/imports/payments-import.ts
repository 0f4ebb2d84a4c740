/**
 * The payment-list import job (worker thread): a bank statement or the finance department's list
 * of payments received (回款明细), one row per payment, matched to a contract by its number
 * (normalised as contracts are unique by) or to an invoice by its number, and recorded through the
 * payments service — the same rules as the 回款 form (a final contract, no over-payment: a file
 * cannot confirm one, so such a row is refused stating the open balance). A row whose bank serial
 * is already recorded for the same contract, day and amount is the same payment: left unchanged
 * and flagged; a serial recorded for another payment is refused.
 */
import { numberKey } from '../../shared/contract-number';
import { enumFromText } from '../../shared/import/enum-text';
import { PAYMENT_METHOD_WORDS, type PaymentImportField } from '../../shared/import/payment-fields';
import { referenceKey } from '../../shared/receivables';
import { AppError } from '../../shared/result';
import type { ImportOutcome, ImportReason } from '../../shared/schemas/imports';
import { PAYMENT_METHODS, type PaymentMethod } from '../../shared/schemas/payments';
import { cleanText } from '../../shared/text';
import { isValidIsoDate, parseDateText } from '../../shared/values/date';
import { moneyUnitOfHeader, parseMoneyToFen } from '../../shared/values/money';
import { onTeam } from '../accounts/account-team';
import { joinTransaction } from '../db/tx';
import { cellAsText, type NormalCell } from '../excel/read/cell-value';
import type { JobContext, JobFunction } from '../jobs/context';
import { insertCheckedPayment } from '../payments/recording';
import { paymentWithReference } from '../payments/repository';
import { choices, reason } from './account-row';
import type { ReportSpool } from './report-writer';
import {
  eachDataRow,
  emptyTally,
  type ImportParams,
  type PassResult,
  runImportJob,
} from './run-import';
import { mappedColumns } from './sheet-rows';
import { paymentContract, paymentInvoice, staffRole } from './payments-lookup';

type Field = PaymentImportField;

interface PaymentFileRow {
  row: number;
  cells: string[];
  receivedOn?: string;
  amountFen?: number;
  contractNo?: string;
  invoiceNo?: string;
  payer?: string;
  reference?: string;
  method: PaymentMethod;
  note?: string;
  reasons: ImportReason[];
}

const MAX_TEXT: Record<'contractNo' | 'invoiceNo' | 'payer' | 'reference' | 'note', number> = {
  contractNo: 60,
  invoiceNo: 40,
  payer: 200,
  reference: 60,
  note: 2000,
};

function parseRow(
  row: number,
  cells: readonly NormalCell[],
  columns: readonly (readonly [number, Field])[],
  headers: readonly string[],
): PaymentFileRow {
  const out: PaymentFileRow = {
    row,
    cells: cells.map(cellAsText),
    method: 'bank_transfer',
    reasons: [],
  };
  for (const [index, field] of columns) {
    const cell = cells[index] ?? { kind: 'empty' };
    if (cell.kind === 'empty') continue;
    const text = cleanText(cellAsText(cell));
    if (!text) continue;
    switch (field) {
      case 'receivedOn': {
        const iso = cell.kind === 'date' ? cell.iso : parseDateText(text);
        if (!iso || !isValidIsoDate(iso)) out.reasons.push(reason('date.invalid', field, text));
        else out.receivedOn = iso;
        break;
      }
      case 'paymentAmount': {
        const fen = parseMoneyToFen(
          cell.kind === 'number' ? cell.value : text,
          moneyUnitOfHeader(headers[index] ?? '') ?? 'yuan',
        );
        if (fen === null || fen <= 0) out.reasons.push(reason('money.invalid', field, text));
        else out.amountFen = fen;
        break;
      }
      case 'paymentMethod': {
        const method = enumFromText(PAYMENT_METHODS, text, PAYMENT_METHOD_WORDS);
        if (method === null)
          out.reasons.push(reason('enum.unknown', field, text, choices(PAYMENT_METHODS)));
        else out.method = method;
        break;
      }
      default: {
        const key =
          field === 'paymentReference' ? 'reference' : field === 'paymentNote' ? 'note' : field;
        if (text.length > MAX_TEXT[key])
          out.reasons.push(reason('too_long', field, text.slice(0, 40), String(MAX_TEXT[key])));
        else out[key] = text;
      }
    }
  }
  for (const f of ['receivedOn', 'paymentAmount'] as const)
    if (
      out[f === 'receivedOn' ? 'receivedOn' : 'amountFen'] === undefined &&
      !out.reasons.some((r) => r.field === f)
    )
      out.reasons.push(reason('required', f));
  if (
    out.contractNo === undefined &&
    out.invoiceNo === undefined &&
    !out.reasons.some((r) => r.field === 'contractNo' || r.field === 'invoiceNo')
  )
    out.reasons.push(reason('required', 'contractNo'));
  return out;
}

const yuan = (fen: unknown) => (typeof fen === 'number' ? (fen / 100).toFixed(2) : '?');

/** The contract (and invoice) a row names, or the reasons it names none of ours. */
async function matchRow(ctx: JobContext<ImportParams>, r: PaymentFileRow) {
  const contract = r.contractNo ? await paymentContract(ctx.db, numberKey(r.contractNo)) : null;
  if (r.contractNo && !contract) {
    r.reasons.push(reason('contract.not_found', 'contractNo', r.contractNo));
    return null;
  }
  const invoice = r.invoiceNo ? await paymentInvoice(ctx.db, r.invoiceNo) : null;
  if (r.invoiceNo && !invoice) {
    r.reasons.push(reason('invoice.not_found', 'invoiceNo', r.invoiceNo));
    return null;
  }
  if (contract && invoice && invoice.contract_id !== contract.id) {
    r.reasons.push(
      reason('payment.invoice_other_contract', 'invoiceNo', r.invoiceNo!, invoice.contract_no),
    );
    return null;
  }
  const found = contract ?? {
    id: invoice!.contract_id,
    number: invoice!.contract_no,
    account_id: invoice!.account_id,
  };
  return { contract: found, invoiceId: invoice?.id ?? null };
}

async function pass(ctx: JobContext<ImportParams>, report: ReportSpool): Promise<PassResult> {
  const columns = mappedColumns<Field>(ctx.params.input);
  const tally = emptyTally();
  const rows: PaymentFileRow[] = [];
  const seen = new Map<string, number>();
  await eachDataRow(ctx, report, tally, (row, cells) => {
    const parsed = parseRow(row, cells, columns, report.headers());
    const key = referenceKey(parsed.reference ?? null);
    if (key !== null) {
      const twin = seen.get(key);
      if (twin !== undefined)
        parsed.reasons.push(
          reason('payment.duplicate_in_file', 'paymentReference', parsed.reference!, String(twin)),
        );
      else seen.set(key, row);
    }
    rows.push(parsed);
  });
  const actorId = ctx.actorId!;
  const role = await staffRole(ctx.db, actorId);
  await joinTransaction(ctx.db, async () => {
    for (const r of rows) {
      let outcome: ImportOutcome = 'reject';
      const warnings: ImportReason[] = [];
      const match = r.reasons.length === 0 ? await matchRow(ctx, r) : null;
      if (
        match &&
        role !== 'manager' &&
        !(await onTeam(ctx.db, { id: actorId }, match.contract.account_id))
      )
        r.reasons.push(reason('payment.not_on_team', 'contractNo', match.contract.number));
      const key = referenceKey(r.reference ?? null);
      const known = match && key !== null ? await paymentWithReference(ctx.db, key, null) : null;
      if (match && r.reasons.length === 0 && known) {
        if (
          known.number === match.contract.number &&
          known.amount_fen === r.amountFen &&
          known.received_on === r.receivedOn
        ) {
          outcome = 'unchanged';
          warnings.push(
            reason('payment.already_recorded', 'paymentReference', r.reference!, known.number),
          );
        } else
          r.reasons.push(
            reason('payment.reference_taken', 'paymentReference', r.reference!, known.number),
          );
      } else if (match && r.reasons.length === 0) {
        try {
          await insertCheckedPayment(ctx.db, ctx.clock, actorId, {
            contractId: match.contract.id,
            invoiceId: match.invoiceId,
            receivedOn: r.receivedOn!,
            amountFen: r.amountFen!,
            method: r.method,
            reference: r.reference ?? null,
            payer: r.payer ?? null,
            note: r.note ?? null,
            overpaymentReason: null,
          });
          outcome = 'create';
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const details = error.details ?? {};
          const kind = details.kind ?? 'rule';
          r.reasons.push(
            reason(
              kind,
              kind === 'date.future'
                ? 'receivedOn'
                : kind === 'payment.over_invoice'
                  ? 'invoiceNo'
                  : 'paymentAmount',
              kind === 'date.future' ? (r.receivedOn ?? null) : null,
              'openFen' in details ? yuan(details.openFen) : null,
            ),
          );
        }
      }
      if (r.reasons.length > 0) outcome = 'reject';
      tally[outcome]++;
      if (warnings.length > 0) tally.warned++;
      report.add({
        row: r.row,
        outcome,
        accountId: match?.contract.account_id ?? null,
        name: match?.contract.number ?? r.contractNo ?? r.invoiceNo ?? null,
        uscc: null,
        reasons: r.reasons,
        warnings,
        changes: [],
        cells: outcome === 'reject' ? r.cells : null,
      });
    }
  });
  ctx.progress(tally.total, tally.total);
  return { tally, audit: {} };
}

export const importPaymentsJob: JobFunction<ImportParams> = (ctx) =>
  runImportJob(ctx, 'payments', (report) => pass(ctx, report));
