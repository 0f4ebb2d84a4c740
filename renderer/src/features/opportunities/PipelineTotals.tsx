/**
 * The open pipeline in one line: count, amount and weighted amount. `TotalsLine` shows given
 * totals (the board's header); `PipelineTotals` asks the board for the totals of a grid's view.
 */
import { InfoCircleOutlined } from '@ant-design/icons';
import { Spin, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { Filter } from '../../../../shared/list';
import type { Board } from '../../../../shared/schemas/opportunities';
import { call } from '../../api/client';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { formatFenAsWan } from '../../../../shared/values/money';

type Totals = Board['total'];

export function TotalsLine({ total, loading }: { total: Totals | null; loading?: boolean }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <span className="opp-totals" data-testid="opp-totals">
      {total ? (
        <>
          <span data-testid="opp-totals-count" data-count={total.count}>
            {t('opp.totalsCount', { count: formatCount(total.count, lang) })}
          </span>
          <span data-testid="opp-totals-amount" data-fen={total.amountFen}>
            {t('opp.totalsAmount', { amount: formatFenAsWan(total.amountFen) })}
          </span>
          <strong data-testid="opp-totals-weighted" data-fen={total.weightedFen}>
            {t('opp.totalsWeighted', { amount: formatFenAsWan(total.weightedFen) })}
          </strong>
        </>
      ) : loading ? (
        <Spin size="small" />
      ) : (
        <span className="cell-empty">—</span>
      )}
      {loading && total && <Spin size="small" />}
      <Tooltip title={t('opp.totalsHint')}>
        <InfoCircleOutlined className="opp-totals__hint" data-testid="opp-totals-hint" />
      </Tooltip>
    </span>
  );
}

interface State {
  key: string;
  total: Totals | null;
}

export function PipelineTotals(props: {
  filters: readonly Filter[];
  search: string | undefined;
  revision: unknown;
}) {
  // The grid hands over new arrays on every render: the query's text is what matters.
  const query = JSON.stringify({ filters: props.filters, search: props.search });
  const key = JSON.stringify([query, props.revision]);
  const [state, setState] = useState<State | null>(null);

  useEffect(() => {
    let live = true;
    const { filters, search } = JSON.parse(query) as { filters: Filter[]; search?: string };
    void call('opportunities.board', { filters, search, cardsPerStage: 0 }).then((r) => {
      // A failed sum keeps the last one shown; the grid itself reports the error.
      if (live) setState((prev) => ({ key, total: r.ok ? r.value.total : (prev?.total ?? null) }));
    });
    return () => {
      live = false;
    };
  }, [query, key]);

  return <TotalsLine total={state?.total ?? null} loading={state?.key !== key} />;
}
