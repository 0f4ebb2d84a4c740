import { z } from 'zod';
import { BUYER_TYPE_VALUES, PURCHASE_ROLE_VALUES, SOURCE_VALUES, type Label } from '../enums';
import { type ColumnSpec, filterSchema, listQuerySchema, pageSchema, refineFilters } from '../list';
import { LOST_REASON_VALUES, OPEN_STAGES, STAGE_VALUES } from '../sales-enums';
import { systemNote } from '../system-notes';
import { id, isoDate, optionalText, ref, requiredText, timestamp, version } from './common';
import { refId } from './references';

/** Money in fen (分): whole, non-negative, below 10^13 fen (100 billion yuan). */
export const fen = z.number().int().min(0).max(9_999_999_999_999);

const demandLine = z.object({
  model: requiredText(80),
  configuration: optionalText(200),
  quantity: z.number().int().min(1).max(100_000),
  /** Target unit price in fen; null when not known yet. */
  targetUnitPriceFen: fen.nullable().default(null),
});

const opportunityContact = z.object({
  contactId: refId('contacts'),
  role: z.enum(PURCHASE_ROLE_VALUES).nullable().default(null),
});

const competitorInput = z.object({
  brand: requiredText(50),
  model: optionalText(80),
  /** The competitor's sales rep: name, style, relationship with the customer. */
  rep: optionalText(200),
  /** What the customer thinks of it. */
  customerView: optionalText(500),
});

export const opportunityInput = z.object({
  accountId: refId('accounts'),
  title: requiredText(200),
  ownerId: refId('staff').nullable().default(null),
  source: z.enum(SOURCE_VALUES).nullable().default(null),
  budgetFen: fen.nullable().default(null),
  expectedCloseOn: isoDate.nullable().default(null),
  lines: z.array(demandLine).max(100).default([]),
  contacts: z.array(opportunityContact).max(100).default([]),
  competitors: z.array(competitorInput).max(50).default([]),
  notes: optionalText(5000),
});
export type OpportunityInput = z.infer<typeof opportunityInput>;

/** Moving to a stage; closing ones carry their facts (checked by the service, said by reason). */
export const stageMove = z.object({
  id,
  stage: z.enum(STAGE_VALUES),
  lostReason: z.enum(LOST_REASON_VALUES).nullable().default(null),
  lostNote: optionalText(1000),
  /** Who won instead (dealer or brand), and at what price, where known. */
  winnerName: optionalText(200),
  winningPriceFen: fen.nullable().default(null),
  /** Won needs the contract: one of this opportunity's contracts, made final. */
  contractId: refId('contracts').nullable().default(null),
  version,
});
export type StageMove = z.infer<typeof stageMove>;

export const OPPORTUNITY_COLUMNS = {
  title: { kind: 'text' },
  accountName: { kind: 'text' },
  buyerType: { kind: 'enum', values: BUYER_TYPE_VALUES },
  stage: { kind: 'enum', values: STAGE_VALUES },
  probability: { kind: 'number', filterable: false },
  amountFen: { kind: 'number' },
  weightedFen: { kind: 'number', filterable: false },
  budgetFen: { kind: 'number' },
  quantity: { kind: 'number' },
  expectedCloseOn: { kind: 'date' },
  ownerId: { kind: 'enum', nullable: true },
  source: { kind: 'enum', values: SOURCE_VALUES, nullable: true },
  accountId: { kind: 'enum', sortable: false },
  tenderNo: { kind: 'text' },
  lostReason: { kind: 'enum', values: LOST_REASON_VALUES, nullable: true },
  winnerName: { kind: 'text' },
  /** The brands named as competitors (opportunity_competitors); "none": no competitor named. */
  competitorBrands: { kind: 'enum', sortable: false, nullable: true },
  stageChangedAt: { kind: 'date' },
  createdAt: { kind: 'date' },
  updatedAt: { kind: 'date' },
} as const satisfies Record<string, ColumnSpec>;
export type OpportunityColumn = keyof typeof OPPORTUNITY_COLUMNS;

export const OPPORTUNITY_COLUMN_LABELS: Record<OpportunityColumn, Label> = {
  title: { zh: '商机名称', en: 'Opportunity' },
  accountName: { zh: '客户', en: 'Account' },
  buyerType: { zh: '客户类型', en: 'Buyer type' },
  stage: { zh: '阶段', en: 'Stage' },
  probability: { zh: '赢率', en: 'Win rate' },
  amountFen: { zh: '金额', en: 'Amount' },
  weightedFen: { zh: '加权金额', en: 'Weighted' },
  budgetFen: { zh: '预算', en: 'Budget' },
  quantity: { zh: '台数', en: 'Units' },
  expectedCloseOn: { zh: '预计成交日期', en: 'Expected close' },
  ownerId: { zh: '负责人', en: 'Owner' },
  source: { zh: '信息来源', en: 'Source' },
  accountId: { zh: '客户编号', en: 'Account id' },
  tenderNo: { zh: '招标项目编号', en: 'Tender no.' },
  lostReason: { zh: '丢单原因', en: 'Lost reason' },
  winnerName: { zh: '中标/成交方', en: 'Winner' },
  competitorBrands: { zh: '竞争品牌', en: 'Competitor brands' },
  stageChangedAt: { zh: '阶段变更时间', en: 'Stage changed' },
  createdAt: { zh: '创建时间', en: 'Created' },
  updatedAt: { zh: '更新时间', en: 'Updated' },
};

