import { Typography } from 'antd';
import { useT } from '../../i18n/context';

// Replaced by the feature's page.
export function ContractsPage() {
  const t = useT();
  return (
    <div className="page" data-testid="contracts-page">
      <Typography.Title level={4}>{t('nav.contracts')}</Typography.Title>
    </div>
  );
}
