import { Typography } from 'antd';
import { useT } from '../../i18n/context';

// Replaced by the feature's page.
export function CalendarPage() {
  const t = useT();
  return (
    <div className="page" data-testid="calendar-page">
      <Typography.Title level={4}>{t('nav.calendar')}</Typography.Title>
    </div>
  );
}
