import { Typography } from 'antd';
import { useT } from '../../i18n/context';

// Replaced by the feature's page.
export function MyDayPage() {
  const t = useT();
  return (
    <div className="page" data-testid="my-day-page">
      <Typography.Title level={4}>{t('nav.myDay')}</Typography.Title>
    </div>
  );
}
