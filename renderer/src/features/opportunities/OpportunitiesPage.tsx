import { Typography } from 'antd';
import { useT } from '../../i18n/context';

// Replaced by the feature's page.
export function OpportunitiesPage() {
  const t = useT();
  return (
    <div className="page" data-testid="opportunities-page">
      <Typography.Title level={4}>{t('nav.opportunities')}</Typography.Title>
    </div>
  );
}
