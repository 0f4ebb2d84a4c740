/**
 * Plain-language description of a grid's view (filters, sort, search) for an export's "about"
 * sheet: one wording for every grid, each grid bringing its column names and value labels.
 */
import type { Label } from '../../shared/enums';
import { type Filter, NONE } from '../../shared/list';
import type { ValueClassFilter } from '../../shared/schemas/value';
import { ACCOUNT_COLUMN_LABELS, type AccountColumn } from '../../shared/schemas/accounts';
import { regionName } from '../../shared/regions';
import { ACCOUNT_ENUM_LABELS, labelOf, type Lang } from './account-cells';

const WORDS = {
  'zh-CN': {
    contains: '包含',
    none: '无',
    asc: '升序',
    desc: '降序',
    from: '起',
    to: '止',
    sep: '、',
    valueClass: (basis: string, from: string, to: string, a: number, b: number, classes: string) =>
      `价值分类（${basis}，${from} 至 ${to}，A ≤ ${a}%，B ≤ ${b}%）：${classes} 类`,
    bases: { revenue: '按成交额', units: '按成交台数', margin: '按毛利' },
  },
  en: {
    contains: 'contains',
    none: 'none',
    asc: 'ascending',
    desc: 'descending',
    from: 'from',
    to: 'to',
    sep: ', ',
    valueClass: (basis: string, from: string, to: string, a: number, b: number, classes: string) =>
      `Value class (${basis}, ${from} to ${to}, A ≤ ${a}%, B ≤ ${b}%): class ${classes}`,
    bases: { revenue: 'by revenue', units: 'by units', margin: 'by margin' },
  },
} as const;

interface ViewDescription {
  filters: string;
  sort: string;
  search: string;
}

/** How a grid's columns and filter values read to a person, for describing a view of it. */
export interface ViewVocabulary {
  /** Column names as the grid shows them. */
  labels: Readonly<Record<string, Label>>;
  /** How a filter value reads (an enum's label, a person's name); by default as sent. */
  value?: (field: string, value: string) => string;
  /** Number columns stored in fen: their ranges read in yuan. */
  money?: readonly string[];
}

/** Any grid's view (filters, sort, quick search) in plain words, in `lang`. */
export function describeGridView(
  view: {
    filters: Filter[];
    sort: { field: string; desc: boolean }[];
    search?: string | undefined;
    valueClass?: ValueClassFilter | undefined;
  },
  lang: Lang,
  vocabulary: ViewVocabulary,
): ViewDescription {
  const w = WORDS[lang];
  const name = (field: string) => {
    const label = vocabulary.labels[field] as Label | undefined;
    return label ? label[lang === 'en' ? 'en' : 'zh'] : field;
  };
  // "None" (an `in` filter's NONE): the rows without a value — 负责人: 无, Owner: none.
  const value = (field: string, v: string) =>
    v === NONE ? w.none : (vocabulary.value?.(field, v) ?? v);
  const amount = (field: string, n: number) =>
    vocabulary.money?.includes(field)
      ? `¥${(n / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`
      : String(n);
  const describe = (f: Filter): string => {
    switch (f.op) {
      case 'contains':
        return `${name(f.field)} ${w.contains}「${f.value}」`;
      case 'in':
        return `${name(f.field)}: ${f.values.map((v) => value(f.field, v)).join(w.sep)}`;
      case 'range':
        return `${name(f.field)}: ${[f.min !== undefined ? `≥ ${amount(f.field, f.min)}` : '', f.max !== undefined ? `≤ ${amount(f.field, f.max)}` : ''].filter(Boolean).join(' ')}`;
      case 'dateRange':
        return `${name(f.field)}: ${[f.from ? `${w.from} ${f.from}` : '', f.to ? `${w.to} ${f.to}` : ''].filter(Boolean).join(' ')}`;
    }
  };
  const lines = view.filters.map(describe);
  const vc = view.valueClass;
  if (vc)
    lines.push(
      w.valueClass(
        w.bases[vc.basis],
        vc.from,
        vc.to,
        vc.cutoffs.a,
        vc.cutoffs.b,
        vc.classes.join(w.sep),
      ),
    );
  return {
    filters: lines.length > 0 ? lines.join('\n') : w.none,
    sort:
      view.sort.length > 0
        ? view.sort.map((s) => `${name(s.field)} ${s.desc ? w.desc : w.asc}`).join(w.sep)
        : w.none,
    search: view.search?.trim() || w.none,
  };
}

/** The accounts grid's view: owners by name, regions and vocabularies by their labels. */
export function describeView(
  view: {
    filters: Filter[];
    sort: { field: AccountColumn; desc: boolean }[];
    search?: string | undefined;
  },
  lang: Lang,
  staffNames: ReadonlyMap<number, string>,
): ViewDescription {
  return describeGridView(view, lang, {
    labels: ACCOUNT_COLUMN_LABELS,
    value: (field, v) => {
      if (field === 'ownerId') return staffNames.get(Number(v)) ?? v;
      if (field === 'provinceCode') return regionName(v);
      const table = ACCOUNT_ENUM_LABELS[field as AccountColumn];
      return table ? (labelOf(table, v, lang) ?? v) : v;
    },
  });
}
