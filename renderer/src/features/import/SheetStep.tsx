/**
 * Step 2: which sheet, and which of its rows holds the column names. Real files put a title, a
 * date or notes above the header, so the guessed row is shown highlighted and any row of the
 * preview can be made the header with a click.
 */
import { Alert, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { SheetInspection } from '../../../../shared/schemas/imports';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { columnLetter } from './column-mapping';
import { previewSpans } from '../../../../shared/import/preview-spans';
import { isActive } from './import-run';
import type { ImportWizard } from './use-import-wizard';

/** More columns than this are not readable in a preview anyway; the mapping step lists all. */
const PREVIEW_COLUMNS = 40;

type PreviewRow = SheetInspection['preview'][number];

function PreviewTable({
  sheet,
  headerRow,
  onPick,
}: {
  sheet: SheetInspection;
  headerRow: number | null;
  onPick: (row: number) => void;
}) {
  const t = useT();
  const width = Math.min(PREVIEW_COLUMNS, Math.max(0, ...sheet.preview.map((r) => r.cells.length)));
  const spans = useMemo(() => previewSpans(sheet, width), [sheet, width]);
  const columns = useMemo<ColumnsType<PreviewRow>>(
    () => [
      {
        key: 'row',
        title: t('import.previewRow'),
        width: 76,
        fixed: 'left',
        className: 'import-preview__rownum',
        render: (_, r) =>
          r.row === headerRow ? (
            <Tag color="blue" className="import-preview__tag">
              {r.row} · {t('import.headerTag')}
            </Tag>
          ) : (
            r.row
          ),
      },
      ...Array.from({ length: width }, (_, i) => ({
        key: `c${i}`,
        title: columnLetter(i),
        width: 140,
        ellipsis: true,
        render: (_: unknown, r: PreviewRow) => r.cells[i] ?? '',
        // A merged title is drawn once across its range, not repeated in every column.
        onCell: (r: PreviewRow) => spans.get(`${r.row}:${i}`) ?? {},
      })),
    ],
    [headerRow, spans, t, width],
  );
  return (
    <Table<PreviewRow>
      size="small"
      bordered
      rowKey="row"
      className="import-preview"
      columns={columns}
      dataSource={sheet.preview}
      pagination={false}
      scroll={{ x: 'max-content', y: 360 }}
      rowClassName={(r) =>
        r.row === headerRow
          ? 'import-preview__header'
          : headerRow !== null && r.row < headerRow
            ? 'import-preview__above'
            : ''
      }
      onRow={(r) => ({
        onClick: () => onPick(r.row),
        ...testId(`import-preview-row-${r.row}`),
      })}
      data-testid="import-preview"
    />
  );
}

/** The encoding a text file was read in, and a switch that reads it again in another. */
function EncodingChoice({ wizard }: { wizard: ImportWizard }) {
  const t = useT();
  const { inspection } = wizard;
  if (!inspection?.encoding || inspection.encodings.length < 2) return null;
  return (
    <Space>
      <Typography.Text>{t('import.encoding')}</Typography.Text>
      <Select
        value={inspection.encoding}
        onChange={wizard.setEncoding}
        disabled={wizard.busy}
        loading={isActive(wizard.inspect)}
        popupMatchSelectWidth={false}
        options={inspection.encodings.map((e) => ({
          value: e,
          label: <span {...testId(`import-encoding-${e}`)}>{t(`import.encoding.${e}`)}</span>,
        }))}
        data-testid="import-encoding"
      />
      <Typography.Text type="secondary">{t('import.encodingHint')}</Typography.Text>
    </Space>
  );
}

export function SheetStep({ wizard }: { wizard: ImportWizard }) {
  const t = useT();
  const { lang } = useLang();
  const { inspection, sheet, headerRow } = wizard;
  if (!inspection) return null;
  const rows = sheet?.preview ?? [];
  const firstRow = rows[0]?.row ?? 1;
  const lastRow = rows[rows.length - 1]?.row ?? 1;

  return (
    <div className="import-step" data-testid="import-step-sheet">
      <Space wrap size="large" className="gap-bottom">
        <Space>
          <Typography.Text>{t('import.sheet')}</Typography.Text>
          <Select
            className="import-sheet-select"
            value={sheet?.name}
            onChange={wizard.selectSheet}
            popupMatchSelectWidth={false}
            options={inspection.sheets.map((s) => ({
              value: s.name,
              label:
                s.rowCount === null
                  ? s.name
                  : t('import.sheetOption', { name: s.name, rows: formatCount(s.rowCount, lang) }),
            }))}
            data-testid="import-sheet-select"
          />
        </Space>
        <EncodingChoice wizard={wizard} />
        {rows.length > 0 && (
          <Space>
            <Typography.Text>{t('import.headerRowBefore')}</Typography.Text>
            <InputNumber
              min={firstRow}
              max={lastRow}
              precision={0}
              value={headerRow}
              onChange={(value) => {
                if (typeof value === 'number' && rows.some((r) => r.row === value))
                  wizard.selectHeaderRow(value);
              }}
              data-testid="import-header-row"
            />
            {t('import.headerRowAfter') && (
              <Typography.Text>{t('import.headerRowAfter')}</Typography.Text>
            )}
          </Space>
        )}
      </Space>
      {sheet && rows.length === 0 ? (
        <Alert type="warning" showIcon title={t('import.emptySheet')} data-testid="import-empty" />
      ) : (
        <>
          {headerRow === null ? (
            <Alert
              className="gap-bottom"
              type="warning"
              showIcon
              title={t('import.noHeader')}
              data-testid="import-no-header"
            />
          ) : (
            <Typography.Paragraph type="secondary" className="import-hint">
              {t('import.headerHint')}
              {(sheet?.rowCount ?? Infinity) > lastRow &&
                ` ${t('import.previewLimit', { n: rows.length })}`}
            </Typography.Paragraph>
          )}
          {sheet && (
            <PreviewTable sheet={sheet} headerRow={headerRow} onPick={wizard.selectHeaderRow} />
          )}
        </>
      )}
    </div>
  );
}
