/**
 * Payments received (回款): the API's shapes for recording them against a final contract (or one
 * of its invoices), the payments grid, a contract's receivable, the receivables lists by contract
 * and by account, and the collection rate per specialist and period.
 */
import { z } from 'zod';
import type { Label } from '../enums';
import { type ColumnSpec, listQuerySchema, pageSchema } from '../list';
import { CONTRACT_STATUS_VALUES } from '../sales-enums';
import { id, isoDate, optionalText, timestamp, version } from './common';
import { refId } from './references';
import { fen } from './opportunities';

/** How the money came. 承兑汇票 is a bank acceptance bill: paid, but due at its maturity. */
export const PAYMENT_METHODS = {
  bank_transfer: { zh: '银行转账', en: 'Bank transfer' },
  acceptance_bill: { zh: '承兑汇票', en: 'Acceptance bill' },
  cheque: { zh: '支票', en: 'Cheque' },
  cash: { zh: '现金', en: 'Cash' },
  other: { zh: '其他', en: 'Other' },
} satisfies Record<string, Label>;
export type PaymentMethod = keyof typeof PAYMENT_METHODS;
export const PAYMENT_METHOD_VALUES = Object.keys(PAYMENT_METHODS) as [
  PaymentMethod,
  ...PaymentMethod[],
];

/** What a person fills in for a payment (the contract is fixed once recorded). */
const paymentFields = z.object({
  invoiceId: refId('invoices').nullable().default(null),
  receivedOn: isoDate,
  amountFen: fen.min(1),
  method: z.enum(PAYMENT_METHOD_VALUES).default('bank_transfer'),
  reference: optionalText(60),
  payer: optionalText(200),
  note: optionalText(2000),
  /**
   * The person confirms an over-payment (more than the contract's or the invoice's open amount)
   * by giving the reason; without it such a payment is refused, naming the open balance.
   */
  overpaymentReason: optionalText(500),
});
export const paymentInput = paymentFields.extend({ contractId: refId('contracts') });
export type PaymentInput = z.infer<typeof paymentInput>;
export type PaymentFields = z.infer<typeof paymentFields>;
export const paymentUpdate = z.object({ id, payment: paymentFields, version });
export const paymentDelete = z.object({ id, version });

export const payment = z.object({
  id,
  contractId: id,
  invoiceId: id.nullable(),
  invoiceNo: z.string().nullable(),
  receivedOn: isoDate,
  amountFen: z.number().int(),
  method: z.enum(PAYMENT_METHOD_VALUES),
  reference: z.string().nullable(),
  payer: z.string().nullable(),
  note: z.string().nullable(),
  overpaymentReason: z.string().nullable(),
  createdBy: z.string().nullable(),
  updatedAt: timestamp,
  version,
});
export type Payment = z.infer<typeof payment>;

/** A contract's invoice with what of it is paid (payments naming it first, then the rest FIFO). */
const invoiceOpen = z.object({
  id,
  number: z.string(),
  issuedOn: isoDate,
  amountFen: z.number().int(),
  paidFen: z.number().int(),
  openFen: z.number().int(),
});

/** The figures of a receivable (one contract, or an account's contracts together). */
const receivableFigures = z.object({
  totalFen: z.number().int(),
  invoicedFen: z.number().int(),
  receivedFen: z.number().int(),
  /** Contract total − received (never below 0): what the buyer still owes under the contract. */
  openFen: z.number().int(),
  /** Invoiced − received (never below 0): what is billed and not paid — the receivable proper. */
  invoicedOpenFen: z.number().int(),
  /** Received beyond the contract total (confirmed over-payments). */
  creditFen: z.number().int(),
  /** The oldest invoice not yet paid in full, and the days since it was issued. */
  oldestUnpaidOn: isoDate.nullable(),
  daysOutstanding: z.number().int().nullable(),
  /** That invoice's due date (issue + payment term) and the days past it, when it is past. */
  dueOn: isoDate.nullable(),
  daysOverdue: z.number().int().nullable(),
});
export type ReceivableFigures = z.infer<typeof receivableFigures>;

export const contractPayments = receivableFigures.extend({
  contractId: id,
  contractNo: z.string(),
  status: z.enum(CONTRACT_STATUS_VALUES),
  /** Whether payments can be recorded now (a final contract). */
  open: z.boolean(),
  termDays: z.number().int(),
  payments: z.array(payment),
  invoices: z.array(invoiceOpen),
});
export type ContractPayments = z.infer<typeof contractPayments>;

