/**
 * The first rows of the uploaded workbook, as Excel shows them (row numbers, column letters): the
 * header row is highlighted and any row can be made the header with a click. Merged ranges are
 * listed, since a merged title above the header is common in manufacturers' forms.
 */
import { Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { TemplateInspection } from '../../../../shared/schemas/reports';
import { useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { columnLetter } from './template-layout';

/** More columns are not readable in a preview; the columns editor lists them all. */
const PREVIEW_COLUMNS = 30;

interface PreviewRow {
  row: number;
  cells: string[];
}

export function TemplateSheetPreview(props: {
  inspection: TemplateInspection;
  sheetName: string;
  headerRow: number;
  firstDataRow: number;
  onSheet: (name: string) => void;
  onHeaderRow: (row: number) => void;
}) {
  const { inspection, sheetName, headerRow, firstDataRow, onSheet, onHeaderRow } = props;
  const t = useT();
  const sheet = inspection.sheets.find((s) => s.name === sheetName) ?? inspection.sheets[0];
  const rows = useMemo<PreviewRow[]>(
    () => (sheet?.rows ?? []).map((cells, i) => ({ row: i + 1, cells })),
    [sheet],
  );
  const width = Math.min(PREVIEW_COLUMNS, Math.max(0, ...rows.map((r) => r.cells.length)));
  const columns = useMemo<ColumnsType<PreviewRow>>(
    () => [
      {
        key: 'row',
        title: '',
        width: 84,
        fixed: 'left',
        className: 'set-preview__rownum',
        render: (_, r) =>
          r.row === headerRow ? (
            <Tag color="blue" className="cell-tag">
              {r.row} · {t('settings.templateHeaderTag')}
            </Tag>
          ) : r.row === firstDataRow ? (
            <Tag color="green" className="cell-tag">
              {r.row} · {t('settings.templateDataTag')}
            </Tag>
          ) : (
            r.row
          ),
      },
      ...Array.from({ length: width }, (_, i) => ({
        key: `c${i}`,
        title: columnLetter(i + 1),
        width: 120,
        ellipsis: true,
        render: (_: unknown, r: PreviewRow) => r.cells[i] ?? '',
      })),
    ],
    [firstDataRow, headerRow, t, width],
  );
  if (!sheet) return null;

  return (
    <div className="set-preview" data-testid="template-preview">
      <Space wrap className="gap-bottom">
        <Typography.Text>{t('settings.templateSheet')}</Typography.Text>
        <Select<string>
          className="set-preview__sheet"
          value={sheet.name}
          onChange={onSheet}
          popupMatchSelectWidth={false}
          options={inspection.sheets.map((s) => ({ value: s.name, label: s.name }))}
          data-testid="template-sheet"
        />
        <Typography.Text type="secondary">{t('settings.templatePickHeader')}</Typography.Text>
      </Space>
      <Table<PreviewRow>
        size="small"
        bordered
        rowKey="row"
        className="set-preview__table"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 300 }}
        rowClassName={(r) =>
          r.row === headerRow
            ? 'set-preview__header'
            : r.row < headerRow
              ? 'set-preview__above'
              : ''
        }
        onRow={(r) => ({
          onClick: () => onHeaderRow(r.row),
          ...testId(`template-preview-row-${r.row}`),
        })}
      />
      {sheet.merges.length > 0 && (
        <Typography.Paragraph
          type="secondary"
          className="set-preview__merges"
          data-testid="template-merges"
        >
          {t('settings.templateMerges', { ranges: sheet.merges.join('、') })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
