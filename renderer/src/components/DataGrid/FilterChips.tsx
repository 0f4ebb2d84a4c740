/**
 * The grid's filters in words, one closable chip each (负责人：无, 竞争品牌：三一): a list opened
 * from a chart says at once which rows it holds, and any filter goes with one click.
 */
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { type Filter, NONE } from '../../../../shared/list';
import { type Translate, useLang, useT } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import { formatCount, formatDate } from '../../lib/format';
import type { FilterOption } from './types';

/** What a chip needs of its column: its header, its choices, the unit its ranges are typed in. */
export interface ChipColumn {
  header: string;
  options?: readonly FilterOption[] | undefined;
  filterUnit?: { scale: number; label: string } | undefined;
}

/** Values listed in a chip before "and N more". */
const SHOWN_VALUES = 3;

/** A date bound (a plain date, or the instant a picked local day starts or ends) as a local day. */
function dayOf(bound: string, lang: Lang): string {
  return formatDate(bound.length === 10 ? bound : dayjs(bound).format('YYYY-MM-DD'), lang);
}

/** One filter in words, in the UI language. */
export function filterWords(filter: Filter, column: ChipColumn, t: Translate, lang: Lang): string {
  const header = column.header;
  switch (filter.op) {
    case 'contains':
      return t('grid.chipContains', { column: header, value: filter.value });
    case 'in': {
      const label = (v: string) =>
        v === NONE ? t('grid.none') : (column.options?.find((o) => o.value === v)?.label ?? v);
      const shown = filter.values.slice(0, SHOWN_VALUES).map(label);
      const more = filter.values.length - shown.length;
      const values = shown.join(t('grid.chipSeparator'));
      return t('grid.chip', {
        column: header,
        value: more > 0 ? t('grid.chipMore', { values, more }) : values,
      });
    }
    case 'range': {
      const scale = column.filterUnit?.scale ?? 1;
      const unit = column.filterUnit ? ` ${column.filterUnit.label}` : '';
      const n = (v: number) => `${formatCount(v / scale, lang)}${unit}`;
      const parts = [
        filter.min !== undefined ? `≥ ${n(filter.min)}` : '',
        filter.max !== undefined ? `≤ ${n(filter.max)}` : '',
      ];
      return t('grid.chip', { column: header, value: parts.filter(Boolean).join(' ') });
    }
    case 'dateRange': {
      const from = filter.from ? dayOf(filter.from, lang) : '';
      const to = filter.to ? dayOf(filter.to, lang) : '';
      return t('grid.chip', { column: header, value: `${from} – ${to}`.trim() });
    }
  }
}

export function FilterChips(props: {
  filters: readonly Filter[];
  columnOf: (field: string) => ChipColumn | undefined;
  onRemove: (field: string) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  if (props.filters.length === 0) return null;
  return (
    <div className="dg-chips" data-testid="grid-filter-chips">
      {props.filters.map((f) => {
        const column = props.columnOf(f.field) ?? { header: f.field };
        return (
          <Tag
            key={f.field}
            closable
            onClose={() => props.onRemove(f.field)}
            data-testid={`grid-chip-${f.field}`}
          >
            {filterWords(f, column, t, lang)}
          </Tag>
        );
      })}
    </div>
  );
}
