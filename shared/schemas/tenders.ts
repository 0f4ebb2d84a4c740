import { z } from 'zod';
import type { Label } from '../enums';
import { type ColumnSpec, listQuerySchema, pageSchema } from '../list';
import { LOT_RESULT_VALUES, PROCUREMENT_METHOD_VALUES, TENDER_STATUS_VALUES } from '../sales-enums';
import {
  id,
  isoDate,
  isoDateTime,
  optionalText,
  ref,
  requiredText,
  timestamp,
  version,
} from './common';
import { refId } from './references';
import { fen } from './opportunities';

/** A UTC instant (bid deadline, opening): what the renderer sends from a local date-time. */
export const instant = isoDateTime;

const url = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .default(null),
);

const lotInput = z.object({
  /** Kept when a lot is edited, so its bid and result stay with it. */
  id: refId('tender_lots').optional(),
  lotNo: requiredText(20),
  name: optionalText(200),
  requirements: optionalText(2000),
  quantity: z.number().int().min(1).max(100_000),
  budgetFen: fen.nullable().default(null),
  /** Our bid for the whole lot, and the model we offer. */
  bidAmountFen: fen.nullable().default(null),
  bidModel: optionalText(80),
});

/** The dates and facts of a tender that an amendment (更正公告) may change. */
const tenderSchedule = z.object({
  budgetFen: fen.nullable().default(null),
  intentionOn: isoDate.nullable().default(null),
  announcedOn: isoDate.nullable().default(null),
  docSaleStartOn: isoDate.nullable().default(null),
  docSaleEndOn: isoDate.nullable().default(null),
  bidDeadlineAt: instant.nullable().default(null),
  openingAt: instant.nullable().default(null),
  openingPlace: optionalText(200),
});
export type TenderSchedule = z.infer<typeof tenderSchedule>;

export const tenderInput = tenderSchedule.extend({
  projectNo: requiredText(100),
  name: requiredText(300),
  method: z.enum(PROCUREMENT_METHOD_VALUES),
  purchaserId: refId('accounts'),
  agency: optionalText(200),
  announcementUrl: url,
  opportunityId: refId('opportunities').nullable().default(null),
  ownerId: refId('staff').nullable().default(null),
  bondFen: fen.nullable().default(null),
  bondPaidOn: isoDate.nullable().default(null),
  bondRefundDueOn: isoDate.nullable().default(null),
  bondRefundedOn: isoDate.nullable().default(null),
  lots: z.array(lotInput).min(1).max(100),
  notes: optionalText(5000),
});
export type TenderInput = z.infer<typeof tenderInput>;

export const amendmentInput = z.object({
  id,
  publishedOn: isoDate,
  /** What the notice says, in a line. */
  summary: requiredText(1000),
  /** Only the fields the notice changes (no defaults: a missing field stays as it is). */
  changes: z
    .object({
      budgetFen: fen.nullable(),
      intentionOn: isoDate.nullable(),
      announcedOn: isoDate.nullable(),
      docSaleStartOn: isoDate.nullable(),
      docSaleEndOn: isoDate.nullable(),
      bidDeadlineAt: instant.nullable(),
      openingAt: instant.nullable(),
      openingPlace: z.string().trim().max(200).nullable(),
    })
    .partial(),
  version,
});

const lotResultInput = z.object({
  lotId: refId('tender_lots'),
  result: z.enum(LOT_RESULT_VALUES),
  winnerName: optionalText(200),
  winnerBrand: optionalText(50),
  winnerModel: optionalText(80),
  winningAmountFen: fen.nullable().default(null),
});

export const resultsInput = z.object({
  id,
  awardedOn: isoDate,
  publicityEndOn: isoDate.nullable().default(null),
  lots: z.array(lotResultInput).min(1).max(100),
  version,
});
export type ResultsInput = z.infer<typeof resultsInput>;

export const tenderCloseInput = z.object({
  id,
  status: z.enum(['failed', 'cancelled']),
  reason: requiredText(1000),
});

export const TENDER_COLUMNS = {
  projectNo: { kind: 'text' },
  name: { kind: 'text' },
  method: { kind: 'enum', values: PROCUREMENT_METHOD_VALUES },
  purchaserName: { kind: 'text' },
  agency: { kind: 'text' },
  status: { kind: 'enum', values: TENDER_STATUS_VALUES },
  budgetFen: { kind: 'number' },
  quantity: { kind: 'number' },
  ownerId: { kind: 'enum' },
  announcedOn: { kind: 'date' },
  docSaleEndOn: { kind: 'date' },
  bidDeadlineAt: { kind: 'date' },
  openingAt: { kind: 'date' },
  publicityEndOn: { kind: 'date' },
  awardedOn: { kind: 'date' },
  bondFen: { kind: 'number' },
  bondRefundDueOn: { kind: 'date' },
  bondRefundedOn: { kind: 'date' },
  wonLots: { kind: 'number' },
  opportunityTitle: { kind: 'text' },
  updatedAt: { kind: 'date' },
} as const satisfies Record<string, ColumnSpec>;
export type TenderColumn = keyof typeof TENDER_COLUMNS;

