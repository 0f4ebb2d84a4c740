/** Picks a subordinate unit of a head office (accounts whose 上级单位 is it), searching by name. */
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { AccountRow } from '../../../../shared/schemas/accounts';
import { call } from '../../api/client';
import { useT } from '../../i18n/context';
import { useDebounced } from '../../lib/use-debounced';

export function UnitSelect(props: {
  headId: number;
  value?: number | null;
  onChange?: (value: number | null, unit: AccountRow | null) => void;
  testId?: string;
}) {
  const { headId, value, onChange, testId } = props;
  const t = useT();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 250);
  const [units, setUnits] = useState<AccountRow[] | null>(null);

  useEffect(() => {
    let live = true;
    void call('accounts.list', {
      filters: [{ field: 'parentId', op: 'in', values: [String(headId)] }],
      search: search || undefined,
      sort: [{ field: 'name', desc: false }],
      limit: 100,
    }).then((r) => {
      if (live) setUnits(r.ok ? r.value.rows : []);
    });
    return () => {
      live = false;
    };
  }, [headId, search]);

  return (
    <Select<number | null>
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? null}
      placeholder={t('contracts.unitPlaceholder')}
      notFoundContent={units === null ? <Spin size="small" /> : t('contracts.unitsNone')}
      options={(units ?? []).map((u) => ({ value: u.id, label: u.name }))}
      onChange={(v) => onChange?.(v ?? null, units?.find((u) => u.id === v) ?? null)}
      data-testid={testId}
    />
  );
}
