/** How each column of the accounts view becomes a spreadsheet cell, in the export's language. */
import {
  ACCOUNT_VOCABULARIES,
  BUYER_TYPES,
  GRADES,
  INDUSTRIES,
  type Label,
  LIFECYCLES,
  ORG_NATURES,
  ORG_NATURE_STATES,
  SOURCES,
  VALUE_TYPES,
} from '../../shared/enums';
import type { AccountColumn, AccountRow } from '../../shared/schemas/accounts';
import { regionLabel, regionName } from '../../shared/regions';
import type { CellKind, CellValue } from '../excel/table-writer';

export type Lang = 'zh-CN' | 'en';

export function labelOf(
  table: Record<string, Label>,
  value: string | null,
  lang: Lang,
): string | null {
  if (value === null) return null;
  const label = table[value];
  return label ? label[lang === 'en' ? 'en' : 'zh'] : value;
}

/** The columns whose values are codes of a vocabulary, shown by their labels. */
export const ACCOUNT_ENUM_LABELS: Partial<Record<AccountColumn, Record<string, Label>>> = {
  ...ACCOUNT_VOCABULARIES,
  orgNature: ORG_NATURES,
  orgNatureState: ORG_NATURE_STATES,
};

export const ACCOUNT_CELL_KINDS: Record<AccountColumn, CellKind> = {
  name: 'text',
  uscc: 'text',
  buyerType: 'text',
  industry: 'text',
  orgNature: 'text',
  orgNatureState: 'text',
  provinceCode: 'text',
  cityCode: 'text',
  grade: 'text',
  valueType: 'text',
  lifecycle: 'text',
  source: 'text',
  ownerId: 'text',
  parentId: 'integer',
  parentName: 'text',
  address: 'text',
  fleetTotal: 'integer',
  contactCount: 'integer',
  subordinateCount: 'integer',
  createdAt: 'datetime',
  updatedAt: 'datetime',
  revenueWan: 'money',
  units: 'integer',
  purchases: 'integer',
  lastPurchaseOn: 'date',
  lastContactOn: 'date',
  pipelineWan: 'money',
  marginFloorWan: 'money',
  fleetSharePct: 'percent',
};

/** An ISO date as a date cell (UTC midnight: the writer reads its UTC fields). */
function dateCell(isoDate: string | null): Date | null {
  return isoDate ? new Date(`${isoDate}T00:00:00Z`) : null;
}

export function accountCells(
  lang: Lang,
  toWallClock: (iso: string) => Date | null,
): Record<AccountColumn, (row: AccountRow) => CellValue> {
  return {
    name: (r) => r.name,
    uscc: (r) => r.uscc,
    buyerType: (r) => labelOf(BUYER_TYPES, r.buyerType, lang),
    industry: (r) => labelOf(INDUSTRIES, r.industry, lang),
    orgNature: (r) => labelOf(ORG_NATURES, r.orgNature, lang),
    orgNatureState: (r) => labelOf(ORG_NATURE_STATES, r.orgNatureState, lang),
    provinceCode: (r) => regionLabel(r) || null,
    cityCode: (r) => regionName(r.cityCode) || null,
    grade: (r) => labelOf(GRADES, r.grade, lang),
    valueType: (r) => labelOf(VALUE_TYPES, r.valueType, lang),
    lifecycle: (r) => labelOf(LIFECYCLES, r.lifecycle, lang),
    source: (r) => labelOf(SOURCES, r.source, lang),
    ownerId: (r) => r.ownerName,
    parentId: (r) => r.parentId,
    parentName: (r) => r.parentName,
    address: (r) => r.address,
    fleetTotal: (r) => r.fleetTotal,
    contactCount: (r) => r.contactCount,
    subordinateCount: (r) => r.subordinateCount,
    createdAt: (r) => toWallClock(r.createdAt),
    updatedAt: (r) => toWallClock(r.updatedAt),
    // Money as fen (the writer shows yuan); the share as a fraction (the writer shows %).
    revenueWan: (r) => r.revenueFen,
    units: (r) => r.units,
    purchases: (r) => r.purchases,
    lastPurchaseOn: (r) => dateCell(r.lastPurchaseOn),
    lastContactOn: (r) => dateCell(r.lastContactOn),
    pipelineWan: (r) => r.openPipelineFen,
    marginFloorWan: (r) => r.marginFloorFen,
    fleetSharePct: (r) => r.fleetShare,
  };
}
