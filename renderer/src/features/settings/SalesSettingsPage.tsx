/**
 * 销售设置 Sales settings: who we are (dealership), the price list, stage win rates, follow-up and reminder settings, daily
 * KPI targets, the claim and incentive policy, and the filing report's templates. Managers and
 * admins change them; specialists see them read-only.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import { useSession } from '../../app/session';
import { useT } from '../../i18n/context';
import { ImportWizardModal } from '../import/ImportWizard';
import { AuditIntegrityTab } from './AuditIntegrityTab';
import { BackupsTab } from './BackupsTab';
import { canEditSettings } from './can-edit';
import { DealerSettingsTab } from './DealerSettingsTab';
import { ContractNumberingTab } from './ContractNumberingTab';
import { FilingSettingsTab } from './FilingSettingsTab';
import { FollowUpSettingsTab } from './FollowUpSettingsTab';
import { KpiTargetsTab } from './KpiTargetsTab';
import { PricesTab } from './PricesTab';
import { ProbabilitiesTab } from './ProbabilitiesTab';
import { ReportTemplatesTab } from './ReportTemplatesTab';
import { isTeamOrigin } from '../../api/token';
import { SettingsLoading } from './SettingsLoading';
import { useSalesSettings } from './use-sales-settings';
import './settings.css';

const PRICE_IMPORT = ['prices'] as const;

export function SalesSettingsPage() {
  const t = useT();
  const { user } = useSession();
  const canEdit = canEditSettings(user);
  const { settings, error, save, reload } = useSalesSettings();
  const [importing, setImporting] = useState(false);
  // Bumped after an import so the price list reloads.
  const [imported, setImported] = useState(0);

  // Both tabs below edit the one settings object: they wait for it to load.
  const needsSettings = (children: (s: NonNullable<typeof settings>) => ReactNode) =>
    settings ? children(settings) : <SettingsLoading error={error} reload={reload} />;

  return (
    <div className="page page--fill set-page" data-testid="sales-settings-page">
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          className="gap-bottom"
          title={t('settings.readOnly')}
          data-testid="settings-read-only"
        />
      )}
      <Tabs
        className="set-tabs"
        items={[
          {
            key: 'dealer',
            label: <span data-testid="settings-tab-dealer">{t('settings.tabDealer')}</span>,
            children: <DealerSettingsTab canEdit={canEdit} />,
          },
          {
            key: 'prices',
            label: <span data-testid="settings-tab-prices">{t('settings.tabPrices')}</span>,
            // The toolbar's end is where the Excel import of the price list goes.
            children: (
              <PricesTab
                canEdit={canEdit}
                refreshKey={imported}
                toolbarEnd={
                  canEdit && (
                    <Button
                      icon={<UploadOutlined />}
                      onClick={() => setImporting(true)}
                      data-testid="price-import"
                    >
                      {t('settings.importPrices')}
                    </Button>
                  )
                }
              />
            ),
          },
          {
            key: 'probabilities',
            label: (
              <span data-testid="settings-tab-probabilities">{t('settings.tabProbabilities')}</span>
            ),
            children: needsSettings((s) => (
              <ProbabilitiesTab settings={s} canEdit={canEdit} save={save} />
            )),
          },
          {
            key: 'followUps',
            label: <span data-testid="settings-tab-follow-ups">{t('settings.tabFollowUps')}</span>,
            children: needsSettings((s) => (
              <FollowUpSettingsTab settings={s} canEdit={canEdit} save={save} />
            )),
          },
          {
            key: 'contractNumbering',
            label: (
              <span data-testid="settings-tab-contract-numbering">
                {t('settings.tabContractNumbering')}
              </span>
            ),
            children: <ContractNumberingTab canEdit={canEdit} />,
          },
          {
            key: 'kpi',
            label: <span data-testid="settings-tab-kpi">{t('settings.tabKpi')}</span>,
            children: <KpiTargetsTab canEdit={canEdit} />,
          },
          {
            key: 'filing',
            label: <span data-testid="settings-tab-filing">{t('settings.tabFiling')}</span>,
            children: <FilingSettingsTab canEdit={canEdit} />,
          },
          {
            key: 'reportTemplates',
            label: (
              <span data-testid="settings-tab-report-templates">
                {t('settings.tabReportTemplates')}
              </span>
            ),
            children: <ReportTemplatesTab canEdit={canEdit} />,
          },
          {
            key: 'audit',
            label: <span data-testid="settings-tab-audit">{t('settings.tabAudit')}</span>,
            children: <AuditIntegrityTab />,
          },
          // Backups: a solo data folder's manager keeps them; on a team server, the system
          // administrator (the server refuses anyone else, shared/access.ts).
          ...(user.role === 'admin' || (user.role === 'manager' && !isTeamOrigin())
            ? [
                {
                  key: 'backups',
                  label: <span data-testid="settings-tab-backups">{t('settings.tabBackups')}</span>,
                  children: <BackupsTab />,
                },
              ]
            : []),
        ]}
      />
      {importing && (
        <ImportWizardModal
          targets={PRICE_IMPORT}
          onClose={() => setImporting(false)}
          onCommitted={() => setImported((n) => n + 1)}
        />
      )}
    </div>
  );
}
