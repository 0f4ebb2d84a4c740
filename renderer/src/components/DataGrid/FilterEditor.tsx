/** The content of a column's filter popover: one editor per column kind. */
import { Button, Checkbox, DatePicker, Input, InputNumber, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { type ColumnKind, type Filter, NONE } from '../../../../shared/list';
import { useT } from '../../i18n/context';
import type { FilterOption } from './types';

interface Props {
  field: string;
  kind: ColumnKind;
  options?: readonly FilterOption[] | undefined;
  /** The column may hold nothing: its choices start with "(none)" (ColumnSpec.nullable). */
  nullable?: boolean | undefined;
  /** A number range typed in larger units than stored (元 for fen). */
  unit?: { scale: number; label: string } | undefined;
  value: Filter | undefined;
  onApply: (filter: Filter | undefined) => void;
}

type Range = [Dayjs | null, Dayjs | null];

/**
 * Date columns hold UTC instants shown in local time, so a picked day means the local day: it is
 * sent as the instants of its first and last millisecond (`to` is inclusive on the server).
 */
function dayBounds(from: Dayjs | null, to: Dayjs | null): { from?: string; to?: string } {
  return {
    ...(from ? { from: from.startOf('day').toISOString() } : {}),
    ...(to ? { to: to.endOf('day').toISOString() } : {}),
  };
}

/** A saved bound back to its local day; older filters hold plain dates (YYYY-MM-DD). */
function dayOf(bound: string | undefined): Dayjs | null {
  if (!bound) return null;
  const d = dayjs(bound);
  return d.isValid() ? d.startOf('day') : null;
}

export function FilterEditor({ field, kind, options, nullable, unit, value, onApply }: Props) {
  const scale = unit?.scale ?? 1;
  const t = useT();
  const [text, setText] = useState(value?.op === 'contains' ? value.value : '');
  const [values, setValues] = useState<string[]>(value?.op === 'in' ? value.values : []);
  const [optionQuery, setOptionQuery] = useState('');
  const shown = (n: number | undefined) => (n === undefined ? null : n / scale);
  const [min, setMin] = useState<number | null>(value?.op === 'range' ? shown(value.min) : null);
  const [max, setMax] = useState<number | null>(value?.op === 'range' ? shown(value.max) : null);
  const [dates, setDates] = useState<Range>(
    value?.op === 'dateRange' ? [dayOf(value.from), dayOf(value.to)] : [null, null],
  );

  const shownOptions = useMemo(() => {
    const q = optionQuery.trim().toLowerCase();
    const all = [
      ...(nullable ? [{ value: NONE, label: t('grid.noneOption') }] : []),
      ...(options ?? []),
    ];
    return q
      ? all.filter((o) => o.label.toLowerCase().includes(q) || o.value.toLowerCase() === q)
      : all;
  }, [options, optionQuery, nullable, t]);

  const build = (): Filter | undefined => {
    switch (kind) {
      case 'text': {
        const v = text.trim();
        return v ? { field, op: 'contains', value: v.slice(0, 200) } : undefined;
      }
      case 'enum':
        return values.length > 0 ? { field, op: 'in', values: values.slice(0, 200) } : undefined;
      case 'number': {
        if (min === null && max === null) return undefined;
        const [lo, hi] = min !== null && max !== null && min > max ? [max, min] : [min, max];
        return {
          field,
          op: 'range',
          ...(lo !== null ? { min: Math.round(lo * scale) } : {}),
          ...(hi !== null ? { max: Math.round(hi * scale) } : {}),
        };
      }
      case 'date': {
        const [from, to] = dates;
        if (!from && !to) return undefined;
        return { field, op: 'dateRange', ...dayBounds(from, to) };
      }
    }
  };

  const apply = () => onApply(build());

  return (
    <div className="dg-filter" data-testid={`filter-editor-${field}`}>
      {kind === 'text' && (
        <Input
          autoFocus
          allowClear
          value={text}
          placeholder={t('grid.filterContains')}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={apply}
          data-testid="filter-text"
        />
      )}
      {kind === 'enum' && (
        <>
          {(options?.length ?? 0) > 8 && (
            <Input
              allowClear
              autoFocus
              size="small"
              value={optionQuery}
              placeholder={t('grid.filterFindOption')}
              onChange={(e) => setOptionQuery(e.target.value)}
              className="dg-filter__find"
            />
          )}
          <div className="dg-filter__options">
            <Checkbox.Group
              value={values}
              onChange={(v) => setValues(v.map(String))}
              options={shownOptions.map((o) => ({
                value: o.value,
                label: (
                  <span data-testid={`filter-option-${o.value === NONE ? 'none' : o.value}`}>
                    {o.label}
                  </span>
                ),
              }))}
            />
          </div>
          <Space size={4} className="dg-filter__bulk">
            <Button
              size="small"
              type="link"
              onClick={() => setValues(shownOptions.map((o) => o.value))}
            >
              {t('grid.selectAll')}
            </Button>
            <Button size="small" type="link" onClick={() => setValues([])}>
              {t('grid.selectNone')}
            </Button>
          </Space>
        </>
      )}
      {kind === 'number' && (
        <Space>
          <InputNumber
            autoFocus
            value={min}
            placeholder={t('grid.min')}
            onChange={(v) => setMin(v)}
            onPressEnter={apply}
            data-testid="filter-min"
          />
          <span>–</span>
          <InputNumber
            value={max}
            placeholder={t('grid.max')}
            onChange={(v) => setMax(v)}
            onPressEnter={apply}
            data-testid="filter-max"
          />
          {unit && <span>{unit.label}</span>}
        </Space>
      )}
      {kind === 'date' && (
        <div data-testid="filter-dates">
          <DatePicker.RangePicker
            value={dates}
            allowEmpty={[true, true]}
            onChange={(v) => setDates(v ? [v[0], v[1]] : [null, null])}
          />
        </div>
      )}
      <div className="dg-filter__actions">
        <Button size="small" onClick={() => onApply(undefined)} data-testid="filter-clear">
          {t('grid.filterClear')}
        </Button>
        <Button size="small" type="primary" onClick={apply} data-testid="filter-apply">
          {t('grid.filterApply')}
        </Button>
      </div>
    </div>
  );
}
