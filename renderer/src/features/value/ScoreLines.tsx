/** A value score explained line by line: each item in words and the points it adds (risk subtracts). */
import { Table } from 'antd';
import type { ScoreLine } from '../../../../shared/schemas/value';
import { useT } from '../../i18n/context';
import { useReasonText } from './reason-text';

export function ScoreLines({ lines }: { lines: ScoreLine[] }) {
  const t = useT();
  const reasonText = useReasonText();
  return (
    <Table<ScoreLine>
      size="small"
      bordered
      pagination={false}
      rowKey="code"
      dataSource={lines}
      data-testid="value-score-lines"
      columns={[
        { key: 'line', title: t('value.scoreLine'), render: (_: unknown, l) => reasonText(l) },
        {
          key: 'points',
          title: t('value.points'),
          dataIndex: 'points',
          align: 'right',
          width: 100,
        },
      ]}
    />
  );
}
