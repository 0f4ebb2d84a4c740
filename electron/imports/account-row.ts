/**
 * One spreadsheet row → the account fields it gives, or the reasons it cannot be imported. Only
 * mapped columns give fields, and an empty cell gives nothing: importing a colleague's list with
 * an empty address column never erases the addresses already known.
 */
import {
  ACCOUNT_VOCABULARIES,
  type BuyerType,
  type Grade,
  type Industry,
  type Label,
  type Lifecycle,
  type Source,
  type ValueType,
} from '../../shared/enums';
import type { AccountImportField } from '../../shared/import/account-fields';
import { enumFromText } from '../../shared/import/enum-text';
import { matchRegion, type RegionCodes } from '../../shared/import/region-text';
import { isConsistentRegion, regionCode, regionOfUscc } from '../../shared/regions';
import type { ImportField, ImportReason, ImportRunInput } from '../../shared/schemas/imports';
import { cleanText, normalizeOrgName } from '../../shared/text';
import { normalizeUscc, usccProblem } from '../../shared/uscc';
import { type SearchColumns, type SearchSource, searchColumns } from '../accounts/search-columns';
import { cellAsText, type NormalCell } from '../excel/read/cell-value';
import { mappedColumns } from './sheet-rows';

export interface ImportedAccount {
  name?: string;
  uscc?: string;
  aliases?: string[];
  buyerType?: BuyerType;
  industry?: Industry;
  region?: RegionCodes;
  /** The USCC's region, for a row without region text: a new account takes it. */
  regionFromUscc?: RegionCodes;
  address?: string;
  parent?: string;
  grade?: Grade;
  valueType?: ValueType;
  lifecycle?: Lifecycle;
  source?: Source;
  owner?: string;
  notes?: string;
}

interface ParsedRow {
  values: ImportedAccount;
  reasons: ImportReason[];
  warnings: ImportReason[];
  /** Where a value came from, when not from its own cell (a region read off the USCC). */
  notices: ImportReason[];
}

/** Column index → field, for the mapped columns only. */
export type ColumnFields = readonly (readonly [number, AccountImportField])[];

const MAX_LENGTH: Partial<Record<AccountImportField, number>> = {
  name: 200,
  address: 300,
  notes: 5000,
  parent: 200,
  owner: 100,
};

/** Extra wordings lists use for vocabulary values, beyond the codes and labels. */
const ENUM_EXTRA: Partial<Record<AccountImportField, Partial<Record<string, readonly string[]>>>> =
  {
    buyerType: {
      government: ['政府', '政府采购', '机关', '行政事业单位', 'gov'],
      system: ['系统', '系统客户', '集团', '集团采购'],
      direct: ['直销', '直销客户', '直采', '企业'],
    },
    grade: { A: ['A类', 'A级'], B: ['B类', 'B级'], C: ['C类', 'C级'] },
  };

const ENUM_TABLES: Partial<Record<AccountImportField, Record<string, Label>>> =
  ACCOUNT_VOCABULARIES;

const ALIAS_SPLIT = /[、,，;；|\n]+/;

export function reason(
  code: string,
  field: ImportField | null,
  value: string | null = null,
  detail: string | null = null,
): ImportReason {
  return { code, field, value, detail };
}

/** The choices listed in an "unknown value" message: the zh labels, short. */
export function choices(table: Record<string, Label>): string {
  return Object.values(table)
    .map((l) => l.zh)
    .join('、');
}

