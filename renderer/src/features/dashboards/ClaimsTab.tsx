/**
 * 报备与申报: our claims by the status a person sees, those expiring soon, conflicts with other
 * dealers and overlaps among colleagues, and filings by status. Bars open the claims or filings
 * grid with that status; an expiring claim opens its card. (The incentive amounts after a filing's
 * submission are a panel of their own.)
 */
import { Card, Statistic } from 'antd';
import { CLAIM_STATUSES, FILING_STATUSES } from '../../../../shared/filing-enums';
import type { ClaimsBoard } from '../../../../shared/schemas/dashboards';
import type { Filter } from '../../../../shared/list';
import { addDays } from '../../../../shared/dates';
import { useEnumLabel, useT } from '../../i18n/context';
import { drillPath } from '../../lib/drill-down';
import { recordPath, useHashRoute } from '../../lib/use-hash-route';
import { AnalysisPanel } from './AnalysisPanel';
import { barOption } from './bar-chart';
import { DashboardState } from './DashboardState';
import { between, inValues } from './drills';
import { useDashboard } from './use-dashboard';

const WARN_DAYS = 30;
const ACTIVE = ['filed', 'approved', 'conflict'];
type Expiring = ClaimsBoard['expiring'][number];

export function ClaimsTab(props: { revision: number; about: [string, string][] }) {
  const t = useT();
  const label = useEnumLabel();
  const { navigate } = useHashRoute();
  const {
    value: c,
    loading,
    error,
  } = useDashboard('dashboards.claims', { warnDays: WARN_DAYS }, props.revision);
  const ours = inValues('source', ['ours']);
  const claims = (filters: Filter[]) => navigate(drillPath('claims', [ours, ...filters]));
  const filings = (filters: Filter[]) => navigate(drillPath('filings', filters));
  const byStatus = c?.claimsByStatus ?? [];
  const filingRows = c?.filingsByStatus ?? [];
  const today = c?.today ?? '';
  const expiringFilters = [
    inValues('status', ACTIVE),
    between('expiresOn', today, addDays(today || '2000-01-01', WARN_DAYS)),
  ];

  return (
    <DashboardState loading={loading} error={error} empty={c === null}>
      <div className="dash-stats">
        <Card
          size="small"
          hoverable
          onClick={() => claims([inValues('status', ['conflict'])])}
          data-testid="dash-claims-conflicts"
        >
          <Statistic title={t('dash.claims.conflicts')} value={c?.conflicts ?? 0} />
        </Card>
        <Card
          size="small"
          hoverable
          onClick={() =>
            claims([inValues('status', ACTIVE), between('overlapSince', '2000-01-01')])
          }
          data-testid="dash-claims-overlaps"
        >
          <Statistic title={t('dash.claims.overlaps')} value={c?.overlaps ?? 0} />
        </Card>
      </div>
      <div className="dash-grid">
        <AnalysisPanel
          title={t('dash.claims.byStatus')}
          testId="dash-claims-status"
          about={props.about}
          chart={{
            option: barOption(
              byStatus.map((s) => label(CLAIM_STATUSES, s.status)),
              byStatus.map((s) => s.count),
            ),
            onClick: (e) => {
              const s = byStatus[e.dataIndex];
              if (s) claims([inValues('status', [s.status])]);
            },
          }}
          columns={[
            {
              key: 'status',
              header: t('dash.col.status'),
              kind: 'text',
              value: (s) => label(CLAIM_STATUSES, s.status),
            },
            { key: 'count', header: t('dash.col.count'), kind: 'integer', value: (s) => s.count },
          ]}
          rows={byStatus}
          rowKey={(s) => s.status}
          onRowClick={(s) => claims([inValues('status', [s.status])])}
        />
        <AnalysisPanel<Expiring>
          title={t('dash.claims.expiring', { days: WARN_DAYS, n: c?.expiringCount ?? 0 })}
          testId="dash-claims-expiring"
          about={props.about}
          paged
          extra={
            <a onClick={() => claims(expiringFilters)} data-testid="dash-claims-expiring-grid">
              {t('dash.claims.openGrid')}
            </a>
          }
          columns={[
            {
              key: 'account',
              header: t('dash.col.account'),
              kind: 'text',
              value: (r) => r.accountName,
            },
            {
              key: 'claimant',
              header: t('dash.col.claimant'),
              kind: 'text',
              value: (r) => r.claimantName,
            },
            {
              key: 'expiresOn',
              header: t('dash.col.expiresOn'),
              kind: 'date',
              value: (r) => r.expiresOn,
            },
            {
              key: 'daysLeft',
              header: t('dash.col.daysLeft'),
              kind: 'integer',
              value: (r) => r.daysLeft,
            },
          ]}
          rows={c?.expiring ?? []}
          rowKey={(r) => String(r.id)}
          onRowClick={(r) => navigate(recordPath('claims', r.id))}
        />
        <AnalysisPanel
          title={t('dash.claims.filings')}
          testId="dash-claims-filings"
          about={props.about}
          chart={{
            option: barOption(
              filingRows.map((s) => label(FILING_STATUSES, s.status)),
              filingRows.map((s) => s.count),
            ),
            onClick: (e) => {
              const s = filingRows[e.dataIndex];
              if (s) filings([inValues('status', [s.status])]);
            },
          }}
          columns={[
            {
              key: 'status',
              header: t('dash.col.status'),
              kind: 'text',
              value: (s) => label(FILING_STATUSES, s.status),
            },
            { key: 'count', header: t('dash.col.count'), kind: 'integer', value: (s) => s.count },
            { key: 'units', header: t('dash.col.units'), kind: 'integer', value: (s) => s.units },
          ]}
          rows={filingRows}
          rowKey={(s) => s.status}
          onRowClick={(s) => filings([inValues('status', [s.status])])}
        />
      </div>
    </DashboardState>
  );
}
