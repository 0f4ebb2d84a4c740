/** Conversions between the account form's values, an AccountDetail and the API's account input. */
import type {
  AliasKind,
  BuyerType,
  Grade,
  Industry,
  Lifecycle,
  OrgNature,
  Source,
  ValueType,
} from '../../../../shared/enums';
import type { Input } from '../../../../shared/api';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import { normalizeUscc } from '../../../../shared/uscc';

export interface AccountFormValues {
  name: string;
  uscc: string;
  aliases: { alias: string; kind: AliasKind }[];
  buyerType: BuyerType | undefined;
  industry: Industry | null;
  /** As a person confirmed it; null while only Keyfleet's suggestion stands. */
  orgNature: OrgNature | null;
  region: string[];
  address: string;
  parentId: number | null;
  grade: Grade;
  valueType: ValueType | null;
  lifecycle: Lifecycle;
  source: Source | null;
  ownerId: number | null;
  fleet: { brand: string; model: string; count: number | null; year: number | null }[];
  notes: string;
}

export type AccountInputValue = Input<'accounts.create'>['account'];

export function emptyValues(ownerId: number): AccountFormValues {
  return {
    name: '',
    uscc: '',
    aliases: [],
    buyerType: undefined,
    industry: null,
    orgNature: null,
    region: [],
    address: '',
    parentId: null,
    grade: 'C',
    valueType: null,
    lifecycle: 'prospect',
    source: null,
    ownerId,
    fleet: [],
    notes: '',
  };
}

export function valuesOf(d: AccountDetail): AccountFormValues {
  return {
    name: d.name,
    uscc: d.uscc ?? '',
    aliases: d.aliases.map((a) => ({ alias: a.alias, kind: a.kind })),
    buyerType: d.buyerType,
    industry: d.industry,
    orgNature: d.orgNatureState === 'confirmed' ? d.orgNature : null,
    region: [d.provinceCode, d.cityCode, d.districtCode].filter((c): c is string => !!c),
    address: d.address ?? '',
    parentId: d.parent?.id ?? null,
    grade: d.grade,
    valueType: d.valueType,
    lifecycle: d.lifecycle,
    source: d.source,
    ownerId: d.owner?.id ?? null,
    fleet: d.fleet.map((f) => ({ brand: f.brand, model: f.model, count: f.count, year: f.year })),
    notes: d.notes ?? '',
  };
}

const blankToNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** Form values (already validated: buyer type present) to the API's account input. */
export function inputOf(v: AccountFormValues, buyerType: BuyerType): AccountInputValue {
  const uscc = normalizeUscc(v.uscc ?? '');
  return {
    name: v.name.trim(),
    uscc: uscc || null,
    aliases: (v.aliases ?? [])
      .filter((a) => a.alias && a.alias.trim())
      .map((a) => ({ alias: a.alias.trim(), kind: a.kind })),
    buyerType,
    industry: v.industry ?? null,
    orgNature: v.orgNature ?? null,
    provinceCode: v.region?.[0] ?? null,
    cityCode: v.region?.[1] ?? null,
    districtCode: v.region?.[2] ?? null,
    address: blankToNull(v.address),
    parentId: v.parentId ?? null,
    grade: v.grade,
    valueType: v.valueType ?? null,
    lifecycle: v.lifecycle,
    source: v.source ?? null,
    ownerId: v.ownerId ?? null,
    fleet: (v.fleet ?? []).map((f) => ({
      brand: f.brand.trim(),
      model: f.model.trim(),
      count: f.count ?? 0,
      year: f.year ?? null,
    })),
    notes: blankToNull(v.notes),
  };
}

const REGION_FIELDS = new Set(['provinceCode', 'cityCode', 'districtCode']);
const FORM_FIELDS = new Set<string>([
  'name',
  'uscc',
  'aliases',
  'buyerType',
  'industry',
  'orgNature',
  'region',
  'address',
  'parentId',
  'grade',
  'valueType',
  'lifecycle',
  'source',
  'ownerId',
  'fleet',
  'notes',
]);

/** `account.fleet.1.count` → ['fleet', 1, 'count']; region codes map to the one cascader. Null when the form has no such field. */
export function formPathOf(serverPath: string): (string | number)[] | null {
  const parts = serverPath.split('.');
  if (parts[0] === 'account') parts.shift();
  const [head] = parts;
  if (!head) return null;
  if (REGION_FIELDS.has(head)) return ['region'];
  if (!FORM_FIELDS.has(head)) return null;
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
