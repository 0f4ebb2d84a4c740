import { z } from 'zod';
import { BUYER_TYPE_VALUES, type Label } from '../enums';
import { type ColumnSpec, listQuerySchema, pageSchema } from '../list';
import {
  APPROVAL_STATE_VALUES,
  CONTRACT_KIND_VALUES,
  CONTRACT_STATUS_VALUES,
} from '../sales-enums';
import type { ErrorKind } from '../result';
import { normalizeVin } from '../vin';
import { id, isoDate, optionalText, ref, requiredText, timestamp, version } from './common';
import { refId } from './references';
import { fen } from './opportunities';

/** A model on the price list: market retail price and the policy floor (below it needs approval). */
export const priceListInput = z
  .object({
    model: requiredText(80),
    configuration: optionalText(200),
    retailFen: fen.min(1),
    floorFen: fen,
  })
  .refine((p) => p.floorFen <= p.retailFen, {
    path: ['floorFen'],
    message: 'price.floor_above_retail',
    params: { reason: 'price.floor_above_retail' },
  });
export type PriceListInput = z.infer<typeof priceListInput>;

export const priceListEntry = z.object({
  id,
  model: z.string(),
  configuration: z.string().nullable(),
  retailFen: z.number().int(),
  floorFen: z.number().int(),
  updatedAt: timestamp,
});
export type PriceListEntry = z.infer<typeof priceListEntry>;

const contractLineInput = z.object({
  /** Kept when a line is edited, so deliveries and allocations stay with it. */
  id: refId('contract_lines').optional(),
  priceId: refId('price_list'),
  quantity: z.number().int().min(1).max(100_000),
  unitPriceFen: fen.min(1),
});

export const contractInput = z.object({
  number: requiredText(60),
  kind: z.enum(CONTRACT_KIND_VALUES).default('standard'),
  /** The buyer; for a system contract, the head office. */
  accountId: refId('accounts'),
  /** The buyer party as written on the contract (a procurement centre may sign for a purchaser). */
  partyName: requiredText(200),
  opportunityId: refId('opportunities').nullable().default(null),
  tenderId: refId('tenders').nullable().default(null),
  signedOn: isoDate.nullable().default(null),
  deliveryDueOn: isoDate.nullable().default(null),
  lines: z.array(contractLineInput).min(1).max(100),
  notes: optionalText(5000),
});
export type ContractInput = z.infer<typeof contractInput>;

export const CONTRACT_COLUMNS = {
  number: { kind: 'text' },
  kind: { kind: 'enum', values: CONTRACT_KIND_VALUES },
  status: { kind: 'enum', values: CONTRACT_STATUS_VALUES },
  accountName: { kind: 'text' },
  buyerType: { kind: 'enum', values: BUYER_TYPE_VALUES },
  partyName: { kind: 'text' },
  signedOn: { kind: 'date' },
  deliveryDueOn: { kind: 'date' },
  quantity: { kind: 'number' },
  totalFen: { kind: 'number' },
  delivered: { kind: 'number' },
  invoicedFen: { kind: 'number' },
  belowFloor: { kind: 'number' },
  ownerId: { kind: 'enum' },
  updatedAt: { kind: 'date' },
  /** For an account's contracts (its printed card); filter only. */
  accountId: { kind: 'enum', sortable: false },
} as const satisfies Record<string, ColumnSpec>;
export type ContractColumn = keyof typeof CONTRACT_COLUMNS;
export const CONTRACT_COLUMN_LABELS: Record<ContractColumn, Label> = {
  number: { zh: '合同编号', en: 'Contract no.' },
  kind: { zh: '合同类型', en: 'Kind' },
  status: { zh: '状态', en: 'Status' },
  accountName: { zh: '客户', en: 'Account' },
  buyerType: { zh: '客户类型', en: 'Buyer type' },
  partyName: { zh: '合同甲方', en: 'Buyer party' },
  signedOn: { zh: '签订日期', en: 'Signed' },
  deliveryDueOn: { zh: '交车期限', en: 'Delivery due' },
  quantity: { zh: '台数', en: 'Units' },
  totalFen: { zh: '合同金额', en: 'Total' },
  delivered: { zh: '已交车', en: 'Delivered' },
  invoicedFen: { zh: '已开票金额', en: 'Invoiced' },
  belowFloor: { zh: '低于底价行数', en: 'Lines below floor' },
  ownerId: { zh: '负责人', en: 'Owner' },
  updatedAt: { zh: '更新时间', en: 'Updated' },
  accountId: { zh: '客户编号', en: 'Account id' },
};
export const contractListQuery = listQuerySchema(CONTRACT_COLUMNS);

