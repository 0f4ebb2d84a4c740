/** 车辆保有: the vehicles the organisation runs now, with the total. */
import { Table } from 'antd';
import type { AccountDetail } from '../../../../shared/schemas/accounts';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';

type Line = AccountDetail['fleet'][number];

export function FleetTab({ fleet }: { fleet: AccountDetail['fleet'] }) {
  const t = useT();
  const { lang } = useLang();
  const total = fleet.reduce((sum, f) => sum + f.count, 0);
  return (
    <Table<Line>
      size="small"
      bordered
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={fleet}
      locale={{ emptyText: t('fleet.empty') }}
      data-testid="fleet-table"
      columns={[
        { key: 'brand', title: t('fleet.brand'), dataIndex: 'brand' },
        { key: 'model', title: t('fleet.model'), dataIndex: 'model' },
        {
          key: 'year',
          title: t('fleet.year'),
          dataIndex: 'year',
          width: 100,
          render: (y: number | null) => y ?? '—',
        },
        {
          key: 'count',
          title: t('fleet.count'),
          dataIndex: 'count',
          width: 120,
          align: 'right',
          render: (n: number) => formatCount(n, lang),
        },
      ]}
      summary={() =>
        fleet.length > 0 && (
          <Table.Summary.Row className="table-total">
            <Table.Summary.Cell index={0} colSpan={3}>
              {t('fleet.total')}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong data-testid="fleet-total">{formatCount(total, lang)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
}
