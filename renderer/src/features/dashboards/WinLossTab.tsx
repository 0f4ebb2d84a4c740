/**
 * 赢单与丢单: won and lost by buyer type, owner, lead source and competitor brand, the lost
 * reasons, and the competitors' winning unit prices per model from tender lots. Bars drill down to
 * the opportunities grid (that outcome, that key — "none" too, or the competitor brand named on
 * them —, closed in the period); the price history shows one brand or all; a price point or row
 * opens its tender.
 */
import { DatePicker, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { BUYER_TYPES, SOURCES } from '../../../../shared/enums';
import { LOST_REASONS } from '../../../../shared/sales-enums';
import type { WinLoss } from '../../../../shared/schemas/dashboards';
import type { Filter } from '../../../../shared/list';
import { useEnumLabel, useT } from '../../i18n/context';
import { drillPath } from '../../lib/drill-down';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';
import { AnalysisPanel } from './AnalysisPanel';
import type { AnalysisColumn } from './analysis-table';
import { DashboardState } from './DashboardState';
import { closedDrill, inValues, keyFilter, ownerFilter, wan } from './drills';
import { outcomeOption } from './outcome-chart';
import { useDashboard } from './use-dashboard';

type Outcome = WinLoss['byBuyerType'][number];
type Price = WinLoss['competitorPrices'][number];

export function WinLossTab(props: { today: string; revision: number; about: [string, string][] }) {
  const t = useT();
  const label = useEnumLabel();
  const { navigate } = useHashRoute();
  const [range, setRange] = useState({ from: `${props.today.slice(0, 4)}-01-01`, to: props.today });
  const [brand, setBrand] = useState<string | null>(null);
  const { value: w, loading, error } = useDashboard('dashboards.winLoss', range, props.revision);
  const about: [string, string][] = [
    ...props.about,
    [t('dash.closedRange'), `${range.from} – ${range.to}`],
  ];
  const words = { won: t('dash.col.won'), lost: t('dash.col.lost') };

  /** The opportunities behind a bar: won or lost (or both), closed in the period, with `filters`. */
  const drill = (filters: Filter[], seriesIndex?: number) =>
    navigate(drillPath('opportunities', closedDrill(range, seriesIndex, filters)));

  const outcomeColumns = <R extends Omit<Outcome, 'key'>>(
    keyHeader: string,
    name: (r: R) => string,
  ): AnalysisColumn<R>[] => [
    { key: 'key', header: keyHeader, kind: 'text', value: name },
    { key: 'won', header: t('dash.col.won'), kind: 'integer', value: (r) => r.won },
    { key: 'lost', header: t('dash.col.lost'), kind: 'integer', value: (r) => r.lost },
    { key: 'wonFen', header: t('dash.col.wonAmount'), kind: 'money', value: (r) => r.wonFen },
    { key: 'lostFen', header: t('dash.col.lostAmount'), kind: 'money', value: (r) => r.lostFen },
    {
      key: 'rate',
      header: t('dash.col.realisedWinRate'),
      kind: 'percent',
      value: (r) => r.winRate,
    },
  ];

  /** One panel of outcomes by a key, its bars and rows drilling down with `filtersOf`. */
  function outcomes<R extends Omit<Outcome, 'key'>>(p: {
    title: string;
    testId: string;
    keyHeader: string;
    rows: R[];
    name: (r: R) => string;
    rowKey: (r: R) => string;
    filtersOf: (r: R) => Filter[];
  }) {
    const pick = (r: R | undefined, seriesIndex?: number) => {
      if (r) drill(p.filtersOf(r), seriesIndex);
    };
    return (
      <AnalysisPanel
        title={p.title}
        testId={p.testId}
        about={about}
        chart={{
          option: outcomeOption(
            p.rows.map(p.name),
            p.rows.map((r) => r.won),
            p.rows.map((r) => r.lost),
            words,
          ),
          onClick: (e) => pick(p.rows[e.dataIndex], e.seriesIndex),
        }}
        columns={outcomeColumns(p.keyHeader, p.name)}
        rows={p.rows}
        rowKey={p.rowKey}
        onRowClick={(r) => pick(r)}
      />
    );
  }

  const brandsPriced = [...new Set((w?.competitorPrices ?? []).map((p) => p.brand))].sort();
  const prices = (w?.competitorPrices ?? []).filter((p) => brand === null || p.brand === brand);
  const modelOf = (p: Price) => `${p.brand} ${p.model ?? ''}`.trim();
  const models = [...new Set(prices.map(modelOf))];
  const pointsOf = (model: string) => prices.filter((p) => modelOf(p) === model);
  const priceColumns: AnalysisColumn<Price>[] = [
    { key: 'awardedOn', header: t('dash.col.awardedOn'), kind: 'date', value: (p) => p.awardedOn },
    { key: 'projectNo', header: t('dash.col.projectNo'), kind: 'text', value: (p) => p.projectNo },
    { key: 'lotNo', header: t('dash.col.lotNo'), kind: 'text', value: (p) => p.lotNo },
    { key: 'brand', header: t('dash.col.brand'), kind: 'text', value: (p) => p.brand },
    { key: 'model', header: t('dash.col.model'), kind: 'text', value: (p) => p.model },
    { key: 'winner', header: t('dash.col.winner'), kind: 'text', value: (p) => p.winner },
    { key: 'quantity', header: t('dash.col.quantity'), kind: 'integer', value: (p) => p.quantity },
    { key: 'unit', header: t('dash.col.unitPrice'), kind: 'money', value: (p) => p.unitPriceFen },
    {
      key: 'ours',
      header: t('dash.col.ourUnitPrice'),
      kind: 'money',
      value: (p) => p.ourUnitPriceFen,
    },
  ];
  const openTender = (p: Price | undefined) => p && navigate(recordPath('tenders', p.tenderId));

  return (
    <DashboardState loading={loading} error={error} empty={w === null}>
      <Space className="dash-controls" wrap>
        <Typography.Text>{t('dash.closedRange')}</Typography.Text>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range.from), dayjs(range.to)]}
          onChange={(v) => {
            const [a, b] = v ?? [];
            if (a && b) setRange({ from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') });
          }}
          data-testid="dash-winloss-range"
        />
        <Typography.Text type="secondary">{t('dash.drillHint')}</Typography.Text>
      </Space>
      <div className="dash-grid">
        {outcomes({
          title: t('dash.winLoss.byBuyerType'),
          testId: 'dash-winloss-buyer-type',
          keyHeader: t('dash.col.buyerType'),
          rows: w?.byBuyerType ?? [],
          name: (r) => label(BUYER_TYPES, r.key),
          rowKey: (r) => r.key,
          filtersOf: (r) => [inValues('buyerType', [r.key])],
        })}
        {outcomes({
          title: t('dash.winLoss.byOwner'),
          testId: 'dash-winloss-owner',
          keyHeader: t('dash.col.owner'),
          rows: w?.byOwner ?? [],
          name: (r) => r.name ?? t('dash.noOwner'),
          rowKey: (r) => String(r.key),
          filtersOf: (r) => ownerFilter('ownerId', r.key),
        })}
        {outcomes({
          title: t('dash.winLoss.bySource'),
          testId: 'dash-winloss-source',
          keyHeader: t('dash.col.source'),
          rows: w?.bySource ?? [],
          name: (r) => (r.key === null ? t('dash.noSource') : label(SOURCES, r.key)),
          rowKey: (r) => String(r.key),
          filtersOf: (r) => [keyFilter('source', r.key)],
        })}
        {outcomes({
          title: t('dash.winLoss.byCompetitor'),
          testId: 'dash-winloss-competitor',
          keyHeader: t('dash.col.competitor'),
          rows: w?.byCompetitor ?? [],
          name: (r) => r.key,
          rowKey: (r) => r.key,
          // Counted under each brand named on the opportunity: the grid's competitor filter.
          filtersOf: (r) => [inValues('competitorBrands', [r.key])],
        })}
        <AnalysisPanel
          title={t('dash.winLoss.lostReasons')}
          testId="dash-winloss-reasons"
          about={about}
          chart={{
            option: {
              tooltip: { trigger: 'item' },
              series: [
                {
                  type: 'pie',
                  radius: ['35%', '65%'],
                  data: (w?.lostReasons ?? []).map((r) => ({
                    name: r.reason === null ? t('dash.noReason') : label(LOST_REASONS, r.reason),
                    value: r.count,
                  })),
                },
              ],
            },
            onClick: (e) => {
              const r = w?.lostReasons[e.dataIndex];
              if (r) drill([keyFilter('lostReason', r.reason)], 1);
            },
          }}
          columns={[
            {
              key: 'reason',
              header: t('dash.col.reason'),
              kind: 'text',
              value: (r) =>
                r.reason === null ? t('dash.noReason') : label(LOST_REASONS, r.reason),
            },
            { key: 'count', header: t('dash.col.count'), kind: 'integer', value: (r) => r.count },
            {
              key: 'amount',
              header: t('dash.col.lostAmount'),
              kind: 'money',
              value: (r) => r.amountFen,
            },
          ]}
          rows={w?.lostReasons ?? []}
          rowKey={(r) => String(r.reason)}
          onRowClick={(r) => drill([keyFilter('lostReason', r.reason)], 1)}
        />
        <AnalysisPanel
          title={brand ? t('dash.winLoss.pricesOf', { brand }) : t('dash.winLoss.prices')}
          testId="dash-winloss-prices"
          about={about}
          paged
          extra={
            <Select<string>
              size="small"
              allowClear
              showSearch
              value={brand ?? undefined}
              placeholder={t('dash.winLoss.allBrands')}
              onChange={(b) => setBrand(b ?? null)}
              options={brandsPriced.map((b) => ({ value: b, label: b }))}
              style={{ width: 160 }}
              data-testid="dash-prices-brand"
            />
          }
          chart={{
            option: {
              tooltip: { trigger: 'item' },
              legend: { type: 'scroll', top: 0 },
              grid: { left: 56, right: 16, top: 32, bottom: 24 },
              xAxis: { type: 'time' },
              yAxis: { type: 'value', name: '万元' },
              series: models.map((name) => ({
                name,
                type: 'line',
                symbolSize: 8,
                data: pointsOf(name).map((p) => [p.awardedOn, wan(p.unitPriceFen)]),
              })),
            },
            onClick: (e) => openTender(pointsOf(models[e.seriesIndex ?? -1] ?? '')[e.dataIndex]),
          }}
          columns={priceColumns}
          rows={[...prices].reverse()}
          rowKey={(p) => `${p.tenderId}-${p.lotNo}`}
          onRowClick={openTender}
        />
      </div>
    </DashboardState>
  );
}
