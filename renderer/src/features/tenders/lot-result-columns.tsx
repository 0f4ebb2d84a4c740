/** The columns of the competitor price history (中标结果): one row per decided lot. */
import { useMemo } from 'react';
import { LOT_RESULTS } from '../../../../shared/sales-enums';
import type { LotResultColumn } from '../../../../shared/schemas/tenders';
import type { GridColumnDef } from '../../components/DataGrid';
import { useEnumOptions, useLang, useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { formatCount } from '../../lib/format';
import type { LotResultRow } from './fetch-tenders';
import { useMoney } from './money-format';
import { DayCell, MoneyCell, ResultTag, Text } from './tender-cells';

type Col = GridColumnDef<LotResultRow, LotResultColumn>;

export const LOT_RESULT_HEADERS: Record<LotResultColumn, MessageKey> = {
  awardedOn: 'tenders.lr.awardedOn',
  projectNo: 'tenders.lr.projectNo',
  tenderName: 'tenders.lr.tenderName',
  purchaserName: 'tenders.lr.purchaserName',
  lotNo: 'tenders.lr.lotNo',
  result: 'tenders.lr.result',
  winnerName: 'tenders.lr.winnerName',
  winnerBrand: 'tenders.lr.winnerBrand',
  winnerModel: 'tenders.lr.winnerModel',
  quantity: 'tenders.lr.quantity',
  winningAmountFen: 'tenders.lr.winningAmountFen',
  winningUnitFen: 'tenders.lr.winningUnitFen',
  bidAmountFen: 'tenders.lr.bidAmountFen',
};

export function useLotResultColumns(): Col[] {
  const t = useT();
  const { lang } = useLang();
  const options = useEnumOptions();
  const money = useMoney();

  return useMemo<Col[]>(() => {
    const header = (id: LotResultColumn) => t(LOT_RESULT_HEADERS[id]);
    return [
      {
        id: 'awardedOn',
        header: header('awardedOn'),
        kind: 'date',
        width: 130,
        cell: (r) => <DayCell value={r.awardedOn} />,
      },
      {
        id: 'projectNo',
        header: header('projectNo'),
        kind: 'text',
        width: 150,
        cell: (r) => (
          <span className="cell-text mono" title={r.projectNo}>
            {r.projectNo}
          </span>
        ),
      },
      {
        id: 'tenderName',
        header: header('tenderName'),
        kind: 'text',
        width: 240,
        cell: (r) => (
          <span className="cell-text cell-name" title={r.tenderName}>
            {r.tenderName}
          </span>
        ),
      },
      {
        id: 'purchaserName',
        header: header('purchaserName'),
        kind: 'text',
        width: 190,
        cell: (r) => <Text value={r.purchaserName} />,
      },
      {
        id: 'lotNo',
        header: header('lotNo'),
        kind: 'text',
        width: 70,
        cell: (r) => <Text value={r.lotNo} />,
      },
      {
        id: 'result',
        header: header('result'),
        kind: 'enum',
        width: 100,
        // Pending lots are not in this list, so they are not offered as a filter either.
        options: options(LOT_RESULTS).filter((o) => o.value !== 'pending'),
        cell: (r) => <ResultTag result={r.result} />,
      },
      {
        id: 'winnerName',
        header: header('winnerName'),
        kind: 'text',
        width: 200,
        // Our own win needs no winner typed in: it is us.
        cell: (r) => (
          <Text value={r.winnerName ?? (r.result === 'won' ? t('tenders.ours') : null)} />
        ),
      },
      {
        id: 'winnerBrand',
        header: header('winnerBrand'),
        kind: 'text',
        width: 90,
        cell: (r) => <Text value={r.winnerBrand} />,
      },
      {
        id: 'winnerModel',
        header: header('winnerModel'),
        kind: 'text',
        width: 160,
        cell: (r) => <Text value={r.winnerModel} />,
      },
      {
        id: 'quantity',
        header: header('quantity'),
        kind: 'number',
        width: 80,
        align: 'right',
        cell: (r) => <span className="tender-money">{formatCount(r.quantity, lang)}</span>,
      },
      {
        id: 'winningAmountFen',
        header: header('winningAmountFen'),
        filterUnit: { scale: 1_000_000, label: t('money.wan') },
        kind: 'number',
        width: 140,
        align: 'right',
        cell: (r) => <MoneyCell fen={r.winningAmountFen} format={money.yuan} />,
      },
      {
        id: 'winningUnitFen',
        header: header('winningUnitFen'),
        filterUnit: { scale: 100, label: t('money.yuan') },
        kind: 'number',
        width: 130,
        align: 'right',
        cell: (r) => <MoneyCell fen={r.winningUnitFen} format={money.yuan} />,
      },
      {
        id: 'bidAmountFen',
        header: header('bidAmountFen'),
        filterUnit: { scale: 1_000_000, label: t('money.wan') },
        kind: 'number',
        width: 140,
        align: 'right',
        // Lost above the winner's price: the likeliest reason, worth seeing at a glance.
        cell: (r) => {
          const above =
            r.result === 'lost' &&
            r.bidAmountFen !== null &&
            r.winningAmountFen !== null &&
            r.bidAmountFen > r.winningAmountFen;
          return (
            <span
              className={above ? 'tender-bid-above' : undefined}
              title={above ? t('tenders.lr.bidAbove') : undefined}
            >
              <MoneyCell fen={r.bidAmountFen} format={money.yuan} />
            </span>
          );
        },
      },
    ];
  }, [t, lang, options, money]);
}