const contractRow = z.object({
  id,
  number: z.string(),
  kind: z.enum(CONTRACT_KIND_VALUES),
  status: z.enum(CONTRACT_STATUS_VALUES),
  accountId: id,
  accountName: z.string(),
  buyerType: z.enum(BUYER_TYPE_VALUES),
  partyName: z.string(),
  signedOn: isoDate.nullable(),
  deliveryDueOn: isoDate.nullable(),
  quantity: z.number().int(),
  totalFen: z.number().int(),
  delivered: z.number().int(),
  invoicedFen: z.number().int(),
  belowFloor: z.number().int(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  updatedAt: timestamp,
});
export type ContractRow = z.infer<typeof contractRow>;
export const contractPage = pageSchema(contractRow);

/** What can stand between a contract and "final"; each is also the refusal's `details.kind`. */
const CONTRACT_FINAL_BLOCKERS = [
  'contract.signed_on_missing',
  'contract.approval_pending',
  'contract.approval_missing',
  'contract.tender_not_won',
] as const satisfies readonly ErrorKind[];

const contractLine = z.object({
  id,
  priceId: id.nullable(),
  model: z.string(),
  configuration: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceFen: z.number().int(),
  /** The price list as it was when the line was saved. */
  retailFen: z.number().int(),
  floorFen: z.number().int(),
  belowFloor: z.boolean(),
  delivered: z.number().int(),
  allocated: z.number().int(),
});
export type ContractLine = z.infer<typeof contractLine>;

export const approval = z.object({
  id,
  state: z.enum(APPROVAL_STATE_VALUES),
  reason: z.string(),
  requestedBy: ref.nullable(),
  requestedAt: timestamp,
  decidedBy: ref.nullable(),
  decidedAt: timestamp.nullable(),
  decisionNote: z.string().nullable(),
  /** The below-floor lines the request covered: what the manager approved. */
  lines: z.array(
    z.object({
      model: z.string(),
      quantity: z.number().int(),
      unitPriceFen: z.number().int(),
      floorFen: z.number().int(),
    }),
  ),
});
export type Approval = z.infer<typeof approval>;

export const allocation = z.object({
  id,
  unit: ref,
  lineId: id,
  model: z.string(),
  quantity: z.number().int(),
  delivered: z.number().int(),
  invoicedFen: z.number().int(),
});
export type Allocation = z.infer<typeof allocation>;

export const delivery = z.object({
  id,
  lineId: id,
  model: z.string(),
  allocationId: id.nullable(),
  unitName: z.string().nullable(),
  vin: z.string(),
  plate: z.string().nullable(),
  registrationOwner: z.string().nullable(),
  registeredOn: isoDate.nullable(),
  deliveredOn: isoDate,
  invoiceId: id.nullable(),
  invoiceNo: z.string().nullable(),
});
export type DeliveryRecord = z.infer<typeof delivery>;

export const invoice = z.object({
  id,
  number: z.string(),
  issuedOn: isoDate,
  buyerName: z.string(),
  amountFen: z.number().int(),
  allocationId: id.nullable(),
  vins: z.array(z.string()),
});
export type InvoiceRecord = z.infer<typeof invoice>;

export const followUp = z.object({
  id,
  contractId: id,
  contractNo: z.string(),
  accountName: z.string(),
  allocationId: id.nullable(),
  unitName: z.string().nullable(),
  deliveredOn: isoDate,
  days: z.number().int(),
  dueOn: isoDate,
  doneAt: timestamp.nullable(),
  doneBy: ref.nullable(),
  outcome: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUp>;

export const contractDetail = contractRow.extend({
  opportunity: z.object({ id, title: z.string() }).nullable(),
  tender: z
    .object({
      id,
      projectNo: z.string(),
      /** What the tender awarded us: the won lots' winning amounts together (null if none). */
      awardFen: z.number().int().nullable(),
    })
    .nullable(),
  notes: z.string().nullable(),
  lines: z.array(contractLine),
  approvals: z.array(approval),
  allocations: z.array(allocation),
  deliveries: z.array(delivery),
  invoices: z.array(invoice),
  followUps: z.array(followUp),
  /** What still stops the contract from being made final, in words the UI translates. */
  finalBlockers: z.array(z.enum(CONTRACT_FINAL_BLOCKERS)),
  version,
});
export type ContractDetail = z.infer<typeof contractDetail>;

export const contractUpdate = z.object({
  id,
  contract: contractInput,
  version,
});

export const approvalRequest = z.object({
  contractId: refId('contracts'),
  reason: requiredText(1000),
});
export const approvalDecision = z.object({
  approvalId: refId('price_approvals'),
  approve: z.boolean(),
  note: requiredText(1000),
});

export const allocationInput = z.object({
  contractId: refId('contracts'),
  unitId: refId('accounts'),
  lineId: refId('contract_lines'),
  quantity: z.number().int().min(1).max(100_000),
});

const vinField = z.preprocess(
  (v) => (typeof v === 'string' ? normalizeVin(v) : v),
  z
    .string()
    .min(1)
    .max(17 * 2),
);

export const deliveryInput = z.object({
  contractId: refId('contracts'),
  lineId: refId('contract_lines'),
  allocationId: refId('contract_allocations').nullable().default(null),
  vin: vinField,
  plate: optionalText(20),
  registrationOwner: optionalText(200),
  deliveredOn: isoDate,
  /** An imported vehicle whose VIN carries no check character: the user confirmed it. */
  acceptCheckDigit: z.boolean().default(false),
});
export type DeliveryInput = z.infer<typeof deliveryInput>;

/** A registration (行驶证) recorded after delivery; the VIN as printed on it. */
export const registrationInput = z.object({
  deliveryId: refId('deliveries'),
  vin: vinField,
  registrationOwner: requiredText(200),
  plate: optionalText(20),
  registeredOn: isoDate,
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const invoiceInput = z.object({
  contractId: refId('contracts'),
  allocationId: refId('contract_allocations').nullable().default(null),
  number: requiredText(40),
  issuedOn: isoDate,
  buyerName: requiredText(200),
  amountFen: fen.min(1),
  deliveryIds: z.array(refId('deliveries')).max(10_000).default([]),
});
export type InvoiceInput = z.infer<typeof invoiceInput>;

export const followUpDone = z.object({ id, outcome: requiredText(2000) });

export const followUpQuery = z.object({
  state: z.enum(['open', 'done', 'all']).default('open'),
  ownerId: id.nullable().default(null),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

/** How long a decision on a person's price request stays in their 我的今天. */
export const APPROVAL_DECISION_DAYS = 7;

/** A price approval as 我的今天 and the menu list it: waiting for a manager, or decided. */
export const approvalItem = z.object({
  id,
  contractId: id,
  contractNo: z.string(),
  accountId: id,
  accountName: z.string(),
  state: z.enum(APPROVAL_STATE_VALUES),
  reason: z.string(),
  requestedBy: ref.nullable(),
  requestedAt: timestamp,
  decidedBy: ref.nullable(),
  decidedAt: timestamp.nullable(),
  /** How many below-floor lines the request covers. */
  lineCount: z.number().int(),
});
export type ApprovalItem = z.infer<typeof approvalItem>;
