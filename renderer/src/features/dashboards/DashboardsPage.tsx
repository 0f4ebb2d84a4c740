/**
 * 管理看板 / 我的看板: the pipeline, won and lost, KPIs, claims and filings, one tab each (the tab
 * is in the address: #/dashboards/kpi). Managers see the store's figures, specialists their own
 * teams' — the backend decides; the page says which. Every chart and row drills down to the grid
 * behind it and exports its table; the charts save as PNG. The figures are read again on 刷新 and
 * when what they count changes elsewhere (use-live-dashboards.ts).
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/context';
import { SECTION_PATHS, useHashRoute } from '../../lib/use-hash-route';
import { ClaimsTab } from './ClaimsTab';
import { KpiTab } from './KpiTab';
import { PipelineTab } from './PipelineTab';
import { WinLossTab } from './WinLossTab';
import { ParetoTab } from '../value/ParetoTab';
import { IncentiveTotalsPanel } from '../filings/IncentiveTotalsPanel';
import { useLiveDashboardRevision } from './use-live-dashboards';
import './dashboards.css';

const TABS = ['pipeline', 'win-loss', 'kpi', 'claims', 'incentives', 'pareto'] as const;
type Tab = (typeof TABS)[number];

function tabOf(path: string): Tab {
  const rest = path.slice(SECTION_PATHS.dashboards.length + 1);
  return TABS.find((tab) => rest === tab) ?? 'pipeline';
}

export function DashboardsPage() {
  const t = useT();
  const { user } = useSession();
  const { path, navigate } = useHashRoute();
  const [refreshed, setRefreshed] = useState(0);
  const revision = refreshed + useLiveDashboardRevision();
  const today = chinaDate();
  const team = user.role !== 'specialist';
  const scope = t(team ? 'dash.scopeTeam' : 'dash.scopeMine');
  const about: [string, string][] = [[t(team ? 'dash.title' : 'dash.titleMine'), scope]];
  const tab = tabOf(path);

  return (
    <div
      className="page dash-page"
      data-testid="dashboards-page"
      data-scope={team ? 'team' : 'mine'}
    >
      <div className="dash-header">
        <Typography.Title level={4} className="dash-title">
          {t(team ? 'dash.title' : 'dash.titleMine')}
        </Typography.Title>
        <Tag color={team ? 'blue' : 'green'} data-testid="dash-scope">
          {scope}
        </Tag>
        <Button
          icon={<ReloadOutlined />}
          onClick={() => setRefreshed((r) => r + 1)}
          data-testid="dash-refresh"
        >
          {t('dash.refresh')}
        </Button>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(`${SECTION_PATHS.dashboards}/${key}`)}
        destroyOnHidden
        items={[
          {
            key: 'pipeline',
            label: <span data-testid="dash-tab-pipeline">{t('dash.tabPipeline')}</span>,
            children: <PipelineTab today={today} revision={revision} about={about} />,
          },
          {
            key: 'win-loss',
            label: <span data-testid="dash-tab-win-loss">{t('dash.tabWinLoss')}</span>,
            children: <WinLossTab today={today} revision={revision} about={about} />,
          },
          {
            key: 'kpi',
            label: <span data-testid="dash-tab-kpi">{t('dash.tabKpi')}</span>,
            children: <KpiTab today={today} revision={revision} about={about} />,
          },
          {
            key: 'claims',
            label: <span data-testid="dash-tab-claims">{t('dash.tabClaims')}</span>,
            children: <ClaimsTab revision={revision} about={about} />,
          },
          {
            // The filings' incentive after submission: verdicts, amounts approved and received.
            key: 'incentives',
            label: <span data-testid="dash-tab-incentives">{t('dash.tabIncentives')}</span>,
            children: <IncentiveTotalsPanel revision={revision} />,
          },
          {
            // 20/80 and ABC (the 客户价值 page's first tab): a bar drills to the accounts grid.
            key: 'pareto',
            label: <span data-testid="dash-tab-pareto">{t('dash.tabPareto')}</span>,
            children: <ParetoTab revision={revision} />,
          },
        ]}
      />
    </div>
  );
}
