/**
 * 报备报表模板: the layouts the filing report is written in. The built-in one makes a plain
 * sheet; others fill the manufacturer's own workbook, uploaded once and kept by its hash.
 */
import { DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { REPORT_GRANULARITIES } from '../../../../shared/filing-enums';
import type { ReportTemplate } from '../../../../shared/schemas/reports';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatCount, formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { TemplateEditor, type TemplateUpload } from './TemplateEditor';
import { TemplateFileButton } from './TemplateFileButton';

type Editing = { template: ReportTemplate | null; upload: TemplateUpload | null } | null;

export function ReportTemplatesTab({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { message } = App.useApp();
  const [revision, setRevision] = useState(0);
  const [loaded, setLoaded] = useState<{
    revision: number;
    rows: ReportTemplate[] | null;
    error: ApiError | null;
  } | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => {
    let live = true;
    void call('reports.templates', {}).then((r) => {
      if (!live) return;
      setLoaded((prev) => ({
        revision,
        rows: r.ok ? r.value : (prev?.rows ?? null),
        error: r.ok ? null : r.error,
      }));
    });
    return () => {
      live = false;
    };
  }, [revision]);

  const remove = async (x: ReportTemplate) => {
    const r = await call('reports.deleteTemplate', { id: x.id });
    if (!r.ok) return void message.error(errorText(r.error, t));
    void message.success(t('settings.templateDeleted', { name: x.name }));
    setRevision((n) => n + 1);
  };

  return (
    <div className="set-panel" data-testid="report-templates-tab">
      <Typography.Paragraph type="secondary">{t('settings.templatesIntro')}</Typography.Paragraph>
      {canEdit && (
        <div className="tab-toolbar">
          <TemplateFileButton
            primary
            onInspected={(staged, inspection) =>
              setEditing({ template: null, upload: { staged, inspection } })
            }
            testId="template-from-file"
          >
            {t('settings.templateFromFile')}
          </TemplateFileButton>
          <Button
            icon={<PlusOutlined />}
            onClick={() => setEditing({ template: null, upload: null })}
            data-testid="template-new"
          >
            {t('settings.templateNew')}
          </Button>
        </div>
      )}
      {loaded?.error && <ErrorAlert error={loaded.error} className="gap-bottom" />}
      <Table<ReportTemplate>
        size="small"
        rowKey="id"
        loading={loaded?.revision !== revision}
        dataSource={loaded?.rows ?? []}
        pagination={false}
        data-testid="templates-table"
        onRow={(x) => ({ className: 'set-row', ...testId(`template-row-${x.id}`) })}
        columns={[
          {
            key: 'name',
            title: t('settings.templateName'),
            render: (_, x) => (
              <Space size={6}>
                {x.name}
                {x.builtIn && (
                  <Tag className="cell-tag" data-testid="template-builtin">
                    {t('settings.templateBuiltIn')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            key: 'granularity',
            title: t('settings.templateGranularity'),
            width: 130,
            render: (_, x) => label(REPORT_GRANULARITIES, x.granularity),
          },
          {
            key: 'source',
            title: t('settings.templateSourceColumn'),
            render: (_, x) =>
              x.source ? (
                <span>
                  <span className="mono">{x.source.fileName}</span>
                  {x.sheetName && <span className="set-muted"> · {x.sheetName}</span>}
                </span>
              ) : (
                <span className="set-muted">{t('settings.templatePlain')}</span>
              ),
          },
          {
            key: 'columns',
            title: t('settings.templateColumns'),
            width: 80,
            align: 'right',
            render: (_, x) => formatCount(x.columns.length, lang),
          },
          {
            key: 'updatedAt',
            title: t('settings.updatedAt'),
            width: 170,
            render: (_, x) => (
              <span className="cell-date">{formatDateTime(x.updatedAt, lang)}</span>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 160,
            render: (_, x) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={canEdit ? <EditOutlined /> : <EyeOutlined />}
                  onClick={() => setEditing({ template: x, upload: null })}
                  data-testid="template-edit"
                >
                  {canEdit ? t('common.edit') : t('settings.view')}
                </Button>
                {canEdit && (
                  <Tooltip title={x.builtIn ? t('reason.report.built_in') : undefined}>
                    <Popconfirm
                      title={t('settings.templateDeleteConfirm', { name: x.name })}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true, ...testId('template-delete-confirm') }}
                      onConfirm={() => remove(x)}
                      disabled={x.builtIn}
                    >
                      <Button
                        type="link"
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        disabled={x.builtIn}
                        data-testid="template-delete"
                      >
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </Tooltip>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <TemplateEditor
          template={editing.template}
          initialUpload={editing.upload}
          canEdit={canEdit}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setRevision((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