export const TENDER_COLUMN_LABELS: Record<TenderColumn, Label> = {
  projectNo: { zh: '项目编号', en: 'Project no.' },
  name: { zh: '项目名称', en: 'Project' },
  method: { zh: '采购方式', en: 'Method' },
  purchaserName: { zh: '采购人', en: 'Purchaser' },
  agency: { zh: '代理机构', en: 'Agency' },
  status: { zh: '状态', en: 'Status' },
  budgetFen: { zh: '预算', en: 'Budget' },
  quantity: { zh: '台数', en: 'Units' },
  ownerId: { zh: '负责人', en: 'Owner' },
  announcedOn: { zh: '公告日期', en: 'Announced' },
  docSaleEndOn: { zh: '标书发售截止', en: 'Document sale ends' },
  bidDeadlineAt: { zh: '投标截止', en: 'Bid deadline' },
  openingAt: { zh: '开标时间', en: 'Opening' },
  publicityEndOn: { zh: '公示截止', en: 'Publicity ends' },
  awardedOn: { zh: '定标日期', en: 'Awarded' },
  bondFen: { zh: '保证金', en: 'Bid bond' },
  bondRefundDueOn: { zh: '保证金应退日期', en: 'Bond refund due' },
  bondRefundedOn: { zh: '保证金退回日期', en: 'Bond refunded' },
  wonLots: { zh: '中标包数', en: 'Lots won' },
  opportunityTitle: { zh: '关联商机', en: 'Opportunity' },
  updatedAt: { zh: '更新时间', en: 'Updated' },
};

export const tenderListQuery = listQuerySchema(TENDER_COLUMNS);

export const tenderRow = z.object({
  id,
  projectNo: z.string(),
  name: z.string(),
  method: z.enum(PROCUREMENT_METHOD_VALUES),
  purchaserId: id,
  purchaserName: z.string(),
  agency: z.string().nullable(),
  status: z.enum(TENDER_STATUS_VALUES),
  /** For an announced tender: which deadline is next by today's date. */
  phase: z.enum(['before_sale', 'doc_sale', 'bidding', 'evaluation']).nullable(),
  budgetFen: z.number().int().nullable(),
  quantity: z.number().int(),
  lotCount: z.number().int(),
  wonLots: z.number().int(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  announcedOn: isoDate.nullable(),
  docSaleEndOn: isoDate.nullable(),
  bidDeadlineAt: timestamp.nullable(),
  openingAt: timestamp.nullable(),
  publicityEndOn: isoDate.nullable(),
  awardedOn: isoDate.nullable(),
  bondFen: z.number().int().nullable(),
  bondRefundDueOn: isoDate.nullable(),
  bondRefundedOn: isoDate.nullable(),
  opportunityId: id.nullable(),
  opportunityTitle: z.string().nullable(),
  updatedAt: timestamp,
});
export type TenderRow = z.infer<typeof tenderRow>;
export const tenderPage = pageSchema(tenderRow);

export const lot = z.object({
  id,
  lotNo: z.string(),
  name: z.string().nullable(),
  requirements: z.string().nullable(),
  quantity: z.number().int(),
  budgetFen: z.number().int().nullable(),
  bidAmountFen: z.number().int().nullable(),
  bidModel: z.string().nullable(),
  result: z.enum(LOT_RESULT_VALUES),
  winnerName: z.string().nullable(),
  winnerBrand: z.string().nullable(),
  winnerModel: z.string().nullable(),
  winningAmountFen: z.number().int().nullable(),
});
export type Lot = z.infer<typeof lot>;

export const amendment = z.object({
  id,
  publishedOn: isoDate,
  summary: z.string(),
  /** Field → [before, after], as recorded when the amendment was applied. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  recordedAt: timestamp,
  recordedBy: ref.nullable(),
});

export const tenderDetail = tenderRow.extend({
  intentionOn: isoDate.nullable(),
  docSaleStartOn: isoDate.nullable(),
  openingPlace: z.string().nullable(),
  announcementUrl: z.string().nullable(),
  bondPaidOn: isoDate.nullable(),
  closeReason: z.string().nullable(),
  notes: z.string().nullable(),
  lots: z.array(lot),
  amendments: z.array(amendment),
  version,
});
export type TenderDetail = z.infer<typeof tenderDetail>;

/** Competitor price history: every lot result with a winner and price. */
export const LOT_RESULT_COLUMNS = {
  awardedOn: { kind: 'date' },
  projectNo: { kind: 'text' },
  tenderName: { kind: 'text' },
  purchaserName: { kind: 'text' },
  lotNo: { kind: 'text' },
  result: { kind: 'enum', values: LOT_RESULT_VALUES },
  winnerName: { kind: 'text' },
  winnerBrand: { kind: 'text' },
  winnerModel: { kind: 'text' },
  quantity: { kind: 'number' },
  winningAmountFen: { kind: 'number' },
  winningUnitFen: { kind: 'number' },
  bidAmountFen: { kind: 'number' },
} as const satisfies Record<string, ColumnSpec>;
export type LotResultColumn = keyof typeof LOT_RESULT_COLUMNS;
export const lotResultListQuery = listQuerySchema(LOT_RESULT_COLUMNS);
const lotResultRow = z.object({
  lotId: id,
  tenderId: id,
  awardedOn: isoDate.nullable(),
  projectNo: z.string(),
  tenderName: z.string(),
  purchaserName: z.string(),
  lotNo: z.string(),
  result: z.enum(LOT_RESULT_VALUES),
  winnerName: z.string().nullable(),
  winnerBrand: z.string().nullable(),
  winnerModel: z.string().nullable(),
  quantity: z.number().int(),
  winningAmountFen: z.number().int().nullable(),
  winningUnitFen: z.number().int().nullable(),
  bidAmountFen: z.number().int().nullable(),
});
export const lotResultPage = pageSchema(lotResultRow);
