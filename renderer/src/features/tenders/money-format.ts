/**
 * Money as tender people read it: budgets in 万元, bids and prices to the 元. 万元 is a Chinese
 * unit word, so the English UI shows full 元 amounts instead.
 */
import { useMemo } from 'react';
import { formatFen, formatFenAsWan } from '../../../../shared/values/money';
import { useLang } from '../../i18n/context';

export interface MoneyFormat {
  /** Budgets and bonds: 380.00万元 (zh) or ¥3,800,000.00 (en). */
  wan: (fen: number) => string;
  /** Bids, winning amounts and unit prices: ¥1,850,000.00. */
  yuan: (fen: number) => string;
}

export function useMoney(): MoneyFormat {
  const { lang } = useLang();
  return useMemo(
    () => ({ wan: lang === 'zh-CN' ? formatFenAsWan : formatFen, yuan: formatFen }),
    [lang],
  );
}

/** An amount in a table whose header names the unit (元): 1,850,000.00, no currency sign. */
export function yuanAmount(fen: number): string {
  return formatFen(fen).replace('¥', '');
}
