/**
 * 逾期应收款: my contracts whose invoiced money is unpaid past the payment term — contract,
 * account, the amount still owed and the days overdue — the longest overdue first; a click
 * opens the contract.
 */
import { Empty } from 'antd';
import type { ReceivableRow } from '../../../../shared/schemas/payments';
import { formatFen } from '../../../../shared/values/money';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';

export function OverdueReceivables({ rows }: { rows: ReceivableRow[] }) {
  const t = useT();
  const { lang } = useLang();
  const { navigate } = useHashRoute();
  if (rows.length === 0)
    return (
      <Empty
        className="md-list__empty"
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <div className="md-list__empty-title">{t('myDay.noOverdueReceivables')}</div>
            <div className="md-list__empty-hint">{t('myDay.noOverdueReceivablesHint')}</div>
          </>
        }
      />
    );
  return (
    <div className="md-list" data-count={rows.length} data-testid="overdue-receivables-list">
      {rows.map((r) => (
        <div
          key={r.contractId}
          className="md-item is-overdue"
          data-testid={`overdue-receivable-${r.contractId}`}
        >
          <div className="md-item__when">
            <span className="md-item__date">{formatDate(r.dueOn, lang)}</span>
            <span className="md-item__late">
              {t('payments.overdueDays', { n: r.daysOverdue ?? 0 })}
            </span>
          </div>
          <div className="md-item__main">
            <div className="md-item__top">
              <button
                type="button"
                className="md-item__title mono"
                title={r.accountName}
                onClick={() =>
                  r.contractId !== null && navigate(recordPath('contracts', r.contractId))
                }
                data-testid={`overdue-receivable-open-${r.contractId}`}
              >
                {r.contractNo}
              </button>
              <span className="md-item__sub">{r.accountName}</span>
            </div>
          </div>
          <div className="md-item__actions">
            <span className="mono md-item__amount" title={t('payments.invoicedOpenHint')}>
              {formatFen(r.invoicedOpenFen)}
            </span>
          </div>
        </div>
      ))}
    </div>
  );
}
