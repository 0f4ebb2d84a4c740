/**
 * Step 3: which field each column goes into. The guess comes from the header wording; the user
 * corrects it per column, or applies a mapping saved for files laid out the same way. A field
 * takes one column: choosing it for another column moves it there.
 */
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { fieldLabel } from '../../../../shared/import/reasons';
import type { ImportField, SavedMapping } from '../../../../shared/schemas/imports';
import { errorText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { testId } from '../../lib/test-id';
import { columnLetter, type MappedColumn, mappingToSave, sampleValues } from './column-mapping';
import { TARGETS } from './import-targets';
import type { ImportWizard } from './use-import-wizard';
import { type SavedMappings, useSavedMappings } from './use-saved-mappings';

/** The Select's value for "不导入": antd treats null as "nothing chosen". */
const SKIP = '';

function SavedMappingBar({ wizard, mappings }: { wizard: ImportWizard; mappings: SavedMappings }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const canSave = name.trim() !== '' && mappingToSave(wizard.columns).length > 0;

  const apply = (id: number) => {
    const mapping = mappings.list.find((m) => m.id === id);
    if (!mapping) return;
    if (wizard.applyMapping(mapping))
      void message.success(t('import.mappingApplied', { name: mapping.name }));
    else void message.warning(t('import.mappingNoMatch', { name: mapping.name }));
  };

  const confirmDelete = (mapping: SavedMapping) =>
    modal.confirm({
      title: t('import.deleteMappingConfirm', { name: mapping.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true, ...testId('import-mapping-delete-ok') },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const r = await mappings.remove(mapping);
        if (r.ok) void message.success(t('import.mappingDeleted', { name: mapping.name }));
        else void message.error(errorText(r.error, t));
      },
    });

  const save = async () => {
    setSaving(true);
    const r = await mappings.save(name.trim(), wizard.columns);
    setSaving(false);
    if (!r.ok) return void message.error(errorText(r.error, t));
    setName('');
    void message.success(t('import.mappingSaved', { name: r.value.name }));
  };

  return (
    <div className="import-mapping-bar">
      <Select<number>
        className="import-mapping-bar__select"
        placeholder={t('import.savedMappings')}
        // A mapping deleted after it was applied is no longer a choice to show.
        value={mappings.list.find((m) => m.id === wizard.appliedMappingId)?.id}
        onChange={apply}
        notFoundContent={t('import.noSavedMappings')}
        options={mappings.list.map((m) => ({ value: m.id, label: m.name }))}
        optionRender={(option) => (
          <div className="import-mapping-option">
            <span className="cell-text">{option.label}</span>
            <Tooltip title={t('import.deleteMapping')}>
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('import.deleteMapping')}
                // The click deletes; it must not also choose the option it sits in.
                onClick={(e) => {
                  e.stopPropagation();
                  const mapping = mappings.list.find((m) => m.id === option.value);
                  if (mapping) confirmDelete(mapping);
                }}
                data-testid={`import-mapping-delete-${option.value}`}
              />
            </Tooltip>
          </div>
        )}
        data-testid="import-mapping-select"
      />
      <Space.Compact>
        <Input
          className="import-mapping-bar__name"
          placeholder={t('import.mappingName')}
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => canSave && void save()}
          data-testid="import-mapping-name"
        />
        <Tooltip title={t('import.saveMappingHint')}>
          <Button
            icon={<SaveOutlined />}
            disabled={!canSave}
            loading={saving}
            onClick={() => void save()}
            data-testid="import-mapping-save"
          >
            {t('import.saveMapping')}
          </Button>
        </Tooltip>
      </Space.Compact>
    </div>
  );
}

function FieldSelect({
  fields,
  column,
  columns,
  onChange,
}: {
  /** The fields of the import target. */
  fields: readonly ImportField[];
  column: MappedColumn;
  columns: readonly MappedColumn[];
  onChange: (field: ImportField | null) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const owner = (field: ImportField) =>
    columns.find((c) => c.field === field && c.index !== column.index);
  return (
    <Select<ImportField | typeof SKIP>
      className="import-field-select"
      value={column.field ?? SKIP}
      onChange={(value) => onChange(value === SKIP ? null : value)}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      options={[
        { value: SKIP, label: t('import.skip') },
        ...fields.map((field) => {
          const other = owner(field);
          const label = fieldLabel(field, lang);
          return {
            value: field,
            label: other
              ? t('import.fieldUsedBy', { field: label, column: columnLetter(other.index) })
              : label,
          };
        }),
      ]}
      data-testid={`import-map-${column.index}`}
    />
  );
}

export function MappingStep({ wizard }: { wizard: ImportWizard }) {
  const t = useT();
  const mappings = useSavedMappings(wizard.target);
  const { sheet, headerRow, columns, missing } = wizard;
  if (!sheet || headerRow === null) return null;
  const mapped = columns.filter((c) => c.field !== null).length;

  return (
    <div className="import-step" data-testid="import-step-mapping">
      <SavedMappingBar wizard={wizard} mappings={mappings} />
      {mappings.error && (
        <ErrorAlert error={mappings.error} type="warning" className="gap-bottom" />
      )}
      {missing && (
        <Alert
          className="gap-bottom"
          type="warning"
          showIcon
          title={t(missing)}
          data-testid="import-need-name"
        />
      )}
      <Table<MappedColumn>
        size="small"
        rowKey="index"
        className="import-mapping"
        dataSource={columns}
        pagination={false}
        scroll={{ y: 400 }}
        rowClassName={(c) => (c.field === null ? 'import-mapping__skipped' : '')}
        columns={[
          {
            key: 'letter',
            title: t('import.column'),
            width: 76,
            render: (_, c) => <span className="mono">{columnLetter(c.index)}</span>,
          },
          {
            key: 'header',
            title: t('import.header'),
            width: 200,
            ellipsis: true,
            render: (_, c) =>
              c.header ? (
                <Typography.Text strong>{c.header}</Typography.Text>
              ) : (
                <span className="cell-empty">{t('import.noHeaderText')}</span>
              ),
          },
          {
            key: 'samples',
            title: t('import.samples'),
            ellipsis: true,
            render: (_, c) => (
              <span className="import-samples">
                {sampleValues(sheet, headerRow, c.index).join(' · ')}
              </span>
            ),
          },
          {
            key: 'field',
            title: t('import.field'),
            width: 220,
            render: (_, c) => (
              <FieldSelect
                fields={TARGETS[wizard.target].fields}
                column={c}
                columns={columns}
                onChange={(field) => wizard.mapColumn(c.index, field)}
              />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary" className="import-hint" data-testid="import-mapped-count">
        {t('import.mappedCount', { mapped, total: columns.length })}
      </Typography.Text>
    </div>
  );
}
