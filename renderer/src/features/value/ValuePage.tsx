/** 客户价值: 20/80 and ABC, the scorecard with segments, the replacement forecast, the settings. */
import { Tabs } from 'antd';
import { useT } from '../../i18n/context';
import { ForecastTab } from './ForecastTab';
import { ParetoTab } from './ParetoTab';
import { ScorecardTab } from './ScorecardTab';
import { ValueSettingsTab } from './ValueSettingsTab';

export function ValuePage() {
  const t = useT();
  return (
    <div className="page" data-testid="value-page">
      <Tabs
        destroyOnHidden
        items={[
          { key: 'pareto', label: t('value.tabPareto'), children: <ParetoTab /> },
          { key: 'scorecard', label: t('value.tabScorecard'), children: <ScorecardTab /> },
          { key: 'forecast', label: t('value.tabForecast'), children: <ForecastTab /> },
          { key: 'settings', label: t('value.tabSettings'), children: <ValueSettingsTab /> },
        ]}
      />
    </div>
  );
}
