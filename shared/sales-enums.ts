/**
 * Vocabularies of the sales work (opportunities, tenders, contracts, activities, deadlines) with
 * their zh-CN and English labels, defined once for schemas, selects, exports and imports.
 */
import type { Label } from './enums';

function keysOf<T extends Record<string, Label>>(
  table: T,
): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

/** Stages in sales-process order; the last three are terminal. */
export const STAGES = {
  interest: { zh: '兴趣', en: 'Interest' },
  brewing: { zh: '酝酿', en: 'Brewing' },
  design: { zh: '设计', en: 'Design' },
  comparison: { zh: '比较', en: 'Comparison' },
  commitment: { zh: '承诺', en: 'Commitment' },
  in_use: { zh: '使用', en: 'In use' },
  won: { zh: '赢单', en: 'Won' },
  lost: { zh: '丢单', en: 'Lost' },
  abandoned: { zh: '放弃', en: 'Abandoned' },
} satisfies Record<string, Label>;
export type Stage = keyof typeof STAGES;
export const STAGE_VALUES = keysOf(STAGES);
export const OPEN_STAGES = [
  'interest',
  'brewing',
  'design',
  'comparison',
  'commitment',
  'in_use',
] as const satisfies readonly Stage[];
export type OpenStage = (typeof OPEN_STAGES)[number];
export const CLOSED_STAGES = ['won', 'lost', 'abandoned'] as const satisfies readonly Stage[];

/** Win rates in percent; the open ones are configurable in settings, the closed ones are fixed. */
export const DEFAULT_PROBABILITIES: Record<OpenStage, number> = {
  interest: 5,
  brewing: 10,
  design: 20,
  comparison: 30,
  commitment: 50,
  in_use: 80,
};
export const CLOSED_PROBABILITIES: Record<(typeof CLOSED_STAGES)[number], number> = {
  won: 100,
  lost: 0,
  abandoned: 0,
};

export function isOpenStage(stage: Stage): stage is OpenStage {
  return (OPEN_STAGES as readonly Stage[]).includes(stage);
}

export function stageRank(stage: Stage): number {
  return STAGE_VALUES.indexOf(stage);
}

export const LOST_REASONS = {
  price: { zh: '价格', en: 'Price' },
  relationship: { zh: '客户关系', en: 'Relationship' },
  product: { zh: '产品/配置不符', en: 'Product or specification' },
  scoring: { zh: '评分/资格条件', en: 'Scoring or qualification' },
  competitor_policy: { zh: '竞品政策', en: 'Competitor’s offer' },
  budget: { zh: '预算取消或削减', en: 'Budget cut or cancelled' },
  tender_lost: { zh: '未中标', en: 'Tender lost' },
  other: { zh: '其他', en: 'Other' },
} satisfies Record<string, Label>;
export type LostReason = keyof typeof LOST_REASONS;
export const LOST_REASON_VALUES = keysOf(LOST_REASONS);

export const PROCUREMENT_METHODS = {
  open_tender: { zh: '公开招标', en: 'Open tender' },
  invited_tender: { zh: '邀请招标', en: 'Invited tender' },
  competitive_negotiation: { zh: '竞争性谈判', en: 'Competitive negotiation' },
  competitive_consultation: { zh: '竞争性磋商', en: 'Competitive consultation' },
  rfq: { zh: '询价', en: 'Request for quotation' },
  single_source: { zh: '单一来源', en: 'Single source' },
  framework: { zh: '框架协议/协议供货', en: 'Framework agreement' },
  online_mall: { zh: '电子卖场', en: 'Online mall' },
} satisfies Record<string, Label>;
export type ProcurementMethod = keyof typeof PROCUREMENT_METHODS;
export const PROCUREMENT_METHOD_VALUES = keysOf(PROCUREMENT_METHODS);

/** Where a tender stands, from the facts recorded; the dates then tell its phase (TENDER_PHASES). */
export const TENDER_STATUSES = {
  planned: { zh: '采购意向', en: 'Planned' },
  announced: { zh: '已公告', en: 'Announced' },
  awarded: { zh: '已定标', en: 'Awarded' },
  failed: { zh: '流标/废标', en: 'Failed' },
  cancelled: { zh: '已终止', en: 'Cancelled' },
} satisfies Record<string, Label>;
export type TenderStatus = keyof typeof TENDER_STATUSES;
export const TENDER_STATUS_VALUES = keysOf(TENDER_STATUSES);

/** An announced tender's phase by today's date, for display: which deadline comes next. */
export const TENDER_PHASES = {
  before_sale: { zh: '待发售标书', en: 'Documents not on sale yet' },
  doc_sale: { zh: '标书发售中', en: 'Documents on sale' },
  bidding: { zh: '待开标', en: 'Awaiting opening' },
  evaluation: { zh: '已开标待定标', en: 'Opened, awaiting award' },
} satisfies Record<string, Label>;
export type TenderPhase = keyof typeof TENDER_PHASES;

