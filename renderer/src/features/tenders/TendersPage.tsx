import { Typography } from 'antd';
import { useT } from '../../i18n/context';

// Replaced by the feature's page.
export function TendersPage() {
  const t = useT();
  return (
    <div className="page" data-testid="tenders-page">
      <Typography.Title level={4}>{t('nav.tenders')}</Typography.Title>
    </div>
  );
}
