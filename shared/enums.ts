/**
 * Closed vocabularies of the domain with their zh-CN and English labels. The zod enums, the UI
 * selects and (later) Excel headers all derive from these tables, so a value is defined once.
 */

export interface Label {
  zh: string;
  en: string;
}

function keysOf<T extends Record<string, Label>>(
  table: T,
): [keyof T & string, ...(keyof T & string)[]] {
  return Object.keys(table) as [keyof T & string, ...(keyof T & string)[]];
}

export const BUYER_TYPES = {
  direct: { zh: 'A类 直接用户', en: 'A · Direct user' },
  government: { zh: 'B类 政府采购', en: 'B · Government procurement' },
  system: { zh: 'B类 系统采购', en: 'B · System procurement' },
} satisfies Record<string, Label>;
export type BuyerType = keyof typeof BUYER_TYPES;
export const BUYER_TYPE_VALUES = keysOf(BUYER_TYPES);

export const GRADES = {
  A: { zh: 'A 全力投入', en: 'A · Full effort' },
  B: { zh: 'B 控制时间', en: 'B · Maintain' },
  C: { zh: 'C 观察变化', en: 'C · Watch' },
} satisfies Record<string, Label>;
export type Grade = keyof typeof GRADES;
export const GRADE_VALUES = keysOf(GRADES);

export const VALUE_TYPES = {
  intrinsic: { zh: '内在价值型', en: 'Intrinsic value (price)' },
  extrinsic: { zh: '外在价值型', en: 'Extrinsic value (service)' },
  strategic: { zh: '战略价值型', en: 'Strategic partner' },
} satisfies Record<string, Label>;
export type ValueType = keyof typeof VALUE_TYPES;
export const VALUE_TYPE_VALUES = keysOf(VALUE_TYPES);

export const LIFECYCLES = {
  prospect: { zh: '潜在', en: 'Prospect' },
  target: { zh: '目标', en: 'Target' },
  won: { zh: '成交', en: 'Won' },
  retained: { zh: '保有', en: 'Retained' },
} satisfies Record<string, Label>;
export type Lifecycle = keyof typeof LIFECYCLES;
export const LIFECYCLE_VALUES = keysOf(LIFECYCLES);

/**
 * 单位性质: what an organisation *is*, which the incentive policy keys on (a state organ buys
 * without a minimum whatever its purchase channel). `organ` is a state organ (机关).
 */
export const ORG_NATURES = {
  organ: { zh: '机关', en: 'State organ' },
  institution: { zh: '事业单位', en: 'Public institution' },
  soe: { zh: '国有企业', en: 'State-owned enterprise' },
  private: { zh: '民营企业', en: 'Private enterprise' },
  other: { zh: '其他', en: 'Other' },
} satisfies Record<string, Label>;
export type OrgNature = keyof typeof ORG_NATURES;
export const ORG_NATURE_VALUES = keysOf(ORG_NATURES);

/** Whether a person confirmed an account's nature, or it is Keyfleet's suggestion. */
export const ORG_NATURE_STATES = {
  confirmed: { zh: '已确认', en: 'Confirmed' },
  suggested: { zh: '待确认', en: 'To confirm' },
} satisfies Record<string, Label>;
export const ORG_NATURE_STATE_VALUES = keysOf(ORG_NATURE_STATES);

export const SOURCES = {
  finance_budget: { zh: '财政预算', en: 'Finance budget dept.' },
  staffing_office: { zh: '定编办', en: 'Staffing office' },
  vehicle_admin: { zh: '车管所', en: 'Vehicle administration' },
  procurement_centre: { zh: '采购中心', en: 'Procurement centre' },
  procurement_site: { zh: '采购网站', en: 'Procurement website' },
  leadership_change: { zh: '领导换届', en: 'Leadership change' },
  referral: { zh: '老客户转介绍', en: 'Customer referral' },
  after_sales: { zh: '售后部门', en: 'After-sales dept.' },
  management: { zh: '管理层人脉', en: 'Management network' },
  cold_call: { zh: '陌生拜访', en: 'Cold call / visit' },
  media: { zh: '媒体及招标公告', en: 'Media / tender notice' },
} satisfies Record<string, Label>;
export type Source = keyof typeof SOURCES;
export const SOURCE_VALUES = keysOf(SOURCES);

