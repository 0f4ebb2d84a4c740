/**
 * A contract whose total is not what the tender awarded us: said before saving (in the form) and
 * on the card, with both amounts in 元 (and 万元 in Chinese) and the difference.
 */
import { Alert } from 'antd';
import { formatFen, formatFenAsWan } from '../../../../shared/values/money';
import { useLang, useT } from '../../i18n/context';

export function useMoneyText(): (fen: number) => string {
  const { lang } = useLang();
  return (fen: number) =>
    lang === 'zh-CN' ? `${formatFen(fen)}（${formatFenAsWan(fen)}）` : formatFen(fen);
}

export function AwardDifference(props: {
  totalFen: number;
  awardFen: number | null;
  projectNo: string;
  className?: string;
  testId: string;
}) {
  const { totalFen, awardFen } = props;
  const t = useT();
  const money = useMoneyText();
  if (awardFen === null || totalFen === awardFen) return null;
  const diff = totalFen - awardFen;
  return (
    <Alert
      type="warning"
      showIcon
      className={props.className}
      title={t(diff > 0 ? 'contracts.awardAbove' : 'contracts.awardBelow', {
        diff: money(Math.abs(diff)),
      })}
      description={
        <>
          <div data-testid={`${props.testId}-total`}>
            {t('contracts.awardTotal', { amount: money(totalFen) })}
          </div>
          <div data-testid={`${props.testId}-award`}>
            {t('contracts.awardAmount', { projectNo: props.projectNo, amount: money(awardFen) })}
          </div>
        </>
      }
      data-testid={props.testId}
    />
  );
}
