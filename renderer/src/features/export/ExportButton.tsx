/** "导出 / Export" with a choice of file format, for the view itself and for its contacts. */
import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { testId } from '../../lib/test-id';
import type { ExportFormat } from './use-export';

export const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  xlsx: 'export.xlsx',
  csv: 'export.csv',
};

const CONTACTS_LABELS: Record<ExportFormat, MessageKey> = {
  xlsx: 'export.contactsXlsx',
  csv: 'export.contactsCsv',
};

const FORMATS = Object.keys(FORMAT_LABELS) as ExportFormat[];

export function ExportButton(props: {
  /** The view has nothing to write (no visible column); its contacts can still be exported. */
  viewDisabled?: boolean;
  onExport: (format: ExportFormat) => void;
  /** The contacts of the view's accounts; without it the menu offers the view only. */
  onExportContacts?: (format: ExportFormat) => void;
}) {
  const t = useT();
  const { onExport, onExportContacts } = props;
  const items: MenuProps['items'] = FORMATS.map((format) => ({
    key: format,
    label: t(FORMAT_LABELS[format]),
    disabled: props.viewDisabled,
    onClick: () => onExport(format),
    ...testId(`export-${format}`),
  }));
  if (onExportContacts)
    items.push(
      { type: 'divider' },
      ...FORMATS.map((format) => ({
        key: `contacts-${format}`,
        label: t(CONTACTS_LABELS[format]),
        onClick: () => onExportContacts(format),
        ...testId(`export-contacts-${format}`),
      })),
    );
  return (
    <Dropdown
      trigger={['click']}
      disabled={props.viewDisabled && !onExportContacts}
      menu={{ items }}
    >
      <Button
        icon={<DownloadOutlined />}
        disabled={props.viewDisabled && !onExportContacts}
        data-testid="export-button"
      >
        {t('export.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
