/**
 * Picks a model from the price list, showing its configuration, retail price and floor. Shows the
 * loaded list at once and searches the server as the user types (the list may be long).
 */
import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PriceListEntry } from '../../../../shared/schemas/contracts';
import { formatFen } from '../../../../shared/values/money';
import { call } from '../../api/client';
import { useT } from '../../i18n/context';

/** What the form knows about a price list entry (from the list, or a saved line's snapshot). */
export type PriceRef = Pick<
  PriceListEntry,
  'id' | 'model' | 'configuration' | 'retailFen' | 'floorFen'
>;

const SEARCH_DELAY_MS = 250;

export function PriceSelect(props: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Entries to offer before any search, including the current choice. */
  known: readonly PriceRef[];
  /** Entries found by a search, so the form can price the one picked. */
  onFound: (entries: PriceRef[]) => void;
  testId?: string;
}) {
  const { value, onChange, known, onFound, testId } = props;
  const t = useT();
  const [results, setResults] = useState<PriceRef[] | null>(null);
  const [searching, setSearching] = useState(false);
  const timer = useRef(0);
  const seq = useRef(0);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    if (!q.trim()) {
      setResults(null);
      return;
    }
    timer.current = window.setTimeout(() => {
      const mine = ++seq.current;
      setSearching(true);
      void call('prices.list', { q: q.trim(), limit: 50 }).then((r) => {
        if (mine !== seq.current) return;
        setSearching(false);
        if (r.ok) {
          setResults(r.value.rows);
          onFound(r.value.rows);
        }
      });
    }, SEARCH_DELAY_MS);
  };

  const shown = results ?? known;
  const current = known.find((p) => p.id === value);
  const options = [
    ...(current && !shown.some((p) => p.id === current.id) ? [current] : []),
    ...shown,
  ].map((p) => ({
    value: p.id,
    title: p.configuration ? `${p.model} ${p.configuration}` : p.model,
    label: (
      <span className="option-with-sub">
        <span>
          {p.model}
          {p.configuration && <span className="con-muted"> {p.configuration}</span>}
        </span>
        <span className="option-with-sub__sub mono">
          {t('contracts.priceOption', {
            retail: formatFen(p.retailFen),
            floor: formatFen(p.floorFen),
          })}
        </span>
      </span>
    ),
  }));

  return (
    <Select<number | null>
      showSearch={{ filterOption: false, onSearch: search }}
      value={value ?? null}
      placeholder={t('contracts.modelPlaceholder')}
      options={options}
      optionLabelProp="title"
      popupMatchSelectWidth={460}
      notFoundContent={searching ? <Spin size="small" /> : t('contracts.modelNone')}
      onChange={(v) => {
        setResults(null);
        onChange?.(v ?? null);
      }}
      data-testid={testId}
    />
  );
}
