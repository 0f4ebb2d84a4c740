/** "导出 / Export" with a choice of file format. */
import { DownloadOutlined, DownOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useT } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { testId } from '../../lib/test-id';
import type { ExportFormat } from './use-export';

export const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  xlsx: 'export.xlsx',
  csv: 'export.csv',
};

export function ExportButton(props: {
  disabled?: boolean;
  onExport: (format: ExportFormat) => void;
}) {
  const t = useT();
  const formats = Object.keys(FORMAT_LABELS) as ExportFormat[];
  return (
    <Dropdown
      trigger={['click']}
      disabled={props.disabled}
      menu={{
        items: formats.map((format) => ({
          key: format,
          label: t(FORMAT_LABELS[format]),
          ...testId(`export-${format}`),
        })),
        onClick: ({ key }) => props.onExport(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} disabled={props.disabled} data-testid="export-button">
        {t('export.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
