/**
 * Deliveries and invoices in bulk: VINs pasted from Excel (one 机动车销售统一发票 per vehicle for
 * invoices), each row judged before anything is saved; the batch is saved all or nothing.
 */
import { z } from 'zod';
import { isoDate, optionalText } from './common';
import { refId } from './references';
import { contractDetail } from './contracts';

/** A cell as pasted: raw text, normalised and judged by the main process. */
const cell = z.string().max(200);

/** Why a row cannot be saved (or, for `warning`, what the user accepted), with its parameters. */
const rowIssue = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type RowIssue = z.infer<typeof rowIssue>;

export const bulkDeliveryInput = z.object({
  contractId: refId('contracts'),
  lineId: refId('contract_lines'),
  /** System contracts: the subordinate unit's allocation the vehicles go to. */
  allocationId: refId('contract_allocations').nullable().default(null),
  deliveredOn: isoDate,
  registrationOwner: optionalText(200),
  rows: z
    .array(
      z.object({
        vin: cell,
        /** An imported vehicle whose VIN carries no check character: the user confirmed it. */
        acceptCheckDigit: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(500),
  /** Judge the rows only; nothing is written. */
  dryRun: z.boolean().default(false),
});
export type BulkDeliveryInput = z.infer<typeof bulkDeliveryInput>;

const deliveryRowVerdict = z.object({
  /** 1-based position in the pasted rows. */
  row: z.number().int(),
  vin: z.string(),
  problems: z.array(rowIssue),
  warnings: z.array(rowIssue),
});
export type DeliveryRowVerdict = z.infer<typeof deliveryRowVerdict>;

export const bulkDeliveryResult = z.object({
  rows: z.array(deliveryRowVerdict),
  /** Vehicles the line (and allocation) can still take before this batch. */
  remaining: z.number().int(),
  saved: z.boolean(),
  contract: contractDetail.nullable(),
});
export type BulkDeliveryResult = z.infer<typeof bulkDeliveryResult>;

export const bulkInvoiceInput = z.object({
  contractId: refId('contracts'),
  rows: z
    .array(
      z.object({
        vin: cell,
        number: cell,
        /** As written: 2026-03-05, 2026/3/5, 2026年3月5日 … */
        issuedOn: cell,
        /** As written: 219,000.00, ¥219000, 21.9万元 … */
        amount: cell,
        /** Blank: the vehicle's registration owner, its unit or the contract party. */
        buyerName: optionalText(200),
      }),
    )
    .min(1)
    .max(500),
  /** What a bare number in the amount column means (a header saying 万元 → 'wan'). */
  amountUnit: z.enum(['yuan', 'wan']).default('yuan'),
  dryRun: z.boolean().default(false),
});
export type BulkInvoiceInput = z.infer<typeof bulkInvoiceInput>;

const invoiceRowVerdict = z.object({
  row: z.number().int(),
  vin: z.string(),
  number: z.string(),
  issuedOn: isoDate.nullable(),
  amountFen: z.number().int().nullable(),
  buyerName: z.string(),
  problems: z.array(rowIssue),
});
export type InvoiceRowVerdict = z.infer<typeof invoiceRowVerdict>;

export const bulkInvoiceResult = z.object({
  rows: z.array(invoiceRowVerdict),
  saved: z.boolean(),
  contract: contractDetail.nullable(),
});
export type BulkInvoiceResult = z.infer<typeof bulkInvoiceResult>;
