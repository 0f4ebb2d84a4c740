/**
 * One analysis on the dashboards: its chart (ECharts, click to drill down, save as PNG) over the
 * table behind it (click a row to drill down, export to .xlsx/.csv). Both views show the same rows.
 */
import { Card, Space, Table } from 'antd';
import { type ReactNode, useRef } from 'react';
import { ChartPngButton } from '../../components/charts/ChartPngButton';
import {
  type ChartClick,
  EChart,
  type EChartHandle,
  type ChartOption,
} from '../../components/charts/EChart';
import { useLang } from '../../i18n/context';
import { TableExportButton } from '../export/TableExportButton';
import { type AnalysisColumn, exportTableOf, formatCell } from './analysis-table';

export function AnalysisPanel<R>(props: {
  title: string;
  testId: string;
  chart?: { option: ChartOption; onClick?: (event: ChartClick) => void; height?: number };
  columns: readonly AnalysisColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  onRowClick?: (row: R) => void;
  /** Lines for the export's about sheet (the period, who is counted). */
  about?: [string, string][];
  extra?: ReactNode;
  /** The table is long: show 10 rows a page. */
  paged?: boolean;
}) {
  const { lang } = useLang();
  const chart = useRef<EChartHandle>(null);
  const { onRowClick } = props;
  return (
    <Card
      size="small"
      title={props.title}
      className="dash-panel"
      data-testid={props.testId}
      extra={
        <Space size="small" wrap>
          {props.extra}
          {props.chart && <ChartPngButton chart={chart} fileName={props.title} />}
          <TableExportButton
            disabled={props.rows.length === 0}
            table={() => exportTableOf(props.title, props.columns, props.rows, props.about)}
          />
        </Space>
      }
    >
      {props.chart && (
        <EChart
          ref={chart}
          option={props.chart.option}
          onClick={props.chart.onClick}
          height={props.chart.height ?? 260}
          label={props.title}
          testId={`${props.testId}-chart`}
        />
      )}
      <Table<R>
        size="small"
        rowKey={props.rowKey}
        dataSource={[...props.rows]}
        pagination={props.paged && props.rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        rowClassName={onRowClick ? 'dash-row--drill' : undefined}
        onRow={(row) => ({ onClick: onRowClick ? () => onRowClick(row) : undefined })}
        columns={props.columns
          .filter((c) => c.only !== 'export')
          .map((c) => ({
            key: c.key,
            title: c.header,
            align: c.kind === 'text' || c.kind === 'date' ? 'left' : 'right',
            render: (_: unknown, row: R) => formatCell(c.kind, c.value(row), lang),
          }))}
        data-testid={`${props.testId}-table`}
      />
    </Card>
  );
}
