/** The contract's facts (parties, links, dates) and its totals: quantity, amount, delivered, invoiced. */
import { Descriptions, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { ContractDetail } from '../../../../shared/schemas/contracts';
import { formatFen, formatFenAsWan } from '../../../../shared/values/money';
import { useLang, useT } from '../../i18n/context';
import { formatCount, formatDate } from '../../lib/format';
import { accountPath, recordPath } from '../../lib/use-hash-route';
import { BuyerTypeTag } from '../accounts/account-tags';
import { deliveryOverdue } from './contract-rules';

const Empty = () => <span className="cell-empty">—</span>;

export function ContractSummary({ detail }: { detail: ContractDetail }) {
  const t = useT();
  const { lang } = useLang();
  const overdue = deliveryOverdue(detail, chinaDate());
  const money = (fen: number) => (
    <span className="mono">
      {formatFen(fen)}
      {lang === 'zh-CN' && <span className="con-wan">（{formatFenAsWan(fen)}）</span>}
    </span>
  );
  return (
    <div className="con-summary" data-testid="contract-summary">
      <Descriptions
        size="small"
        column={2}
        className="details"
        items={[
          {
            key: 'account',
            label: t('contracts.account'),
            children: (
              <span className="con-inline">
                <a href={`#${accountPath(detail.accountId)}`} data-testid="contract-account-link">
                  {detail.accountName}
                </a>
                <BuyerTypeTag value={detail.buyerType} />
              </span>
            ),
          },
          { key: 'party', label: t('contracts.partyName'), children: detail.partyName },
          {
            key: 'opportunity',
            label: t('contracts.opportunity'),
            children: detail.opportunity ? (
              <a
                href={`#${recordPath('opportunities', detail.opportunity.id)}`}
                data-testid="contract-opportunity-link"
              >
                {detail.opportunity.title}
              </a>
            ) : (
              <Empty />
            ),
          },
          {
            key: 'tender',
            label: t('contracts.tender'),
            children: detail.tender ? (
              <a
                href={`#${recordPath('tenders', detail.tender.id)}`}
                className="mono"
                data-testid="contract-tender-link"
              >
                {detail.tender.projectNo}
              </a>
            ) : (
              <Empty />
            ),
          },
          {
            key: 'signedOn',
            label: t('contracts.signedOn'),
            children: detail.signedOn ? formatDate(detail.signedOn, lang) : <Empty />,
          },
          {
            key: 'deliveryDueOn',
            label: t('contracts.deliveryDueOn'),
            children: detail.deliveryDueOn ? (
              <span className={overdue ? 'con-overdue' : undefined}>
                {formatDate(detail.deliveryDueOn, lang)}
                {overdue && ` · ${t('contracts.deliveryLate')}`}
              </span>
            ) : (
              <Empty />
            ),
          },
          { key: 'owner', label: t('contracts.owner'), children: detail.ownerName ?? <Empty /> },
          {
            key: 'notes',
            label: t('contracts.notes'),
            children: detail.notes ? <span className="pre-wrap">{detail.notes}</span> : <Empty />,
          },
        ]}
      />
      <div className="con-totals">
        <Total label={t('contracts.quantity')} testId="contract-quantity">
          {formatCount(detail.quantity, lang)}
          <span className="con-unit">{t('contracts.units')}</span>
        </Total>
        <Total label={t('contracts.total')} testId="contract-total">
          {money(detail.totalFen)}
        </Total>
        <Total label={t('contracts.delivered')} testId="contract-delivered">
          {formatCount(detail.delivered, lang)} / {formatCount(detail.quantity, lang)}
          <Progress
            percent={
              detail.quantity > 0 ? Math.round((detail.delivered / detail.quantity) * 100) : 0
            }
            size="small"
            showInfo={false}
          />
        </Total>
        <Total label={t('contracts.invoiced')} testId="contract-invoiced">
          {money(detail.invoicedFen)}
          <Progress
            percent={
              detail.totalFen > 0 ? Math.round((detail.invoicedFen / detail.totalFen) * 100) : 0
            }
            size="small"
            showInfo={false}
          />
        </Total>
      </div>
    </div>
  );
}

function Total(props: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="con-total" data-testid={props.testId}>
      <Typography.Text type="secondary" className="con-total__label">
        {props.label}
      </Typography.Text>
      <div className="con-total__value">{props.children}</div>
    </div>
  );
}
