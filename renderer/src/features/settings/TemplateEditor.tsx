/**
 * One report template in a drawer: its name, one row per vehicle or per filing, where the header
 * and the data start, and its columns. With the manufacturer's workbook (uploaded here or before)
 * the report fills that workbook's sheet; the preview of an upload lets the user pick the sheet
 * and click the header row, and the columns come prefilled from the headers it recognised.
 */
import {
  App,
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { REPORT_GRANULARITIES, type ReportGranularity } from '../../../../shared/filing-enums';
import type { StagedFile } from '../../../../shared/schemas/imports';
import type { ReportTemplate, TemplateInspection } from '../../../../shared/schemas/reports';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumOptions, useT } from '../../i18n/context';
import { placeIssues } from '../../lib/form-issues';
import { type ColumnValues, TemplateColumnsEditor } from './TemplateColumnsEditor';
import { TemplateFileButton } from './TemplateFileButton';
import { TemplateSheetPreview } from './TemplateSheetPreview';
import { columnLetter, guessHeaderRow, layoutAt, type RowLayout } from './template-layout';

export interface TemplateUpload {
  staged: StagedFile;
  inspection: TemplateInspection;
}

interface Values {
  name: string;
  granularity: ReportGranularity;
  sheetName: string | null;
  headerRow: number | null;
  firstDataRow: number | null;
  columns: ColumnValues[];
}

const FIELDS = new Set(['name', 'granularity', 'sheetName', 'headerRow', 'firstDataRow']);

/** A server path (`columns.2.column`) as the form's field name. */
function fieldName(path: string): (string | number)[] | null {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'columns') return parts;
  return typeof parts[0] === 'string' && FIELDS.has(parts[0]) ? [parts[0]] : null;
}

const baseName = (fileName: string) => fileName.replace(/\.xlsx$/i, '').slice(0, 100);

function valuesOf(template: ReportTemplate | null, upload: TemplateUpload | null): Values {
  const s = upload?.inspection.suggestion;
  return {
    name: template?.name ?? (upload ? baseName(upload.inspection.fileName) : ''),
    granularity: template?.granularity ?? 'vehicle',
    sheetName: s?.sheetName ?? template?.sheetName ?? null,
    headerRow: s?.headerRow ?? template?.headerRow ?? 1,
    firstDataRow: s?.firstDataRow ?? template?.firstDataRow ?? 2,
    columns: s?.columns ?? template?.columns ?? [],
  };
}

