/**
 * The lots (包/标段) of a tender on its card: what is bought, what we bid, who won at what price.
 * Every amount in the table is in 元, said once in each money column's header, so a budget in 万元
 * never stands beside a bid in 元.
 */
import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { DealerSettings } from '../../../../shared/schemas/dealer-settings';
import type { Lot } from '../../../../shared/schemas/tenders';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { yuanAmount } from './money-format';
import { MoneyCell, ResultTag, Text } from './tender-cells';

export function LotsTable({
  lots,
  dealer,
}: {
  lots: readonly Lot[];
  /** Who we are: a lot we won shows our dealership and brand. */
  dealer: DealerSettings | null;
}) {
  const t = useT();
  const { lang } = useLang();
  const inYuan = (label: string) => t('tenders.lot.inYuan', { label });
  const unit = (l: Lot) =>
    l.winningAmountFen !== null && l.quantity > 0
      ? Math.round(l.winningAmountFen / l.quantity)
      : null;

  const columns: TableColumnsType<Lot> = [
    {
      key: 'lotNo',
      title: t('tenders.lot.lotNo'),
      width: 64,
      fixed: 'left',
      render: (_, l) => l.lotNo,
    },
    {
      key: 'name',
      title: t('tenders.lot.name'),
      width: 120,
      render: (_, l) => <Text value={l.name} />,
    },
    {
      key: 'requirements',
      title: t('tenders.lot.requirements'),
      width: 180,
      ellipsis: true,
      render: (_, l) => <Text value={l.requirements} />,
    },
    {
      key: 'quantity',
      title: t('tenders.lot.quantity'),
      width: 64,
      align: 'right',
      render: (_, l) => formatCount(l.quantity, lang),
    },
    {
      key: 'budget',
      title: inYuan(t('tenders.lot.budgetFen')),
      width: 120,
      align: 'right',
      render: (_, l) => <MoneyCell fen={l.budgetFen} format={yuanAmount} />,
    },
    {
      key: 'bid',
      title: inYuan(t('tenders.lot.bidAmountFen')),
      width: 140,
      align: 'right',
      render: (_, l) => <MoneyCell fen={l.bidAmountFen} format={yuanAmount} />,
    },
    {
      key: 'bidModel',
      title: t('tenders.lot.bidModel'),
      width: 140,
      render: (_, l) => <Text value={l.bidModel} />,
    },
    {
      key: 'result',
      title: t('tenders.lot.result'),
      width: 96,
      render: (_, l) => <ResultTag result={l.result} />,
    },
    {
      key: 'winnerName',
      title: t('tenders.lot.winnerName'),
      width: 180,
      ellipsis: true,
      // Our own win needs no winner typed in: it is us.
      render: (_, l) => (
        <Text
          value={
            l.result === 'won' ? l.winnerName || dealer?.name || t('tenders.ours') : l.winnerName
          }
        />
      ),
    },
    {
      key: 'winnerBrand',
      title: t('tenders.lot.winnerBrand'),
      width: 80,
      // We sell one brand: a lot we won is won with it, whatever an import wrote.
      render: (_, l) => (
        <Text value={l.result === 'won' ? dealer?.brand || l.winnerBrand : l.winnerBrand} />
      ),
    },
    {
      key: 'winnerModel',
      title: t('tenders.lot.winnerModel'),
      width: 130,
      render: (_, l) => <Text value={l.winnerModel} />,
    },
    {
      key: 'winningAmount',
      title: inYuan(t('tenders.lot.winningAmountFen')),
      width: 140,
      align: 'right',
      render: (_, l) => <MoneyCell fen={l.winningAmountFen} format={yuanAmount} />,
    },
    {
      key: 'unit',
      title: inYuan(t('tenders.lot.unitFen')),
      width: 130,
      align: 'right',
      render: (_, l) => <MoneyCell fen={unit(l)} format={yuanAmount} />,
    },
  ];

  return (
    <Table<Lot>
      size="small"
      rowKey="id"
      className="tender-lots"
      columns={columns}
      dataSource={[...lots]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(l) => ({ 'data-testid': `tender-lot-${l.lotNo}` }) as HTMLAttributes<HTMLElement>}
      data-testid="tender-lots"
    />
  );
}