export const INDUSTRIES = {
  party_government: { zh: '党政机关', en: 'Party & government organs' },
  public_security: { zh: '公检法', en: 'Police, procuratorate & courts' },
  customs: { zh: '海关', en: 'Customs' },
  tax: { zh: '税务', en: 'Tax' },
  armed_police: { zh: '武警', en: 'Armed police' },
  army: { zh: '部队', en: 'Army' },
  procurement_dept: { zh: '采购部门', en: 'Procurement department' },
  banking: { zh: '银行金融', en: 'Banking & finance' },
  telecom: { zh: '电信通信', en: 'Telecom' },
  post: { zh: '邮政', en: 'Post' },
  oil: { zh: '石油石化', en: 'Oil & petrochemical' },
  water: { zh: '水务', en: 'Water' },
  power: { zh: '电力', en: 'Power' },
  aviation: { zh: '航空', en: 'Aviation' },
  railway: { zh: '铁路', en: 'Railway' },
  education: { zh: '学校教育', en: 'Schools & education' },
  healthcare: { zh: '医疗卫生', en: 'Healthcare' },
  rental: { zh: '汽车租赁', en: 'Car rental' },
  passenger_transport: { zh: '客运', en: 'Passenger transport' },
  tourism: { zh: '旅游', en: 'Tourism' },
  foreign_enterprise: { zh: '外资企业', en: 'Foreign-funded enterprise' },
  private_enterprise: { zh: '私营企业', en: 'Private enterprise' },
  state_enterprise: { zh: '国有企业', en: 'State-owned enterprise' },
  other: { zh: '其他', en: 'Other' },
} satisfies Record<string, Label>;
export type Industry = keyof typeof INDUSTRIES;
export const INDUSTRY_VALUES = keysOf(INDUSTRIES);

export const CONTACT_LEVELS = {
  operational: { zh: '操作层', en: 'Operational' },
  management: { zh: '管理层', en: 'Management' },
  decision: { zh: '决策层', en: 'Decision' },
} satisfies Record<string, Label>;
export type ContactLevel = keyof typeof CONTACT_LEVELS;
export const CONTACT_LEVEL_VALUES = keysOf(CONTACT_LEVELS);

export const PURCHASE_ROLES = {
  decision_maker: { zh: '决策者', en: 'Decision maker' },
  user: { zh: '使用者', en: 'User' },
  gatekeeper: { zh: '技术把关者', en: 'Technical gatekeeper' },
  coach: { zh: '向导', en: 'Guide / coach' },
  influencer: { zh: '影响者', en: 'Influencer' },
} satisfies Record<string, Label>;
export type PurchaseRole = keyof typeof PURCHASE_ROLES;
export const PURCHASE_ROLE_VALUES = keysOf(PURCHASE_ROLES);

export const ATTITUDES = {
  supporter: { zh: '支持', en: 'Supporter' },
  neutral: { zh: '中立', en: 'Neutral' },
  opponent: { zh: '反对', en: 'Opponent' },
  unknown: { zh: '未知', en: 'Unknown' },
} satisfies Record<string, Label>;
export type Attitude = keyof typeof ATTITUDES;
export const ATTITUDE_VALUES = keysOf(ATTITUDES);

export const STAFF_ROLES = {
  specialist: { zh: '大客户专员', en: 'KA specialist' },
  manager: { zh: '大客户经理', en: 'KA manager' },
  admin: { zh: '系统管理员', en: 'Administrator' },
} satisfies Record<string, Label>;
export type StaffRole = keyof typeof STAFF_ROLES;
export const STAFF_ROLE_VALUES = keysOf(STAFF_ROLES);

export const ALIAS_KINDS = {
  alias: { zh: '别名/简称', en: 'Alias' },
  former: { zh: '曾用名', en: 'Former name' },
} satisfies Record<string, Label>;
export type AliasKind = keyof typeof ALIAS_KINDS;
export const ALIAS_KIND_VALUES = keysOf(ALIAS_KINDS);

/** The account fields whose values come from a vocabulary, with its table: one list for exports, imports and history. */
export const ACCOUNT_VOCABULARIES = {
  buyerType: BUYER_TYPES,
  industry: INDUSTRIES,
  grade: GRADES,
  valueType: VALUE_TYPES,
  lifecycle: LIFECYCLES,
  source: SOURCES,
} as const satisfies Record<string, Record<string, Label>>;
