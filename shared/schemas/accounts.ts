import { valueClassFilter } from './value';
import { z } from 'zod';
import {
  type Label,
  ALIAS_KIND_VALUES,
  BUYER_TYPE_VALUES,
  GRADE_VALUES,
  INDUSTRY_VALUES,
  LIFECYCLE_VALUES,
  ORG_NATURE_VALUES,
  ORG_NATURE_STATE_VALUES,
  SOURCE_VALUES,
  VALUE_TYPE_VALUES,
} from '../enums';
import { type ColumnSpec, listQuerySchema, pageSchema } from '../list';
import { isConsistentRegion, PROVINCES } from '../regions';
import { normalizeUscc, usccProblem } from '../uscc';
import { id, optionalText, ref, requiredText, timestamp, version } from './common';
import { refId } from './references';

/** Accepts full-width, lower-case, spaced input; stores the canonical 18 characters or null. */
const usccField = z.preprocess(
  (v) => (typeof v === 'string' ? (normalizeUscc(v) === '' ? null : normalizeUscc(v)) : v),
  z
    .string()
    .nullable()
    .superRefine((v, ctx) => {
      if (v === null) return;
      const problem = usccProblem(v);
      if (problem)
        ctx.addIssue({
          code: 'custom',
          message: `uscc.${problem}`,
          params: { reason: `uscc.${problem}` },
        });
    }),
);

const regionCode = z
  .string()
  .regex(/^\d{6}$/)
  .nullable()
  .default(null);

const aliasInput = z.object({
  alias: requiredText(200),
  kind: z.enum(ALIAS_KIND_VALUES).default('alias'),
});

export const fleetLine = z.object({
  brand: requiredText(50),
  model: requiredText(80),
  count: z.number().int().min(0).max(100_000),
  year: z.number().int().min(1950).max(2100).nullable().default(null),
});

export const accountInput = z
  .object({
    name: requiredText(200),
    uscc: usccField.default(null),
    aliases: z.array(aliasInput).max(50).default([]),
    buyerType: z.enum(BUYER_TYPE_VALUES),
    industry: z.enum(INDUSTRY_VALUES).nullable().default(null),
    /**
     * 单位性质 as a person chose or confirmed it; null: not confirmed — Keyfleet stores its own
     * suggestion from the USCC, industry and name (shared/org-nature.ts), marked unconfirmed.
     */
    orgNature: z.enum(ORG_NATURE_VALUES).nullable().default(null),
    provinceCode: regionCode,
    cityCode: regionCode,
    districtCode: regionCode,
    address: optionalText(300),
    parentId: refId('accounts').nullable().default(null),
    grade: z.enum(GRADE_VALUES).default('C'),
    valueType: z.enum(VALUE_TYPE_VALUES).nullable().default(null),
    lifecycle: z.enum(LIFECYCLE_VALUES).default('prospect'),
    source: z.enum(SOURCE_VALUES).nullable().default(null),
    ownerId: refId('staff').nullable().default(null),
    fleet: z.array(fleetLine).max(200).default([]),
    notes: optionalText(5000),
  })
  .superRefine((a, ctx) => {
    if (!isConsistentRegion(a.provinceCode, a.cityCode, a.districtCode))
      ctx.addIssue({
        code: 'custom',
        path: ['districtCode'],
        message: 'region.inconsistent',
        params: { reason: 'region.inconsistent' },
      });
  });
export type AccountInput = z.infer<typeof accountInput>;

/**
 * Possible duplicates are confirmed by the user: the call is repeated with this flag set. An
 * account of the very same name is confirmed apart, by naming the existing account's id.
 */
const confirmSameName = z.array(refId('accounts')).max(20).default([]);

export const accountCreate = z.object({
  account: accountInput,
  acknowledgeDuplicates: z.boolean().default(false),
  confirmSameName,
});

export const accountUpdate = z.object({
  id,
  account: accountInput,
  acknowledgeDuplicates: z.boolean().default(false),
  /** The version the form was loaded with; a newer one means someone else saved meanwhile. */
  version,
  confirmSameName,
});

