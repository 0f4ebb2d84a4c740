/**
 * The columns of a report template: which field fills which sheet column under which header.
 * Rows can be added, removed and moved; the order is the order of a sheet Keyfleet makes itself.
 */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import {
  REPORT_FIELDS,
  REPORT_FIELD_VALUES,
  type ReportField,
} from '../../../../shared/filing-enums';
import type { TemplateColumn } from '../../../../shared/schemas/reports';
import { AddRowButton, RemoveRowButton } from '../../components/FormListButtons';
import { useEnumLabel, useEnumOptions, useLang, useT } from '../../i18n/context';
import { pickLabel } from '../../i18n/lang';
import { columnLetter } from './template-layout';

export type ColumnValues = Partial<TemplateColumn>;

export function TemplateColumnsEditor({ disabled }: { disabled: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const options = useEnumOptions();
  const form = Form.useFormInstance<{ columns: ColumnValues[] }>();
  const rows = (Form.useWatch('columns', form) ?? []) as ColumnValues[];

  // A new field's header defaults to its name until the user writes their own.
  const fieldChanged = (i: number, field: ReportField) => {
    const header = form.getFieldValue(['columns', i, 'header']) as string | undefined;
    const previous = rows[i]?.field;
    const wasDefault = !header || (previous && header === label(REPORT_FIELDS, previous));
    if (wasDefault) form.setFieldValue(['columns', i, 'header'], label(REPORT_FIELDS, field));
  };

  const nextRow = (): ColumnValues => {
    const used = new Set(rows.map((r) => r.field));
    const field = REPORT_FIELD_VALUES.find((f) => !used.has(f)) ?? 'seq';
    const column = Math.max(0, ...rows.map((r) => r.column ?? 0)) + 1;
    return { field, header: pickLabel(REPORT_FIELDS[field], lang), column: Math.min(column, 200) };
  };

  return (
    <Form.List
      name="columns"
      rules={[
        {
          validator: (_, value: ColumnValues[] | undefined) =>
            (value ?? []).length === 0
              ? Promise.reject(new Error(t('settings.templateColumnsRequired')))
              : Promise.resolve(),
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <div className="set-columns" data-testid="template-columns">
          <div className="set-columns__row set-columns__row--head">
            <span>{t('settings.templateField')}</span>
            <span>{t('settings.templateHeader')}</span>
            <span>{t('settings.templateColumn')}</span>
            <span />
            <span />
          </div>
          {fields.map((f, i) => (
            <div key={f.key} className="set-columns__row" data-testid={`template-col-${i}`}>
              <Form.Item
                name={[f.name, 'field']}
                rules={[{ required: true, message: t('val.required') }]}
              >
                <Select<ReportField>
                  showSearch={{ optionFilterProp: 'label' }}
                  options={options(REPORT_FIELDS)}
                  onChange={(v) => fieldChanged(i, v)}
                  disabled={disabled}
                  data-testid={`template-col-field-${i}`}
                />
              </Form.Item>
              <Form.Item
                name={[f.name, 'header']}
                rules={[
                  { required: true, whitespace: true, message: t('val.required') },
                  { max: 100, message: t('val.maxLength', { max: 100 }) },
                ]}
              >
                <Input disabled={disabled} data-testid={`template-col-header-${i}`} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'column']}
                dependencies={fields
                  .filter((o) => o.key !== f.key)
                  .map((o) => ['columns', o.name, 'column'])}
                rules={[
                  { required: true, message: t('val.required') },
                  {
                    validator: (_, v: number | null) => {
                      const all = (form.getFieldValue('columns') ?? []) as ColumnValues[];
                      return v !== null && all.some((r, j) => j !== i && r.column === v)
                        ? Promise.reject(new Error(t('reason.report.column_twice')))
                        : Promise.resolve();
                    },
                  },
                ]}
              >
                <InputNumber<number>
                  min={1}
                  max={200}
                  precision={0}
                  controls={false}
                  disabled={disabled}
                  className="set-columns__number"
                  data-testid={`template-col-number-${i}`}
                />
              </Form.Item>
              <span className="set-columns__letter mono">{columnLetter(rows[i]?.column ?? 0)}</span>
              {!disabled && (
                <span className="set-columns__buttons">
                  <Button
                    type="text"
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0}
                    aria-label={t('settings.moveUp')}
                    onClick={() => move(i, i - 1)}
                    data-testid={`template-col-up-${i}`}
                  />
                  <Button
                    type="text"
                    icon={<ArrowDownOutlined />}
                    disabled={i === fields.length - 1}
                    aria-label={t('settings.moveDown')}
                    onClick={() => move(i, i + 1)}
                    data-testid={`template-col-down-${i}`}
                  />
                  <RemoveRowButton
                    onClick={() => remove(f.name)}
                    testId={`template-col-remove-${i}`}
                  />
                </span>
              )}
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          {!disabled && fields.length < 100 && (
            <AddRowButton onClick={() => add(nextRow())} testId="template-col-add">
              {t('settings.templateColumnAdd')}
            </AddRowButton>
          )}
        </div>
      )}
    </Form.List>
  );
}
