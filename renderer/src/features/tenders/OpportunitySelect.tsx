/** The purchaser's opportunities, to link a tender to the deal it decides. */
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Output } from '../../../../shared/api';
import { STAGES } from '../../../../shared/sales-enums';
import { call } from '../../api/client';
import { useEnumLabel, useT } from '../../i18n/context';

type OpportunityRow = Output<'opportunities.list'>['rows'][number];

interface Loaded {
  accountId: number;
  rows: OpportunityRow[];
}

export function OpportunitySelect(props: {
  accountId: number | null;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The linked opportunity as the tender knows it, shown before the list has loaded. */
  initial?: { id: number; title: string } | null;
  testId?: string;
}) {
  const { accountId, value, onChange, initial = null, testId } = props;
  const t = useT();
  const label = useEnumLabel();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    void call('opportunities.list', {
      offset: 0,
      limit: 200,
      sort: [{ field: 'updatedAt', desc: true }],
      filters: [{ field: 'accountId', op: 'in', values: [String(accountId)] }],
    }).then((r) => {
      if (live) setLoaded({ accountId, rows: r.ok ? r.value.rows : [] });
    });
    return () => {
      live = false;
    };
  }, [accountId]);

  const rows = loaded && loaded.accountId === accountId ? loaded.rows : null;
  const options = (rows ?? []).map((o) => ({
    value: o.id,
    title: o.title,
    label: (
      <span className="option-with-sub">
        <span>{o.title}</span>
        <span className="option-with-sub__sub">{label(STAGES, o.stage)}</span>
      </span>
    ),
  }));
  if (initial && initial.id === value && !options.some((o) => o.value === initial.id))
    options.unshift({
      value: initial.id,
      title: initial.title,
      label: <span>{initial.title}</span>,
    });

  return (
    <Select<number | null>
      allowClear
      showSearch={{ optionFilterProp: 'title' }}
      optionLabelProp="title"
      disabled={accountId === null}
      loading={accountId !== null && rows === null}
      value={value ?? null}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      placeholder={
        accountId === null
          ? t('tenders.form.opportunityNeedsPurchaser')
          : t('tenders.form.opportunityNone')
      }
      notFoundContent={t('tenders.form.opportunityEmpty')}
      data-testid={testId}
    />
  );
}