/** A person confirms (or corrects) Keyfleet's suggested organisation nature. */
export const orgNatureConfirm = z.object({ id, orgNature: z.enum(ORG_NATURE_VALUES) });

/** The co-owners (副销售) of an account, replacing the ones it has; the owner is not one of them. */
export const accountTeamInput = z.object({ id, coOwnerIds: z.array(refId('staff')).max(20) });

export const accountRef = z.object({ id, name: z.string(), uscc: z.string().nullable() });
export type AccountRef = z.infer<typeof accountRef>;

export const duplicateMatch = accountRef.extend({
  /** sameName: the very same legal name; name: a similar one (other legal form); alias. */
  matchedOn: z.enum(['uscc', 'sameName', 'name', 'alias']),
  matchedText: z.string(),
});
export type DuplicateMatch = z.infer<typeof duplicateMatch>;

export const duplicateCheckInput = z.object({
  name: z.string().max(200),
  uscc: z.string().max(40).nullable().default(null),
  aliases: z.array(z.string().max(200)).max(50).default([]),
  excludeId: id.nullable().default(null),
});
export const duplicateCheckResult = z.object({
  usccTaken: duplicateMatch.nullable(),
  similar: z.array(duplicateMatch),
});

export const ACCOUNT_COLUMNS = {
  name: { kind: 'text' },
  uscc: { kind: 'text' },
  buyerType: { kind: 'enum', values: BUYER_TYPE_VALUES },
  industry: { kind: 'enum', values: INDUSTRY_VALUES },
  orgNature: { kind: 'enum', values: ORG_NATURE_VALUES },
  orgNatureState: { kind: 'enum', values: ORG_NATURE_STATE_VALUES },
  provinceCode: { kind: 'enum', values: PROVINCES.map((p) => p.code) },
  cityCode: { kind: 'text', filterable: false },
  grade: { kind: 'enum', values: GRADE_VALUES },
  valueType: { kind: 'enum', values: VALUE_TYPE_VALUES },
  lifecycle: { kind: 'enum', values: LIFECYCLE_VALUES },
  source: { kind: 'enum', values: SOURCE_VALUES },
  ownerId: { kind: 'enum' },
  parentId: { kind: 'enum', sortable: false },
  parentName: { kind: 'text' },
  address: { kind: 'text' },
  fleetTotal: { kind: 'number' },
  contactCount: { kind: 'number' },
  subordinateCount: { kind: 'number' },
  createdAt: { kind: 'date' },
  updatedAt: { kind: 'date' },
  // The account's facts (electron/value/facts.ts); money filtered in 万元, the share in percent.
  revenueWan: { kind: 'number' },
  units: { kind: 'number' },
  purchases: { kind: 'number' },
  lastPurchaseOn: { kind: 'date' },
  lastContactOn: { kind: 'date' },
  pipelineWan: { kind: 'number' },
  marginFloorWan: { kind: 'number' },
  fleetSharePct: { kind: 'number' },
} as const satisfies Record<string, ColumnSpec>;
export type AccountColumn = keyof typeof ACCOUNT_COLUMNS;

