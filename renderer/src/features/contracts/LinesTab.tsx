/** 明细: the contract lines against the price list as it was when each line was saved. */
import { Table, Typography } from 'antd';
import type { ContractDetail, ContractLine } from '../../../../shared/schemas/contracts';
import { formatFen } from '../../../../shared/values/money';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { BelowFloorTag } from './contract-tags';

export function LinesTab({ detail }: { detail: ContractDetail }) {
  const t = useT();
  const { lang } = useLang();
  const system = detail.kind === 'system';
  const money = (fen: number) => <span className="mono">{formatFen(fen)}</span>;
  return (
    <Table<ContractLine>
      size="small"
      rowKey="id"
      dataSource={detail.lines}
      pagination={false}
      scroll={{ x: 960 }}
      data-testid="lines-table"
      onRow={(l) => ({ className: 'con-row', ...testId(`line-row-${l.id}`) })}
      columns={[
        { key: 'model', title: t('contracts.model'), dataIndex: 'model', width: 120 },
        {
          key: 'configuration',
          title: t('contracts.configuration'),
          width: 170,
          render: (_, l) => l.configuration ?? <span className="cell-empty">—</span>,
        },
        {
          key: 'quantity',
          title: t('contracts.quantity'),
          width: 70,
          align: 'right',
          render: (_, l) => formatCount(l.quantity, lang),
        },
        {
          key: 'unitPrice',
          title: t('contracts.unitPrice'),
          width: 130,
          align: 'right',
          render: (_, l) => (
            <span className={l.belowFloor ? 'con-below' : undefined}>{money(l.unitPriceFen)}</span>
          ),
        },
        {
          key: 'retail',
          title: t('contracts.retail'),
          width: 130,
          align: 'right',
          render: (_, l) => money(l.retailFen),
        },
        {
          key: 'floor',
          title: t('contracts.floor'),
          width: 130,
          align: 'right',
          render: (_, l) => money(l.floorFen),
        },
        {
          key: 'amount',
          title: t('contracts.amount'),
          width: 170,
          align: 'right',
          render: (_, l) => (
            <span className="con-inline con-inline--end">
              {l.belowFloor && <BelowFloorTag />}
              {money(l.quantity * l.unitPriceFen)}
            </span>
          ),
        },
        ...(system
          ? [
              {
                key: 'allocated',
                title: t('contracts.allocated'),
                width: 80,
                align: 'right' as const,
                render: (_: unknown, l: ContractLine) => formatCount(l.allocated, lang),
              },
            ]
          : []),
        {
          key: 'delivered',
          title: t('contracts.delivered'),
          width: 80,
          align: 'right',
          render: (_, l) => `${formatCount(l.delivered, lang)} / ${formatCount(l.quantity, lang)}`,
        },
      ]}
      summary={() => (
        <Table.Summary.Row className="table-total">
          <Table.Summary.Cell index={0} colSpan={2}>
            <Typography.Text strong>{t('contracts.total')}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            {formatCount(detail.quantity, lang)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} colSpan={3} />
          <Table.Summary.Cell index={6} align="right">
            <Typography.Text strong className="mono">
              {formatFen(detail.totalFen)}
            </Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={7} colSpan={system ? 2 : 1} align="right">
            {formatCount(detail.delivered, lang)} / {formatCount(detail.quantity, lang)}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
