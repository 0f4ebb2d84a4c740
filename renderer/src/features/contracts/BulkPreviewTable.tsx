/**
 * The preview of a pasted batch: one line per pasted row with its row number and VIN first, the
 * dialog's own columns after, rows with problems tinted. Shared by bulk deliveries and invoices.
 */
import { Table, type TableColumnsType } from 'antd';
import { useT } from '../../i18n/context';

interface PastedRow {
  row: number;
  vin: string;
  problems: readonly unknown[];
}

export function BulkPreviewTable<T extends PastedRow>(props: {
  rows: T[];
  /** `bd` or `bi`: the preview is `<prefix>-preview`, each row `<prefix>-row-<n>`. */
  testIdPrefix: string;
  vinWidth: number;
  columns: TableColumnsType<T>;
}) {
  const t = useT();
  const { rows, testIdPrefix, vinWidth, columns } = props;
  return (
    <Table<T>
      size="small"
      rowKey="row"
      className="bulk-table"
      dataSource={rows}
      pagination={false}
      scroll={{ y: 280 }}
      data-testid={`${testIdPrefix}-preview`}
      onRow={(r) => ({
        'data-testid': `${testIdPrefix}-row-${r.row}`,
        className: r.problems.length > 0 ? 'bulk-row--bad' : undefined,
      })}
      columns={[
        { key: 'row', title: t('bulk.row'), dataIndex: 'row', width: 56 },
        {
          key: 'vin',
          title: t('contracts.vin'),
          width: vinWidth,
          render: (_, r) => <span className="mono">{r.vin || '—'}</span>,
        },
        ...columns,
      ]}
    />
  );
}
