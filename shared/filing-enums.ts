/**
 * Vocabularies of claims (报备), incentive filings, their evidence and the manufacturer's report,
 * with zh-CN and English labels, defined once for schemas, selects, checks and exports.
 */
import type { BuyerType, Label } from './enums';
import type { ActivityType } from './sales-enums';

function keysOf<T extends Record<string, Label>>(
  table: T,
): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

export const CLAIM_STATUSES = {
  draft: { zh: '草稿', en: 'Draft' },
  filed: { zh: '已报备', en: 'Filed' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  conflict: { zh: '撞单', en: 'In conflict' },
  expired: { zh: '已过期', en: 'Expired' },
  released: { zh: '已释放', en: 'Released' },
} satisfies Record<string, Label>;
export type ClaimStatus = keyof typeof CLAIM_STATUSES;
export const CLAIM_STATUS_VALUES = keysOf(CLAIM_STATUSES);
/** Claims that still protect their account: the ones a new claim can conflict with. */
export const ACTIVE_CLAIM_STATUSES = [
  'filed',
  'approved',
  'conflict',
] as const satisfies readonly ClaimStatus[];

/** Ours, or another dealer's claim as the manufacturer reported it back to us. */
export const CLAIM_SOURCES = {
  ours: { zh: '本店', en: 'Ours' },
  other_dealer: { zh: '他店（厂家告知）', en: 'Other dealer (per manufacturer)' },
} satisfies Record<string, Label>;
export type ClaimSource = keyof typeof CLAIM_SOURCES;
export const CLAIM_SOURCE_VALUES = keysOf(CLAIM_SOURCES);

/** What a claim's history records, as the dispute dossier words it. */
export const CLAIM_ACTIONS = {
  'claims.create': { zh: '起草报备', en: 'Claim drafted' },
  'claims.update': { zh: '修改报备草稿', en: 'Draft changed' },
  'claims.file': { zh: '提交报备', en: 'Claim filed' },
  'claims.recordExternal': { zh: '登记厂家告知的他店报备', en: 'Other dealer’s claim recorded' },
  'claims.conflict': { zh: '发现撞单', en: 'Conflict found' },
  'claims.conflictCleared': { zh: '撞单解除', en: 'Conflict cleared' },
  'claims.overlap': {
    zh: '店内重叠（同事报备同一单位）',
    en: 'Internal overlap (a colleague’s claim)',
  },
  'claims.overlapCleared': { zh: '店内重叠解除', en: 'Internal overlap ended' },
  'claims.overlapSettled': { zh: '经理裁定店内重叠', en: 'Internal overlap settled by a manager' },
  'claims.reply': { zh: '厂家回复', en: 'Manufacturer’s reply' },
  'claims.wish': { zh: '登记客户意愿', en: 'Customer’s wish recorded' },
  'claims.renew': { zh: '续期', en: 'Renewed' },
  'claims.release': { zh: '释放报备', en: 'Released' },
  'claims.expire': { zh: '保护期到期', en: 'Expired' },
  'claims.requestAuthorisation': { zh: '申请跨区授权', en: 'Authorisation requested' },
  'claims.answerAuthorisation': { zh: '跨区授权答复', en: 'Authorisation answered' },
  'documents.attach': { zh: '上传材料', en: 'Document attached' },
  'documents.remove': { zh: '移除材料', en: 'Document removed' },
} satisfies Record<string, Label>;

/** Cross-territory authorisation (复合辖区授权) of a claim on an account outside our territory. */
export const AUTH_STATES = {
  not_needed: { zh: '辖区内', en: 'In our territory' },
  needed: { zh: '需申请授权', en: 'Authorisation needed' },
  requested: { zh: '授权申请中', en: 'Authorisation requested' },
  granted: { zh: '已授权', en: 'Authorised' },
  refused: { zh: '授权被拒', en: 'Authorisation refused' },
} satisfies Record<string, Label>;
export type AuthState = keyof typeof AUTH_STATES;
export const AUTH_STATE_VALUES = keysOf(AUTH_STATES);

/** How a conflicting claim was found. */
export const CONFLICT_MATCHES = {
  same_account: { zh: '同一客户', en: 'Same account' },
  uscc: { zh: '统一社会信用代码相同', en: 'Same USCC' },
  name: { zh: '名称相同（规范化后）', en: 'Same name (normalised)' },
  alias: { zh: '名称与别名相同', en: 'Name matches an alias' },
  hierarchy: { zh: '上下级单位', en: 'Head office and unit' },
} satisfies Record<string, Label>;
export type ConflictMatch = keyof typeof CONFLICT_MATCHES;
export const CONFLICT_MATCH_VALUES = keysOf(CONFLICT_MATCHES);

/** The manufacturer's order for competing claims: the first rule that separates them decides. */
export const CONFLICT_RULES = {
  customer_wish: { zh: '客户意愿', en: 'Customer’s wish' },
  development: { zh: '开发进度（开发记录数）', en: 'Development progress (evidence count)' },
  filing_time: { zh: '报备时间（先报先得）', en: 'Filing time (earliest first)' },
} satisfies Record<string, Label>;
export type ConflictRule = keyof typeof CONFLICT_RULES;
export const CONFLICT_RULE_VALUES = keysOf(CONFLICT_RULES);

/** Activities that count as development evidence of a claim. */
export const DEVELOPMENT_TYPES = [
  'visit',
  'call',
  'mailing_call',
  'cold_call',
  'tender_docs',
  'quote',
] as const satisfies readonly ActivityType[];

export const DOCUMENT_KINDS = {
  contract: { zh: '购车合同', en: 'Purchase contract' },
  procurement_contract: {
    zh: '与采购中心签订的协议或合同',
    en: 'Agreement or contract with the procurement centre',
  },
  unified_contract: { zh: '统一采购合同', en: 'Unified purchase contract' },
  bid_win_notice: { zh: '中标（成交）通知书', en: 'Bid-win notice' },
  procurement_list: { zh: '采购清单', en: 'Procurement list' },
  invoice: { zh: '销售发票（复印件）', en: 'Sales invoice (copy)' },
  registration: { zh: '行驶证', en: 'Vehicle registration' },
  visit_record: { zh: '拜访记录（需求确认）', en: 'Visit record (need confirmed)' },
  customer_wish: { zh: '客户意愿书', en: 'Customer’s statement of wish' },
  authorisation: { zh: '跨区授权书', en: 'Cross-territory authorisation' },
  other: { zh: '其他', en: 'Other' },
} satisfies Record<string, Label>;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_VALUES = keysOf(DOCUMENT_KINDS);

interface ChecklistItem {
  kind: DocumentKind;
  /**
   * Why the item is asked for, when it depends on the sale: tendered or not, and (registrations of
   * a system purchase) only of a non-state system such as oil or banks.
   */
  when?: 'tendered' | 'not_tendered' | 'non_state';
}

/** The evidence the manufacturer asks for per buyer type (判定标准). */
const EVIDENCE_CHECKLIST: Record<BuyerType, ChecklistItem[]> = {
  direct: [{ kind: 'contract' }, { kind: 'invoice' }, { kind: 'registration' }],
  government: [
    { kind: 'procurement_contract' },
    { kind: 'bid_win_notice', when: 'tendered' },
    { kind: 'procurement_list', when: 'not_tendered' },
    { kind: 'invoice' },
  ],
  system: [
    { kind: 'visit_record' },
    { kind: 'unified_contract' },
    { kind: 'procurement_list' },
    { kind: 'invoice' },
    { kind: 'registration', when: 'non_state' },
  ],
};

/**
 * The checklist of one sale: tendered or not decides between bid-win notice and procurement list;
 * a state organ's system purchase needs no registrations.
 */
export function checklistFor(
  buyerType: BuyerType,
  tendered: boolean,
  stateOrgan: boolean,
): DocumentKind[] {
  return EVIDENCE_CHECKLIST[buyerType]
    .filter((i) =>
      i.when === 'non_state' ? !stateOrgan : !i.when || (i.when === 'tendered') === tendered,
    )
    .map((i) => i.kind);
}

/** The policy's rules as a verdict names them (shared/eligibility.ts). */
export const POLICY_RULES = {
  government: { zh: '政府机关（机关单位）：不限台数', en: 'State organ: no minimum' },
  min_units: {
    zh: '单次采购达到最低台数（车型可合并）',
    en: 'Minimum units per purchase (models combined)',
  },
  annual_batch: {
    zh: '曾一次批售达到规定台数：此后不限台数',
    en: 'An earlier large batch: no minimum thereafter',
  },
  retail_cap: { zh: '成交价不高于市场零售价', en: 'Price not above retail' },
  floor: { zh: '低于政策底价须经审批', en: 'Below the floor only with approval' },
} satisfies Record<string, Label>;
export type PolicyRule = keyof typeof POLICY_RULES;

export const FILING_STATUSES = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已报备', en: 'Submitted' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
} satisfies Record<string, Label>;
export type FilingStatus = keyof typeof FILING_STATUSES;
export const FILING_STATUS_VALUES = keysOf(FILING_STATUSES);

