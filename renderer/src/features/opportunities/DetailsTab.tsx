/** 详情: the figures, demand lines, contacts with their roles, competitors, notes and the close. */
import { Descriptions, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { BUYER_TYPES, PURCHASE_ROLES, SOURCES } from '../../../../shared/enums';
import { LOST_REASONS } from '../../../../shared/sales-enums';
import {
  OPPORTUNITY_COLUMN_LABELS,
  type OpportunityColumn,
  type OpportunityDetail,
} from '../../../../shared/schemas/opportunities';
import { formatFen } from '../../../../shared/values/money';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDate, formatDateTime } from '../../lib/format';
import { recordPath } from '../../lib/use-hash-route';
import { Wan } from './Money';
import { isOverdue } from './overdue';

type Line = OpportunityDetail['lines'][number] & { key: number };
type Competitor = OpportunityDetail['competitors'][number] & { key: number };

const lineAmount = (l: { quantity: number; targetUnitPriceFen: number | null }) =>
  l.targetUnitPriceFen === null ? null : l.quantity * l.targetUnitPriceFen;

function Empty({ text }: { text: string }) {
  return <span className="cell-empty">{text}</span>;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="opp-section">
      <Typography.Title level={5} className="opp-section__title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

export function DetailsTab({ detail }: { detail: OpportunityDetail }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const col = (id: OpportunityColumn) => label(OPPORTUNITY_COLUMN_LABELS, id);
  const dash = <span className="cell-empty">—</span>;
  const overdue = isOverdue(detail);
  const wonContract =
    detail.stage === 'won' ? detail.contracts.find((c) => c.id === detail.contractId) : undefined;

  return (
    <div className="opp-details" data-testid="opp-details">
      <Descriptions
        size="small"
        bordered
        column={3}
        className="details"
        items={[
          {
            key: 'amount',
            label: col('amountFen'),
            children: <Wan fen={detail.amountFen} />,
          },
          {
            key: 'weighted',
            label: col('weightedFen'),
            children: (
              <span>
                <Wan fen={detail.weightedFen} />
                <span className="opp-muted"> × {detail.probability}%</span>
              </span>
            ),
          },
          { key: 'budget', label: col('budgetFen'), children: <Wan fen={detail.budgetFen} /> },
          {
            key: 'close',
            label: col('expectedCloseOn'),
            children: detail.expectedCloseOn ? (
              <span
                className={overdue ? 'opp-overdue' : undefined}
                title={overdue ? t('opp.overdue') : undefined}
              >
                {formatDate(detail.expectedCloseOn, lang)}
              </span>
            ) : (
              dash
            ),
          },
          { key: 'owner', label: col('ownerId'), children: detail.ownerName ?? dash },
          { key: 'source', label: col('source'), children: label(SOURCES, detail.source) || dash },
          { key: 'quantity', label: col('quantity'), children: formatCount(detail.quantity, lang) },
          {
            key: 'buyerType',
            label: col('buyerType'),
            children: label(BUYER_TYPES, detail.buyerType),
          },
          {
            key: 'updated',
            label: col('updatedAt'),
            children: formatDateTime(detail.updatedAt, lang),
          },
          ...(wonContract
            ? [
                {
                  key: 'contract',
                  label: t('opp.wonContract'),
                  children: (
                    <a
                      href={`#${recordPath('contracts', wonContract.id)}`}
                      className="mono"
                      data-testid="opp-won-contract"
                    >
                      {wonContract.number}
                    </a>
                  ),
                },
              ]
            : []),
        ]}
      />

      {detail.stage === 'lost' && (
        <Section title={t('opp.lostSection')}>
          <Descriptions
            size="small"
            bordered
            column={2}
            className="details opp-lost"
            data-testid="opp-lost"
            items={[
              {
                key: 'reason',
                label: t('opp.lostReason'),
                children: <Tag color="red">{label(LOST_REASONS, detail.lostReason)}</Tag>,
              },
              { key: 'winner', label: t('opp.winnerName'), children: detail.winnerName ?? dash },
              {
                key: 'price',
                label: t('opp.winningPrice'),
                children:
                  detail.winningPriceFen === null ? dash : formatFen(detail.winningPriceFen),
              },
              {
                key: 'note',
                label: t('opp.lostNote'),
                children: detail.lostNote ? (
                  <span className="pre-wrap">{detail.lostNote}</span>
                ) : (
                  dash
                ),
              },
            ]}
          />
        </Section>
      )}
      {detail.stage === 'abandoned' && detail.lostNote && (
        <Section title={t('opp.abandonedSection')}>
          <div className="pre-wrap">{detail.lostNote}</div>
        </Section>
      )}

      <Section title={t('opp.lines')}>
        <Table<Line>
          size="small"
          pagination={false}
          dataSource={detail.lines.map((l, key) => ({ ...l, key }))}
          locale={{ emptyText: <Empty text={t('opp.linesEmpty')} /> }}
          data-testid="opp-lines"
          columns={[
            { key: 'model', title: t('opp.lineModel'), dataIndex: 'model', width: 160 },
            {
              key: 'configuration',
              title: t('opp.lineConfiguration'),
              render: (_, l) => l.configuration ?? dash,
            },
            {
              key: 'quantity',
              title: t('opp.lineQuantity'),
              align: 'right',
              width: 80,
              render: (_, l) => formatCount(l.quantity, lang),
            },
            {
              key: 'price',
              title: t('opp.lineUnitPrice'),
              align: 'right',
              width: 150,
              render: (_, l) =>
                l.targetUnitPriceFen === null ? (
                  <Empty text={t('opp.priceUnknown')} />
                ) : (
                  formatFen(l.targetUnitPriceFen)
                ),
            },
            {
              key: 'amount',
              title: t('opp.lineAmount'),
              align: 'right',
              width: 160,
              render: (_, l) => {
                const amount = lineAmount(l);
                return amount === null ? dash : formatFen(amount);
              },
            },
          ]}
          summary={() =>
            detail.lines.length > 0 ? (
              <Table.Summary.Row className="table-total">
                <Table.Summary.Cell index={0} colSpan={2}>
                  <strong>{t('opp.linesTotal')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <strong>{formatCount(detail.quantity, lang)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} />
                <Table.Summary.Cell index={4} align="right">
                  <strong data-testid="opp-lines-total">{formatFen(detail.amountFen)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </Section>

      <Section title={t('opp.contacts')}>
        <Table
          size="small"
          pagination={false}
          rowKey="contactId"
          dataSource={detail.contacts}
          locale={{ emptyText: <Empty text={t('opp.contactsEmpty')} /> }}
          data-testid="opp-contacts"
          columns={[
            { key: 'name', title: t('opp.contactName'), dataIndex: 'name', width: 160 },
            { key: 'title', title: t('opp.contactTitle'), render: (_, c) => c.title ?? dash },
            {
              key: 'role',
              title: t('opp.contactRole'),
              width: 160,
              render: (_, c) =>
                c.role ? <Tag color="blue">{label(PURCHASE_ROLES, c.role)}</Tag> : dash,
            },
          ]}
        />
      </Section>

      <Section title={t('opp.competitors')}>
        <Table<Competitor>
          size="small"
          pagination={false}
          dataSource={detail.competitors.map((c, key) => ({ ...c, key }))}
          locale={{ emptyText: <Empty text={t('opp.competitorsEmpty')} /> }}
          data-testid="opp-competitors"
          columns={[
            { key: 'brand', title: t('opp.competitorBrand'), dataIndex: 'brand', width: 110 },
            {
              key: 'model',
              title: t('opp.competitorModel'),
              width: 130,
              render: (_, c) => c.model ?? dash,
            },
            { key: 'rep', title: t('opp.competitorRep'), render: (_, c) => c.rep ?? dash },
            {
              key: 'view',
              title: t('opp.competitorView'),
              render: (_, c) => c.customerView ?? dash,
            },
          ]}
        />
      </Section>

      <Section title={t('opp.notes')}>
        {detail.notes ? (
          <div className="pre-wrap" data-testid="opp-notes">
            {detail.notes}
          </div>
        ) : (
          dash
        )}
      </Section>
    </div>
  );
}
