/** Incentive filings (大客户销售报备): a contract's sale judged by the policy and proven by evidence. */
import { z } from 'zod';
import { BUYER_TYPE_VALUES, type Label } from '../enums';
import {
  CHECK_PROBLEM_VALUES,
  DOCUMENT_KIND_VALUES,
  FILING_CHECK_VALUES,
  FILING_STATUS_VALUES,
} from '../filing-enums';
import { type ColumnSpec, listQuerySchema, pageSchema } from '../list';
import { id, isoDate, optionalText, ref, requiredText, timestamp, version } from './common';
import { refId } from './references';
import { storedDocument } from './documents';
import { incentiveView } from './incentives';

const fact = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const ruleVerdict = z.object({
  rule: z.enum(['government', 'min_units', 'annual_batch', 'retail_cap', 'floor']),
  /** null: the rule does not apply to this sale. */
  pass: z.boolean().nullable(),
  facts: z.record(z.string(), fact),
});
export const verdict = z.object({ eligible: z.boolean(), rules: z.array(ruleVerdict) });
export type VerdictView = z.infer<typeof verdict>;

const checkResult = z.object({
  check: z.enum(FILING_CHECK_VALUES),
  /** null: not applicable to this buyer type or sale. */
  pass: z.boolean().nullable(),
  facts: z.record(z.string(), fact),
  /** The offending items (names, VINs, missing documents), for the explanation. */
  problems: z.array(
    z.object({
      code: z.enum(CHECK_PROBLEM_VALUES),
      /** What the problem is about: a VIN, an invoice number, a document kind, a rule. */
      subject: z.string().nullable(),
      expected: z.string().nullable(),
      actual: z.string().nullable(),
    }),
  ),
});
export type CheckResult = z.infer<typeof checkResult>;

export const filingInput = z.object({
  contractId: refId('contracts'),
  /** The units this filing declares; the contract's quantity when not given. */
  units: z.number().int().min(1).max(100_000).nullable().default(null),
  notes: optionalText(2000),
});

export const filingUpdate = z.object({
  id,
  units: z.number().int().min(1).max(100_000),
  notes: optionalText(2000),
  version,
});

export const overrideInput = z.object({ id, reason: requiredText(2000) });
export const withdrawInput = z.object({ id, reason: requiredText(2000) });

export const FILING_COLUMNS = {
  /** For a contract's filings; filter only. */
  contractId: { kind: 'enum', sortable: false },
  number: { kind: 'text' },
  status: { kind: 'enum', values: FILING_STATUS_VALUES },
  accountName: { kind: 'text' },
  buyerType: { kind: 'enum', values: BUYER_TYPE_VALUES },
  contractNo: { kind: 'text' },
  units: { kind: 'number' },
  eligible: { kind: 'enum', values: ['yes', 'no'] },
  failedChecks: { kind: 'number' },
  overridden: { kind: 'enum', values: ['yes', 'no'] },
  ownerId: { kind: 'enum' },
  createdAt: { kind: 'date' },
  submittedAt: { kind: 'date' },
} as const satisfies Record<string, ColumnSpec>;
export type FilingColumn = keyof typeof FILING_COLUMNS;
export const FILING_COLUMN_LABELS: Record<FilingColumn, Label> = {
  contractId: { zh: '合同', en: 'Contract' },
  number: { zh: '报备编号', en: 'Filing no.' },
  status: { zh: '状态', en: 'Status' },
  accountName: { zh: '客户', en: 'Account' },
  buyerType: { zh: '客户类型', en: 'Buyer type' },
  contractNo: { zh: '合同编号', en: 'Contract no.' },
  units: { zh: '台数', en: 'Units' },
  eligible: { zh: '政策资格', en: 'Eligible' },
  failedChecks: { zh: '未通过检查', en: 'Failed checks' },
  overridden: { zh: '经理特批', en: 'Overridden' },
  ownerId: { zh: '经办人', en: 'Prepared by' },
  createdAt: { zh: '创建时间', en: 'Created' },
  submittedAt: { zh: '报备时间', en: 'Submitted' },
};
export const filingListQuery = listQuerySchema(FILING_COLUMNS);

const filingRow = z.object({
  id,
  number: z.string(),
  status: z.enum(FILING_STATUS_VALUES),
  contractId: id,
  contractNo: z.string(),
  accountId: id,
  accountName: z.string(),
  buyerType: z.enum(BUYER_TYPE_VALUES),
  units: z.number().int(),
  /** As last judged (live for drafts, frozen at submission). */
  eligible: z.boolean(),
  failedChecks: z.number().int(),
  overridden: z.boolean(),
  owner: ref.nullable(),
  createdAt: timestamp,
  submittedAt: timestamp.nullable(),
});
export type FilingRow = z.infer<typeof filingRow>;
export const filingPage = pageSchema(filingRow);

const filingVehicle = z.object({
  deliveryId: id,
  vin: z.string(),
  model: z.string(),
  unitName: z.string().nullable(),
  deliveredOn: isoDate,
  invoiceNo: z.string().nullable(),
  invoiceDate: isoDate.nullable(),
  invoiceBuyer: z.string().nullable(),
  registrationOwner: z.string().nullable(),
  plate: z.string().nullable(),
});
export type FilingVehicle = z.infer<typeof filingVehicle>;

const checklistEntry = z.object({
  kind: z.enum(DOCUMENT_KIND_VALUES),
  /** Asked for by the checklist of this buyer type (others are extra documents). */
  required: z.boolean(),
  documents: z.array(storedDocument),
});

export const filingDetail = filingRow.extend({
  notes: z.string().nullable(),
  version,
  contract: z.object({
    id,
    number: z.string(),
    partyName: z.string(),
    signedOn: isoDate.nullable(),
    quantity: z.number().int(),
    totalFen: z.number().int(),
    tender: z.object({ id, projectNo: z.string() }).nullable(),
  }),
  uscc: z.string().nullable(),
  /** The account's active claim, if any: filings usually follow a claim. */
  claim: z.object({ id, status: z.string(), oemReference: z.string().nullable() }).nullable(),
  verdict,
  checks: z.array(checkResult),
  checklist: z.array(checklistEntry),
  vehicles: z.array(filingVehicle),
  override: z
    .object({
      by: ref.nullable(),
      at: timestamp,
      reason: z.string(),
      /** The checks that had failed when the manager overrode them. */
      checks: z.array(z.enum(FILING_CHECK_VALUES)),
    })
    .nullable(),
  submittedBy: ref.nullable(),
  withdrawnAt: timestamp.nullable(),
  withdrawReason: z.string().nullable(),
  /** What stops submitting now: the failed checks (FILING_CHECKS codes) no override covers. */
  submitBlockers: z.array(z.enum(FILING_CHECK_VALUES)),
  /** After submission: the manufacturer's verdict, the incentive approved and received. */
  incentive: incentiveView,
});
export type FilingDetail = z.infer<typeof filingDetail>;