/** The checks a filing must pass before it is submitted (or a manager overrides them). */
export const FILING_CHECKS = {
  eligibility: { zh: '政策资格', en: 'Policy eligibility' },
  evidence: { zh: '证明材料齐全', en: 'Evidence complete' },
  invoice_buyer: { zh: '发票购买方与合同甲方一致', en: 'Invoice buyer is the contract party' },
  registration_owner: {
    zh: '行驶证所有人与合同甲方一致',
    en: 'Registration owner is the contract party',
  },
  subordinate: { zh: '下属单位已核实', en: 'Subordinate units verified' },
  vins: { zh: '车架号在交车、发票、行驶证间一致', en: 'VINs agree across documents' },
  units: { zh: '台数一致', en: 'Unit counts agree' },
  tender_winner: { zh: '中标人为本店', en: 'We won the tender' },
} satisfies Record<string, Label>;
export type FilingCheck = keyof typeof FILING_CHECKS;
export const FILING_CHECK_VALUES = keysOf(FILING_CHECKS);

/** What a failed check found, worded by the UI with the problem's subject and values. */
const CHECK_PROBLEMS = {
  rule_failed: { zh: '政策规则未满足', en: 'Policy rule not met' },
  document_missing: { zh: '缺少材料', en: 'Document missing' },
  document_altered: { zh: '材料文件已被改动或丢失', en: 'Stored document altered or missing' },
  name_mismatch: { zh: '名称不一致', en: 'Names differ' },
  no_invoice: { zh: '未开票', en: 'Not invoiced' },
  no_registration: { zh: '无行驶证信息', en: 'No registration' },
  not_allocated: { zh: '未分配到下属单位', en: 'Not allocated to a unit' },
  not_subordinate: { zh: '不是总部的下属单位', en: 'Not a unit of the head office' },
  count_mismatch: { zh: '台数不一致', en: 'Counts differ' },
  tender_not_won: { zh: '招标项目未由本店中标', en: 'Tender not won by us' },
} satisfies Record<string, Label>;
export type CheckProblem = keyof typeof CHECK_PROBLEMS;
export const CHECK_PROBLEM_VALUES = keysOf(CHECK_PROBLEMS);

