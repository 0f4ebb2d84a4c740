/** An account picker: remote search by name, USCC or pinyin initials (accounts.lookup). */
import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AccountRef } from '../../../shared/schemas/accounts';
import { call } from '../api/client';
import { useT } from '../i18n/context';

export interface AccountPickerProps {
  value?: number | null;
  onChange?: (value: number | null, account: { id: number; name: string } | null) => void;
  /** An account never offered (the account itself, when choosing its head office). */
  excludeId?: number | null;
  /** The current choice, so its name shows before any search. */
  initial?: { id: number; name: string } | null;
  placeholder?: string;
  notFound?: string;
  allowClear?: boolean;
  disabled?: boolean;
  testId?: string;
}

const SEARCH_DELAY_MS = 250;

export function AccountPicker({
  value,
  onChange,
  excludeId = null,
  initial = null,
  placeholder,
  notFound,
  allowClear = true,
  disabled,
  testId,
}: AccountPickerProps) {
  const t = useT();
  const [results, setResults] = useState<AccountRef[]>([]);
  const [searching, setSearching] = useState(false);
  const [chosen, setChosen] = useState<{ id: number; name: string } | null>(initial);
  const timer = useRef(0);
  const seq = useRef(0);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const mine = ++seq.current;
      setSearching(true);
      void call('accounts.lookup', { q: q.trim(), limit: 20, excludeId }).then((r) => {
        if (mine !== seq.current) return;
        setSearching(false);
        if (r.ok) setResults(r.value);
      });
    }, SEARCH_DELAY_MS);
  };

  const options = [
    ...(chosen && chosen.id === value && !results.some((r) => r.id === chosen.id)
      ? [{ value: chosen.id, label: chosen.name, title: chosen.name }]
      : []),
    ...results.map((r) => ({
      value: r.id,
      label: (
        <span className="option-with-sub">
          <span>{r.name}</span>
          {r.uscc && <span className="option-with-sub__sub mono">{r.uscc}</span>}
        </span>
      ),
      title: r.name,
    })),
  ];

  return (
    <Select<number | null>
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear={allowClear}
      disabled={disabled}
      value={value ?? null}
      placeholder={placeholder ?? t('picker.accountPlaceholder')}
      options={options}
      optionLabelProp="title"
      notFoundContent={searching ? <Spin size="small" /> : (notFound ?? t('picker.accountNone'))}
      onFocus={() => search('')}
      onChange={(v) => {
        const picked = results.find((r) => r.id === v);
        const account = picked
          ? { id: picked.id, name: picked.name }
          : v === chosen?.id
            ? chosen
            : null;
        if (picked) setChosen({ id: picked.id, name: picked.name });
        onChange?.(v ?? null, v === null || v === undefined ? null : account);
      }}
      data-testid={testId}
    />
  );
}