/** Column names as exports and filter descriptions print them. */
export const ACCOUNT_COLUMN_LABELS: Record<AccountColumn, Label> = {
  name: { zh: '客户名称', en: 'Name' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  buyerType: { zh: '客户类型', en: 'Buyer type' },
  industry: { zh: '行业', en: 'Industry' },
  orgNature: { zh: '单位性质', en: 'Organisation nature' },
  orgNatureState: { zh: '单位性质确认', en: 'Nature confirmed' },
  provinceCode: { zh: '地区', en: 'Region' },
  cityCode: { zh: '城市', en: 'City' },
  grade: { zh: '客户等级', en: 'Grade' },
  valueType: { zh: '价值类型', en: 'Value type' },
  lifecycle: { zh: '阶段', en: 'Stage' },
  source: { zh: '信息来源', en: 'Source' },
  ownerId: { zh: '负责人', en: 'Owner' },
  parentId: { zh: '上级单位编号', en: 'Head office id' },
  parentName: { zh: '上级单位', en: 'Head office' },
  address: { zh: '地址', en: 'Address' },
  fleetTotal: { zh: '保有车辆', en: 'Fleet' },
  contactCount: { zh: '联系人数', en: 'Contacts' },
  subordinateCount: { zh: '下属单位数', en: 'Subordinate units' },
  createdAt: { zh: '创建时间', en: 'Created' },
  updatedAt: { zh: '更新时间', en: 'Updated' },
  revenueWan: { zh: '成交金额（万元）', en: 'Revenue (万元)' },
  units: { zh: '成交台数', en: 'Units bought' },
  purchases: { zh: '成交次数', en: 'Purchases' },
  lastPurchaseOn: { zh: '最近成交', en: 'Last purchase' },
  lastContactOn: { zh: '最近联系', en: 'Last contact' },
  pipelineWan: { zh: '在谈商机（万元）', en: 'Open pipeline (万元)' },
  marginFloorWan: { zh: '毛利对底价（万元）', en: 'Margin over floor (万元)' },
  fleetSharePct: { zh: '我方保有占比（%）', en: 'Our fleet share (%)' },
};

export const accountListQuery = listQuerySchema(ACCOUNT_COLUMNS).safeExtend({
  /** The accounts of some ABC classes (a Pareto drill-down), among the viewer's accounts. */
  valueClass: valueClassFilter.optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

const accountRow = z.object({
  id,
  name: z.string(),
  uscc: z.string().nullable(),
  buyerType: z.enum(BUYER_TYPE_VALUES),
  industry: z.enum(INDUSTRY_VALUES).nullable(),
  orgNature: z.enum(ORG_NATURE_VALUES).nullable(),
  orgNatureState: z.enum(ORG_NATURE_STATE_VALUES),
  provinceCode: z.string().nullable(),
  cityCode: z.string().nullable(),
  districtCode: z.string().nullable(),
  grade: z.enum(GRADE_VALUES),
  valueType: z.enum(VALUE_TYPE_VALUES).nullable(),
  lifecycle: z.enum(LIFECYCLE_VALUES),
  source: z.enum(SOURCE_VALUES).nullable(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  parentId: id.nullable(),
  parentName: z.string().nullable(),
  address: z.string().nullable(),
  fleetTotal: z.number().int(),
  contactCount: z.number().int(),
  subordinateCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  /** Facts (null where the viewer may not see the account's sales records). */
  revenueFen: z.number().int().nullable(),
  units: z.number().int().nullable(),
  purchases: z.number().int().nullable(),
  lastPurchaseOn: z.string().nullable(),
  lastContactOn: z.string().nullable(),
  openPipelineFen: z.number().int().nullable(),
  marginFloorFen: z.number().int().nullable(),
  /** Our final units ÷ the recorded fleet (0.25 = 25 %). */
  fleetShare: z.number().nullable(),
});
export type AccountRow = z.infer<typeof accountRow>;
export const accountPage = pageSchema(accountRow);
export type AccountPage = z.infer<typeof accountPage>;

export const accountDetail = accountRow
  .omit({
    ownerName: true,
    parentName: true,
    // The card shows the facts on its 交易 tab (value.account), with the viewer's rights.
    revenueFen: true,
    units: true,
    purchases: true,
    lastPurchaseOn: true,
    lastContactOn: true,
    openPipelineFen: true,
    marginFloorFen: true,
    fleetShare: true,
  })
  .extend({
    aliases: z.array(z.object({ alias: z.string(), kind: z.enum(ALIAS_KIND_VALUES) })),
    fleet: z.array(
      z.object({
        brand: z.string(),
        model: z.string(),
        count: z.number().int(),
        year: z.number().int().nullable(),
      }),
    ),
    notes: z.string().nullable(),
    owner: ref.nullable(),
    /** 副销售: the account's team besides its owner; they see and work on its records too. */
    coOwners: z.array(ref),
    parent: ref.nullable(),
    version,
  });
export type AccountDetail = z.infer<typeof accountDetail>;

export const accountLookupInput = z.object({
  q: z.string().max(100).default(''),
  limit: z.number().int().min(1).max(50).default(20),
  excludeId: id.nullable().default(null),
});
export type AccountLookupInput = z.infer<typeof accountLookupInput>;
