import { Typography } from 'antd';
import { useT } from '../../i18n/context';

// Replaced by the feature's page.
export function ActivitiesPage() {
  const t = useT();
  return (
    <div className="page" data-testid="activities-page">
      <Typography.Title level={4}>{t('nav.activities')}</Typography.Title>
    </div>
  );
}
