/**
 * The opportunity and the tender a record comes from (a contract, a claim, a tender's deal), chosen
 * among the account's own: the API refuses an opportunity or a tender of another account.
 */
import { Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { STAGES, TENDER_STATUSES } from '../../../shared/sales-enums';
import type { OpportunityRow } from '../../../shared/schemas/opportunities';
import type { TenderRow } from '../../../shared/schemas/tenders';
import { call } from '../api/client';
import { useEnumLabel, useT } from '../i18n/context';
import type { MessageKey } from '../i18n/messages-zh';
import { useDebounced } from '../lib/use-debounced';

/** The select's words: before an account is chosen, with none chosen, with none to choose. */
interface OpportunityWords {
  pickAccountFirst: MessageKey;
  none: MessageKey;
  empty: MessageKey;
}

const CONTRACT_WORDS: OpportunityWords = {
  pickAccountFirst: 'contracts.pickAccountFirst',
  none: 'contracts.none',
  empty: 'contracts.opportunitiesNone',
};

export function OpportunitySelect(props: {
  accountId: number | null;
  value?: number | null;
  onChange?: (value: number | null, row: OpportunityRow | null) => void;
  /** The saved choice, shown before the list loads. */
  initial: { id: number; title: string } | null;
  testId?: string;
  words?: OpportunityWords;
}) {
  const { accountId, value, onChange, initial, testId, words = CONTRACT_WORDS } = props;
  const t = useT();
  const label = useEnumLabel();
  const [loaded, setLoaded] = useState<{ accountId: number; rows: OpportunityRow[] } | null>(null);

  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    void call('opportunities.list', {
      filters: [{ field: 'accountId', op: 'in', values: [String(accountId)] }],
      sort: [{ field: 'updatedAt', desc: true }],
      limit: 200,
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
        <Tag className="cell-tag">{label(STAGES, o.stage)}</Tag>
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
      disabled={accountId === null}
      loading={accountId !== null && rows === null}
      value={value ?? null}
      placeholder={accountId === null ? t(words.pickAccountFirst) : t(words.none)}
      notFoundContent={t(words.empty)}
      options={options}
      optionLabelProp="title"
      onChange={(v) => onChange?.(v ?? null, rows?.find((o) => o.id === v) ?? null)}
      data-testid={testId}
    />
  );
}

export function TenderSelect(props: {
  account: { id: number; name: string } | null;
  value?: number | null;
  onChange?: (value: number | null) => void;
  initial: { id: number; projectNo: string } | null;
  testId?: string;
}) {
  const { account, value, onChange, initial, testId } = props;
  const t = useT();
  const label = useEnumLabel();
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim(), 250);
  const [loaded, setLoaded] = useState<{ key: string; rows: TenderRow[] } | null>(null);
  const accountId = account?.id ?? null;
  const accountName = account?.name ?? '';
  const key = `${accountId}|${search}`;

  useEffect(() => {
    if (accountId === null) return;
    let live = true;
    // Tenders are filtered by purchaser name (no id filter); the id check below drops namesakes.
    void call('tenders.list', {
      filters: accountName
        ? [{ field: 'purchaserName', op: 'contains', value: accountName.slice(0, 200) }]
        : [],
      search: search || undefined,
      sort: [{ field: 'updatedAt', desc: true }],
      limit: 100,
    }).then((r) => {
      if (live)
        setLoaded({
          key: `${accountId}|${search}`,
          rows: r.ok ? r.value.rows.filter((x) => x.purchaserId === accountId) : [],
        });
    });
    return () => {
      live = false;
    };
  }, [accountId, accountName, search]);

  const rows = loaded && loaded.key === key ? loaded.rows : null;
  const options = (rows ?? []).map((x) => ({
    value: x.id,
    title: x.projectNo,
    label: (
      <span className="option-with-sub">
        <span>
          <span className="mono">{x.projectNo}</span> {x.name}
        </span>
        <Tag className="cell-tag">{label(TENDER_STATUSES, x.status)}</Tag>
      </span>
    ),
  }));
  if (initial && initial.id === value && !options.some((o) => o.value === initial.id))
    options.unshift({
      value: initial.id,
      title: initial.projectNo,
      label: <span className="mono">{initial.projectNo}</span>,
    });

  return (
    <Select<number | null>
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      disabled={!account}
      loading={!!account && rows === null}
      value={value ?? null}
      placeholder={account ? t('contracts.tenderPlaceholder') : t('contracts.pickAccountFirst')}
      notFoundContent={t('contracts.tendersNone')}
      options={options}
      optionLabelProp="title"
      popupMatchSelectWidth={420}
      onChange={(v) => {
        setQ('');
        onChange?.(v ?? null);
      }}
      data-testid={testId}
    />
  );
}
