import { Typography } from 'antd';
import { useT } from '../../i18n/context';

// Replaced by the feature's page.
export function SalesSettingsPage() {
  const t = useT();
  return (
    <div className="page" data-testid="sales-settings-page">
      <Typography.Title level={4}>{t('nav.settings')}</Typography.Title>
    </div>
  );
}
