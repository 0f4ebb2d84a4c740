/**
 * A receivable's figures as the contract card shows them: received, the contract balance (total −
 * received), the receivable (invoiced − received), a credit from an over-payment, and the days
 * outstanding with the due date and days overdue under the payment term.
 */
import { Statistic, Tag, Tooltip } from 'antd';
import type { ContractPayments } from '../../../../shared/schemas/payments';
import { formatFen, formatFenAsWan } from '../../../../shared/values/money';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';

export function Money({ fen, className }: { fen: number; className?: string }) {
  return (
    <span className={`mono ${className ?? ''}`} title={formatFenAsWan(fen)}>
      {formatFen(fen)}
    </span>
  );
}

/** Days outstanding, and overdue days in red past the term. */
export function AgeTag(props: { daysOutstanding: number | null; daysOverdue: number | null }) {
  const t = useT();
  if (props.daysOutstanding === null) return <span className="cell-empty">—</span>;
  return (
    <span className="pay-age">
      <span>{t('payments.days', { n: props.daysOutstanding })}</span>
      {props.daysOverdue !== null && (
        <Tag color="red" data-testid="overdue-tag">
          {t('payments.overdueDays', { n: props.daysOverdue })}
        </Tag>
      )}
    </span>
  );
}

export function ReceivableFigures({ data }: { data: ContractPayments }) {
  const t = useT();
  const { lang } = useLang();
  const stat = (
    title: string,
    hint: string | null,
    fen: number,
    testId: string,
    danger = false,
  ) => (
    <Tooltip title={hint}>
      <div data-testid={testId}>
        <Statistic
          title={title}
          value={formatFen(fen)}
          className={danger ? 'pay-stat pay-stat--danger' : 'pay-stat'}
        />
      </div>
    </Tooltip>
  );
  return (
    <div className="pay-figures" data-testid="payment-figures">
      {stat(t('payments.received'), null, data.receivedFen, 'pay-received')}
      {stat(t('payments.open'), t('payments.openHint'), data.openFen, 'pay-open')}
      {stat(
        t('payments.invoicedOpen'),
        t('payments.invoicedOpenHint'),
        data.invoicedOpenFen,
        'pay-invoiced-open',
        data.daysOverdue !== null,
      )}
      {data.creditFen > 0 && stat(t('payments.credit'), null, data.creditFen, 'pay-credit')}
      <Tooltip title={t('payments.daysOutstandingHint')}>
        <div className="pay-age-block" data-testid="pay-days-outstanding">
          <div className="pay-age-block__title">{t('payments.daysOutstanding')}</div>
          {data.daysOutstanding === null ? (
            <div className="pay-age-block__value">{t('payments.nothingOutstanding')}</div>
          ) : (
            <>
              <div className="pay-age-block__value">
                <AgeTag daysOutstanding={data.daysOutstanding} daysOverdue={data.daysOverdue} />
              </div>
              <div className="pay-age-block__sub">
                {t('payments.dueOn', { date: formatDate(data.dueOn, lang) })} ·{' '}
                {t('payments.term', { n: data.termDays })}
              </div>
            </>
          )}
        </div>
      </Tooltip>
    </div>
  );
}