export function parseAccountRow(cells: readonly NormalCell[], columns: ColumnFields): ParsedRow {
  const values: ImportedAccount = {};
  const reasons: ImportReason[] = [];
  const warnings: ImportReason[] = [];
  const notices: ImportReason[] = [];
  const regionParts: Partial<Record<'province' | 'city' | 'district' | 'region', string>> = {};

  for (const [index, field] of columns) {
    const cell = cells[index] ?? { kind: 'empty' };
    if (cell.kind === 'empty') continue;
    if (cell.kind === 'error') {
      reasons.push(reason('cell_error', field, cell.code));
      continue;
    }
    if (cell.kind === 'image') {
      (field === 'name' ? reasons : warnings).push(reason('image', field));
      continue;
    }
    const text = cleanText(cellAsText(cell)).replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const max = MAX_LENGTH[field];
    if (max !== undefined && text.length > max) {
      reasons.push(reason('too_long', field, text.slice(0, 40), String(max)));
      continue;
    }
    const table = ENUM_TABLES[field];
    if (table) {
      const code = enumFromText(table, text, ENUM_EXTRA[field]);
      if (code === null) reasons.push(reason('enum.unknown', field, text, choices(table)));
      else (values as Record<string, string>)[field] = code;
      continue;
    }
    switch (field) {
      case 'uscc': {
        const uscc = normalizeUscc(text);
        const problem = usccProblem(uscc);
        if (problem) reasons.push(reason(`uscc.${problem}`, field, text));
        else values.uscc = uscc;
        break;
      }
      case 'aliases': {
        const aliases = [...new Set(text.split(ALIAS_SPLIT).map((a) => a.trim()))].filter(
          (a) => a && a.length <= 200,
        );
        if (aliases.length > 50) reasons.push(reason('aliases_too_many', field));
        else values.aliases = aliases;
        break;
      }
      case 'province':
      case 'city':
      case 'district':
      case 'region':
        regionParts[field] = text;
        break;
      default:
        values[field as 'name' | 'address' | 'parent' | 'owner' | 'notes'] = text;
    }
  }

  // A combined region column says it all; else province, city and district are read together
  // so that 西湖区 is found under 杭州市 under 浙江省.
  const regionText =
    regionParts.region ??
    [regionParts.province, regionParts.city, regionParts.district].filter(Boolean).join(' ');
  // The registration authority's region, characters 3–8 of the USCC: where the text is missing
  // or names no region, and to choose between places of the same name.
  const fromUscc = values.uscc !== undefined ? regionOfUscc(values.uscc) : null;
  if (regionText) {
    const match = matchRegion(regionText);
    const field: AccountImportField = regionParts.region
      ? 'region'
      : regionParts.district
        ? 'district'
        : regionParts.city
          ? 'city'
          : 'province';
    if (match.kind === 'found') {
      const region = match.codes;
      if (!isConsistentRegion(region.provinceCode, region.cityCode, region.districtCode))
        reasons.push(reason('region.inconsistent', field, regionText));
      else values.region = region;
    } else if (match.kind === 'ambiguous') {
      const agreeing = fromUscc
        ? match.candidates.filter((c) => c.cityCode !== null && c.cityCode === fromUscc.cityCode)
        : [];
      if (agreeing.length === 1) {
        values.region = agreeing[0]!;
        notices.push(reason('region.chosen_by_uscc', field, regionText, regionCode(agreeing[0]!)));
      } else
        reasons.push(
          reason(
            'region.ambiguous',
            field,
            regionText,
            match.candidates
              .slice(0, 6)
              .map((c) => regionCode(c))
              .join(','),
          ),
        );
    } else if (fromUscc) {
      values.region = fromUscc;
      warnings.push(reason('region.from_uscc', field, regionText, regionCode(fromUscc)));
    } else reasons.push(reason('region.unknown', field, regionText));
  } else if (fromUscc) values.regionFromUscc = fromUscc;
  return { values, reasons, warnings, notices };
}

/** What the search columns of the account a row would create follow from. */
export function createdSearchSource(v: ImportedAccount & { name: string }): SearchSource {
  return {
    name: v.name,
    uscc: v.uscc ?? null,
    address: v.address ?? null,
    aliases: v.aliases ?? [],
    contactNames: [],
  };
}

/** A row as the accounts import prepares it before the thread that writes sees it (row-reader.ts). */
export interface PreparedAccountRow extends ParsedRow {
  /** The cells as text: what the report shows of a rejected row. */
  texts: string[];
  /** The name as duplicate checks compare it, or null without a name. */
  nameNorm: string | null;
  /** The search columns of the account the row would create (`createdSearchSource`). */
  search: SearchColumns | null;
}

/**
 * Everything about a row that needs no database: its fields or reasons, and the name keys and
 * search text of the account it would create — pinyin is most of an import's per-row work.
 */
export function accountRowPreparer(
  input: ImportRunInput,
): (cells: readonly NormalCell[]) => PreparedAccountRow {
  const columns = mappedColumns<AccountImportField>(input);
  return (cells) => {
    const parsed = parseAccountRow(cells, columns);
    const v = parsed.values;
    const search =
      v.name !== undefined && parsed.reasons.length === 0
        ? searchColumns(createdSearchSource({ ...v, name: v.name }))
        : null;
    return {
      ...parsed,
      texts: cells.map(cellAsText),
      nameNorm: search?.name_norm ?? (v.name !== undefined ? normalizeOrgName(v.name) : null),
      search,
    };
  };
}