export const LOT_RESULTS = {
  pending: { zh: '待定', en: 'Pending' },
  won: { zh: '我方中标', en: 'Won by us' },
  lost: { zh: '他人中标', en: 'Won by another' },
  failed: { zh: '流标', en: 'No award' },
} satisfies Record<string, Label>;
export type LotResult = keyof typeof LOT_RESULTS;
export const LOT_RESULT_VALUES = keysOf(LOT_RESULTS);

export const CONTRACT_KINDS = {
  standard: { zh: '普通合同', en: 'Standard contract' },
  system: { zh: '系统统一合同', en: 'System unified contract' },
} satisfies Record<string, Label>;
export type ContractKind = keyof typeof CONTRACT_KINDS;
export const CONTRACT_KIND_VALUES = keysOf(CONTRACT_KINDS);

export const CONTRACT_STATUSES = {
  draft: { zh: '草稿', en: 'Draft' },
  pending_approval: { zh: '待审批', en: 'Awaiting approval' },
  final: { zh: '已生效', en: 'Final' },
  cancelled: { zh: '已作废', en: 'Cancelled' },
} satisfies Record<string, Label>;
export type ContractStatus = keyof typeof CONTRACT_STATUSES;
export const CONTRACT_STATUS_VALUES = keysOf(CONTRACT_STATUSES);

export const APPROVAL_STATES = {
  pending: { zh: '待审批', en: 'Pending' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  superseded: { zh: '已失效', en: 'Superseded' },
} satisfies Record<string, Label>;
export type ApprovalState = keyof typeof APPROVAL_STATES;
export const APPROVAL_STATE_VALUES = keysOf(APPROVAL_STATES);

export const ACTIVITY_TYPES = {
  visit: { zh: '拜访', en: 'Visit' },
  call: { zh: '电话', en: 'Call' },
  mailing: { zh: '直邮', en: 'Mailing' },
  mailing_call: { zh: '直邮跟进电话', en: 'Call after mailing' },
  cold_call: { zh: '陌生拜访', en: 'Cold call / visit' },
  tender_docs: { zh: '购买标书', en: 'Tender documents bought' },
  quote: { zh: '报价', en: 'Quote' },
} satisfies Record<string, Label>;
export type ActivityType = keyof typeof ACTIVITY_TYPES;
export const ACTIVITY_TYPE_VALUES = keysOf(ACTIVITY_TYPES);
/** Whether a key (of a record keyed by activity type, say) names an activity type. */
export function isActivityType(key: string): key is ActivityType {
  return Object.hasOwn(ACTIVITY_TYPES, key);
}

export const ACTIVITY_OUTCOMES = {
  positive: { zh: '积极', en: 'Positive' },
  neutral: { zh: '一般', en: 'Neutral' },
  negative: { zh: '消极', en: 'Negative' },
  no_contact: { zh: '未联系上', en: 'No contact' },
} satisfies Record<string, Label>;
export type ActivityOutcome = keyof typeof ACTIVITY_OUTCOMES;
export const ACTIVITY_OUTCOME_VALUES = keysOf(ACTIVITY_OUTCOMES);

/** Every dated item the deadline calendar shows. */
export const DEADLINE_KINDS = {
  doc_sale_end: { zh: '标书发售截止', en: 'Tender documents: sale ends' },
  bid_deadline: { zh: '投标截止', en: 'Bid deadline' },
  opening: { zh: '开标', en: 'Bid opening' },
  publicity_end: { zh: '公示期结束', en: 'Result publicity ends' },
  bond_refund_due: { zh: '保证金应退', en: 'Bid bond refund due' },
  delivery_due: { zh: '合同交车期', en: 'Delivery due' },
  follow_up: { zh: '交车回访', en: 'Follow-up' },
  next_step: { zh: '下一步行动', en: 'Next step' },
  expected_close: { zh: '预计成交', en: 'Expected close' },
  claim_expiry: { zh: '报备保护期到期', en: 'Claim protection ends' },
  receivable_due: { zh: '应收款到期', en: 'Receivable due' },
} satisfies Record<string, Label>;
export type DeadlineKind = keyof typeof DEADLINE_KINDS;
export const DEADLINE_KIND_VALUES = keysOf(DEADLINE_KINDS);

/**
 * Kinds that ask for action: when past and not done they are overdue. The others are events
 * (an opening, the end of a publicity period) that simply pass.
 */
export const ACTIONABLE_KINDS = [
  'bid_deadline',
  'bond_refund_due',
  'delivery_due',
  'follow_up',
  'next_step',
  'expected_close',
  'receivable_due',
] as const satisfies readonly DeadlineKind[];