export const PAYMENT_COLUMNS = {
  receivedOn: { kind: 'date' },
  contractNo: { kind: 'text' },
  accountName: { kind: 'text' },
  invoiceNo: { kind: 'text' },
  amountFen: { kind: 'number' },
  method: { kind: 'enum', values: PAYMENT_METHOD_VALUES },
  reference: { kind: 'text' },
  payer: { kind: 'text' },
  overpayment: { kind: 'enum', values: ['yes', 'no'] },
  ownerId: { kind: 'enum' },
  updatedAt: { kind: 'date' },
} as const satisfies Record<string, ColumnSpec>;
export type PaymentColumn = keyof typeof PAYMENT_COLUMNS;
export const PAYMENT_COLUMN_LABELS: Record<PaymentColumn, Label> = {
  receivedOn: { zh: '到账日期', en: 'Received' },
  contractNo: { zh: '合同编号', en: 'Contract no.' },
  accountName: { zh: '客户', en: 'Account' },
  invoiceNo: { zh: '发票号码', en: 'Invoice no.' },
  amountFen: { zh: '回款金额', en: 'Amount' },
  method: { zh: '回款方式', en: 'Method' },
  reference: { zh: '流水号', en: 'Reference' },
  payer: { zh: '付款单位', en: 'Payer' },
  overpayment: { zh: '超额回款', en: 'Over-payment' },
  ownerId: { zh: '负责人', en: 'Owner' },
  updatedAt: { zh: '更新时间', en: 'Updated' },
};
export const paymentListQuery = listQuerySchema(PAYMENT_COLUMNS);

export const paymentRow = z.object({
  id,
  receivedOn: isoDate,
  contractId: id,
  contractNo: z.string(),
  accountId: id,
  accountName: z.string(),
  invoiceNo: z.string().nullable(),
  amountFen: z.number().int(),
  method: z.enum(PAYMENT_METHOD_VALUES),
  reference: z.string().nullable(),
  payer: z.string().nullable(),
  overpayment: z.boolean(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  updatedAt: timestamp,
});
export type PaymentRow = z.infer<typeof paymentRow>;
export const paymentPage = pageSchema(paymentRow);

export const receivablesQuery = z.object({
  by: z.enum(['contract', 'account']).default('contract'),
  /** Only receivables past their due date. */
  overdueOnly: z.boolean().default(false),
  search: z.string().trim().max(200).optional(),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ReceivablesQuery = z.infer<typeof receivablesQuery>;

export const receivableRow = receivableFigures.extend({
  /** The contract (by contract) or null (by account). */
  contractId: id.nullable(),
  contractNo: z.string().nullable(),
  accountId: id,
  accountName: z.string(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  /** Contracts with money still open (by account; 1 by contract). */
  contracts: z.number().int(),
  /** Received ÷ invoiced, null before anything is invoiced. */
  collectionRate: z.number().nullable(),
});
export type ReceivableRow = z.infer<typeof receivableRow>;
export const receivablesPage = z.object({
  total: z.number().int(),
  termDays: z.number().int(),
  rows: z.array(receivableRow),
});

export const COLLECTION_PERIODS = ['month', 'quarter', 'year'] as const;
export type CollectionPeriod = (typeof COLLECTION_PERIODS)[number];
export const collectionQuery = z
  .object({
    period: z.enum(COLLECTION_PERIODS).default('month'),
    from: isoDate,
    to: isoDate,
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to before from' });

const collectionFigures = z.object({
  invoicedFen: z.number().int(),
  receivedFen: z.number().int(),
  /** Received ÷ invoiced in the period; null when nothing was invoiced. */
  rate: z.number().nullable(),
});
export const collectionReport = z.object({
  period: z.enum(COLLECTION_PERIODS),
  /** The periods in order: 2026-03, 2026-Q1, 2026. */
  periods: z.array(z.string()),
  /** One row per specialist (contract owner; null: no owner) and period. */
  rows: z.array(
    collectionFigures.extend({
      periodKey: z.string(),
      ownerId: id.nullable(),
      ownerName: z.string().nullable(),
    }),
  ),
  /** The whole visible team per period. */
  totals: z.array(collectionFigures.extend({ periodKey: z.string() })),
});
export type CollectionReport = z.infer<typeof collectionReport>;