/** Fields a filing report column can show, per vehicle or per filing. */
export const REPORT_FIELDS = {
  seq: { zh: '序号', en: 'No.' },
  dealer: { zh: '经销商', en: 'Dealer' },
  dealerCode: { zh: '经销商代码', en: 'Dealer code' },
  filingNo: { zh: '报备编号', en: 'Filing no.' },
  accountName: { zh: '客户名称', en: 'Account' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  buyerType: { zh: '客户类型', en: 'Buyer type' },
  region: { zh: '所在地区', en: 'Region' },
  tenderNo: { zh: '招标项目编号', en: 'Tender no.' },
  contractNo: { zh: '合同编号', en: 'Contract no.' },
  signedOn: { zh: '合同日期', en: 'Contract date' },
  unitName: { zh: '使用单位', en: 'Using unit' },
  model: { zh: '车型', en: 'Model' },
  units: { zh: '台数', en: 'Units' },
  unitPrice: { zh: '成交单价（元）', en: 'Unit price (yuan)' },
  vin: { zh: '车架号', en: 'VIN' },
  deliveredOn: { zh: '交车日期', en: 'Delivered' },
  invoiceNo: { zh: '发票号码', en: 'Invoice no.' },
  invoiceDate: { zh: '开票日期', en: 'Invoice date' },
  invoiceAmount: { zh: '发票金额（元）', en: 'Invoice amount (yuan)' },
  registrationOwner: { zh: '行驶证所有人', en: 'Registration owner' },
  plate: { zh: '车牌号', en: 'Plate' },
  claimRef: { zh: '厂家报备号', en: 'Manufacturer claim ref.' },
  filedAt: { zh: '报备时间', en: 'Filing time' },
  verdict: { zh: '资格判定', en: 'Eligibility' },
  evidence: { zh: '证明材料', en: 'Evidence' },
  override: { zh: '经理特批说明', en: 'Manager override' },
} satisfies Record<string, Label>;
export type ReportField = keyof typeof REPORT_FIELDS;
export const REPORT_FIELD_VALUES = keysOf(REPORT_FIELDS);

export const REPORT_GRANULARITIES = {
  vehicle: { zh: '每车一行', en: 'One row per vehicle' },
  filing: { zh: '每笔报备一行', en: 'One row per filing' },
} satisfies Record<string, Label>;
export type ReportGranularity = keyof typeof REPORT_GRANULARITIES;
export const REPORT_GRANULARITY_VALUES = keysOf(REPORT_GRANULARITIES);

/** The manufacturer's verdict on a submitted filing (the incentive lifecycle after submission). */
export const OEM_VERDICTS = {
  approved: { zh: '厂家批准', en: 'Approved' },
  partial: { zh: '部分批准', en: 'Partially approved' },
  rejected: { zh: '厂家驳回', en: 'Rejected' },
} satisfies Record<string, Label>;
export type OemVerdict = keyof typeof OEM_VERDICTS;
export const OEM_VERDICT_VALUES = keysOf(OEM_VERDICTS);

/** Why the manufacturer rejected a filing or approved only part of it. */
export const INCENTIVE_REASONS = {
  evidence_incomplete: { zh: '证明材料不全', en: 'Evidence incomplete' },
  not_eligible: { zh: '不符合商务政策', en: 'Not eligible under the policy' },
  documents_mismatch: { zh: '合同、发票、行驶证信息不一致', en: 'Documents disagree' },
  claim_conflict: { zh: '撞单（他店已报备）', en: 'Claim conflict (another dealer)' },
  late: { zh: '超过报备时限', en: 'Filed too late' },
  units_reduced: { zh: '核减台数', en: 'Units reduced' },
  price: { zh: '成交价不符合政策', en: 'Price outside the policy' },
  other: { zh: '其他', en: 'Other' },
} satisfies Record<string, Label>;
export type IncentiveReason = keyof typeof INCENTIVE_REASONS;
export const INCENTIVE_REASON_VALUES = keysOf(INCENTIVE_REASONS);

/**
 * Where a filing's incentive stands, derived from its status, verdict and payments (never stored):
 * the words of the card, the panel and the history.
 */
export const INCENTIVE_STATES = {
  not_submitted: { zh: '未提交', en: 'Not submitted' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  awaiting_verdict: { zh: '待厂家审核', en: 'Awaiting the verdict' },
  rejected: { zh: '厂家驳回', en: 'Rejected' },
  awaiting_payment: { zh: '待厂家付款', en: 'Awaiting payment' },
  partly_paid: { zh: '部分到账', en: 'Partly received' },
  paid: { zh: '已全额到账', en: 'Received in full' },
} satisfies Record<string, Label>;
export type IncentiveState = keyof typeof INCENTIVE_STATES;
export const INCENTIVE_STATE_VALUES = keysOf(INCENTIVE_STATES);

/** What a filing's history records, as the filing card words it. */
export const FILING_ACTIONS = {
  'filings.create': { zh: '创建报备', en: 'Filing drafted' },
  'filings.update': { zh: '修改报备台数', en: 'Units changed' },
  'filings.override': { zh: '经理特批', en: 'Manager override' },
  'filings.submit': { zh: '提交报备', en: 'Submitted' },
  'filings.withdraw': { zh: '撤回报备', en: 'Withdrawn' },
  'filings.recordVerdict': { zh: '登记厂家审核结果', en: 'Manufacturer’s verdict recorded' },
  'filings.recordPayment': { zh: '登记激励款到账', en: 'Incentive payment recorded' },
  'documents.attach': { zh: '上传材料', en: 'Document attached' },
  'documents.remove': { zh: '移除材料', en: 'Document removed' },
} satisfies Record<string, Label>;

/** The periods incentive totals are summed by. */
export const INCENTIVE_PERIODS = {
  month: { zh: '按月', en: 'By month' },
  quarter: { zh: '按季度', en: 'By quarter' },
  year: { zh: '按年', en: 'By year' },
} satisfies Record<string, Label>;
export type IncentivePeriod = keyof typeof INCENTIVE_PERIODS;
export const INCENTIVE_PERIOD_VALUES = keysOf(INCENTIVE_PERIODS);