export const opportunityListQuery = listQuerySchema(OPPORTUNITY_COLUMNS);

const opportunityRow = z.object({
  id,
  title: z.string(),
  accountId: id,
  accountName: z.string(),
  buyerType: z.enum(BUYER_TYPE_VALUES),
  stage: z.enum(STAGE_VALUES),
  /** Percent, from the settings of the stage. */
  probability: z.number(),
  amountFen: z.number().int(),
  weightedFen: z.number().int(),
  budgetFen: z.number().int().nullable(),
  quantity: z.number().int(),
  expectedCloseOn: isoDate.nullable(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  source: z.enum(SOURCE_VALUES).nullable(),
  tenderId: id.nullable(),
  tenderNo: z.string().nullable(),
  lostReason: z.enum(LOST_REASON_VALUES).nullable(),
  winnerName: z.string().nullable(),
  /** Each brand named as a competitor once, in alphabetical order. */
  competitorBrands: z.array(z.string()),
  stageChangedAt: timestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type OpportunityRow = z.infer<typeof opportunityRow>;
export const opportunityPage = pageSchema(opportunityRow);

export const stageChange = z.object({
  at: timestamp,
  actor: ref.nullable(),
  from: z.enum(STAGE_VALUES).nullable(),
  to: z.enum(STAGE_VALUES),
  /** What moved it: a person, a tender result, a contract. */
  cause: z.enum(['manual', 'tender', 'contract']),
  /** What a person wrote, as written. */
  note: z.string().nullable(),
  /** Why the application moved it (a tender's bid or result, a final contract), as a code. */
  systemNote: systemNote.nullable(),
});

export const opportunityDetail = opportunityRow.extend({
  lines: z.array(
    demandLine.extend({
      configuration: z.string().nullable(),
      targetUnitPriceFen: z.number().int().nullable(),
    }),
  ),
  contacts: z.array(
    z.object({
      contactId: id,
      name: z.string(),
      title: z.string().nullable(),
      role: z.enum(PURCHASE_ROLE_VALUES).nullable(),
    }),
  ),
  competitors: z.array(
    z.object({
      brand: z.string(),
      model: z.string().nullable(),
      rep: z.string().nullable(),
      customerView: z.string().nullable(),
    }),
  ),
  notes: z.string().nullable(),
  lostNote: z.string().nullable(),
  winningPriceFen: z.number().int().nullable(),
  contractId: id.nullable(),
  stageHistory: z.array(stageChange),
  /** Tenders and contracts serving this opportunity, for links on the card. */
  tenders: z.array(z.object({ id, projectNo: z.string(), name: z.string(), status: z.string() })),
  contracts: z.array(
    z.object({ id, number: z.string(), status: z.string(), totalFen: z.number().int() }),
  ),
});
export type OpportunityDetail = z.infer<typeof opportunityDetail>;

/** The board: one column per stage with its totals and its first cards; more via list + stage filter. */
export const boardQuery = z
  .object({
    filters: z.array(filterSchema).max(30).default([]),
    search: z.string().max(200).optional(),
    /** Closed stages are summed but their cards only listed when asked. */
    includeClosed: z.boolean().default(false),
    cardsPerStage: z.number().int().min(0).max(200).default(30),
  })
  .superRefine((q, ctx) => refineFilters(OPPORTUNITY_COLUMNS, q.filters, ctx));

const boardColumn = z.object({
  stage: z.enum(STAGE_VALUES),
  probability: z.number(),
  count: z.number().int(),
  amountFen: z.number().int(),
  weightedFen: z.number().int(),
  cards: z.array(opportunityRow),
});
export const board = z.object({
  columns: z.array(boardColumn),
  total: z.object({
    count: z.number().int(),
    amountFen: z.number().int(),
    weightedFen: z.number().int(),
  }),
});
export type Board = z.infer<typeof board>;

export const probabilitySettings = z.object(
  Object.fromEntries(OPEN_STAGES.map((s) => [s, z.number().int().min(0).max(100)])) as Record<
    (typeof OPEN_STAGES)[number],
    z.ZodNumber
  >,
);
export type ProbabilitySettings = z.infer<typeof probabilitySettings>;
