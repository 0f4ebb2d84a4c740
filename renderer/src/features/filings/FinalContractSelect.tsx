/** A final contract, searched by number, party or account (only final contracts can be filed). */
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { ContractRow } from '../../../../shared/schemas/contracts';
import { call } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';

export function FinalContractSelect(props: {
  value?: number | null;
  onChange?: (value: number | null, row: ContractRow | null) => void;
  testId?: string;
}) {
  const { value, onChange, testId } = props;
  const t = useT();
  const { lang } = useLang();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 250);
  const [loaded, setLoaded] = useState<{ search: string; rows: ContractRow[] } | null>(null);
  const [chosen, setChosen] = useState<ContractRow | null>(null);

  useEffect(() => {
    let live = true;
    void call('contracts.list', {
      filters: [{ field: 'status', op: 'in', values: ['final'] }],
      sort: [{ field: 'signedOn', desc: true }],
      search: search || undefined,
      limit: 50,
    }).then((r) => {
      if (live) setLoaded({ search, rows: r.ok ? r.value.rows : [] });
    });
    return () => {
      live = false;
    };
  }, [search]);

  const rows = loaded?.rows ?? [];
  const shown = chosen && !rows.some((r) => r.id === chosen.id) ? [chosen, ...rows] : rows;
  return (
    <Select<number | null>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? null}
      placeholder={t('filings.contractPlaceholder')}
      loading={loaded?.search !== search}
      notFoundContent={
        loaded?.search !== search ? <Spin size="small" /> : t('filings.contractsNone')
      }
      optionLabelProp="title"
      options={shown.map((c) => ({
        value: c.id,
        title: `${c.number} · ${c.accountName}`,
        label: (
          <span className="option-with-sub">
            <span>
              <span className="mono">{c.number}</span> · {c.accountName}
            </span>
            <span className="option-with-sub__sub">
              {t('filings.contractOption', { units: formatCount(c.quantity, lang) })}
            </span>
          </span>
        ),
      }))}
      onChange={(v) => {
        const row = shown.find((c) => c.id === v) ?? null;
        setChosen(row);
        onChange?.(v ?? null, row);
      }}
      data-testid={testId}
    />
  );
}