export function TemplateEditor(props: {
  template: ReportTemplate | null;
  /** A workbook uploaded to start a new template from (从厂家模板创建). */
  initialUpload: TemplateUpload | null;
  canEdit: boolean;
  onClose: () => void;
  onSaved: (saved: ReportTemplate) => void;
}) {
  const { template, initialUpload, canEdit, onClose, onSaved } = props;
  const t = useT();
  const options = useEnumOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [upload, setUpload] = useState<TemplateUpload | null>(initialUpload);
  const [unmatched, setUnmatched] = useState<RowLayout['unmatched']>(
    initialUpload?.inspection.suggestion.unmatched ?? [],
  );
  const [keepSource, setKeepSource] = useState(true);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const sheetName = Form.useWatch('sheetName', form) ?? null;
  const headerRow = Form.useWatch('headerRow', form) ?? 1;
  const firstDataRow = Form.useWatch('firstDataRow', form) ?? 2;
  const kept = keepSource ? (template?.source ?? null) : null;
  const hasSource = upload !== null || kept !== null;

  const applyLayout = (layout: RowLayout, row: number, sheet: string) => {
    form.setFieldsValue({
      sheetName: sheet,
      headerRow: row,
      firstDataRow: row + 1,
      columns: layout.columns,
    });
    setUnmatched(layout.unmatched);
  };

  const uploaded = (staged: StagedFile, inspection: TemplateInspection) => {
    setUpload({ staged, inspection });
    setError(null);
    const s = inspection.suggestion;
    applyLayout({ columns: s.columns, unmatched: s.unmatched }, s.headerRow, s.sheetName);
  };

  const pickSheet = (name: string) => {
    const sheet = upload?.inspection.sheets.find((s) => s.name === name);
    if (!upload || !sheet) return;
    const row = guessHeaderRow(upload.inspection, sheet);
    applyLayout(layoutAt(upload.inspection, sheet, row), row, name);
  };

  const pickHeaderRow = (row: number) => {
    const sheet = upload?.inspection.sheets.find((s) => s.name === sheetName);
    if (!upload || !sheet || !canEdit) return;
    applyLayout(layoutAt(upload.inspection, sheet, row), row, sheet.name);
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || v.headerRow === null || v.firstDataRow === null) return;
    setSaving(true);
    const r = await call('reports.saveTemplate', {
      id: template?.id ?? null,
      name: v.name.trim(),
      granularity: v.granularity,
      sheetName: hasSource ? v.sheetName : null,
      headerRow: v.headerRow,
      firstDataRow: v.firstDataRow,
      columns: v.columns.map((c) => ({
        field: c.field ?? 'seq',
        header: (c.header ?? '').trim(),
        column: c.column ?? 1,
      })),
      sourceFileId: upload?.staged.fileId ?? null,
      keepSource,
    });
    setSaving(false);
    if (!r.ok) return setError(placeIssues(form, r.error, t, fieldName));
    void message.success(t('settings.templateSaved', { name: r.value.name }));
    onSaved(r.value);
  };

  const title = !canEdit
    ? t('settings.templateView')
    : template
      ? t('settings.templateEdit', { name: template.name })
      : t('settings.templateNew');

  return (
    <Drawer
      open
      title={title}
      size="min(1100px, calc(100vw - 120px))"
      onClose={onClose}
      destroyOnHidden
      data-testid="template-editor"
      footer={
        <div className="drawer-footer">
          <Button onClick={onClose}>{canEdit ? t('common.cancel') : t('common.close')}</Button>
          {canEdit && (
            <Button
              type="primary"
              loading={saving}
              onClick={() => void save()}
              data-testid="template-save"
            >
              {t('common.save')}
            </Button>
          )}
        </div>
      }
    >
      {error && <ErrorAlert error={error} className="gap-bottom" />}
      <Alert
        type={hasSource ? 'success' : 'info'}
        showIcon
        className="gap-bottom"
        title={
          upload
            ? t('settings.templateSourceNew', { name: upload.inspection.fileName })
            : kept
              ? t('settings.templateSource', { name: kept.fileName })
              : t('settings.templateNoSource')
        }
        action={
          canEdit && (
            <Space>
              <TemplateFileButton onInspected={uploaded} testId="template-replace-source">
                {hasSource ? t('settings.templateReplaceSource') : t('settings.templateUseSource')}
              </TemplateFileButton>
              {hasSource && (
                <Button
                  onClick={() => {
                    setUpload(null);
                    setKeepSource(false);
                    setUnmatched([]);
                  }}
                  data-testid="template-drop-source"
                >
                  {t('settings.templateDropSource')}
                </Button>
              )}
            </Space>
          )
        }
        data-testid="template-source"
      />
      {upload && (
        <TemplateSheetPreview
          inspection={upload.inspection}
          sheetName={sheetName ?? upload.inspection.suggestion.sheetName}
          headerRow={headerRow}
          firstDataRow={firstDataRow}
          onSheet={pickSheet}
          onHeaderRow={pickHeaderRow}
        />
      )}
      {upload && unmatched.length > 0 && (
        <div className="set-unmatched gap-bottom" data-testid="template-unmatched">
          <Typography.Text type="secondary">{t('settings.templateUnmatched')}</Typography.Text>
          {unmatched.map((u) => (
            <Tag key={u.column} color="orange" className="cell-tag">
              {columnLetter(u.column)} · {u.header}
            </Tag>
          ))}
        </div>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        disabled={!canEdit}
        initialValues={valuesOf(template, initialUpload)}
        className="form-grid"
      >
        <Form.Item
          name="name"
          label={t('settings.templateName')}
          rules={[
            { required: true, whitespace: true, message: t('val.required') },
            { max: 100, message: t('val.maxLength', { max: 100 }) },
          ]}
        >
          <Input data-testid="template-name" />
        </Form.Item>
        <Form.Item name="granularity" label={t('settings.templateGranularity')}>
          <Radio.Group
            optionType="button"
            options={options(REPORT_GRANULARITIES)}
            data-testid="template-granularity"
          />
        </Form.Item>
        <Form.Item
          name="headerRow"
          label={t('settings.templateHeaderRow')}
          rules={[{ required: true, message: t('val.required') }]}
        >
          <InputNumber<number> min={1} max={100} precision={0} data-testid="template-header-row" />
        </Form.Item>
        <Form.Item
          name="firstDataRow"
          label={t('settings.templateFirstDataRow')}
          dependencies={['headerRow']}
          rules={[
            { required: true, message: t('val.required') },
            ({ getFieldValue }) => ({
              validator: (_, v: number | null) =>
                v !== null && v <= (getFieldValue('headerRow') as number)
                  ? Promise.reject(new Error(t('reason.report.data_above_header')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <InputNumber<number> min={2} max={101} precision={0} data-testid="template-first-row" />
        </Form.Item>
        {/* With an upload the preview picks the sheet; a kept workbook's sheet is named here. */}
        <Form.Item
          name="sheetName"
          label={t('settings.templateSheet')}
          hidden={!hasSource || upload !== null}
          rules={[{ max: 31, message: t('val.maxLength', { max: 31 }) }]}
        >
          <Input data-testid="template-sheet-name" />
        </Form.Item>
        <div className="form-grid__wide">
          <Typography.Text strong>{t('settings.templateColumns')}</Typography.Text>
          <Typography.Paragraph type="secondary" className="set-columns__hint">
            {t('settings.templateColumnsHint')}
          </Typography.Paragraph>
          <TemplateColumnsEditor disabled={!canEdit} />
        </div>
      </Form>
    </Drawer>
  );
}
