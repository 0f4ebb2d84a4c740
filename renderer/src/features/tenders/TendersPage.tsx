/**
 * 招标项目 Government tenders: the tender grid and the competitor price history (中标结果) as two
 * tabs, the tender card (routed as #/tenders/<id>) and the tender form.
 */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import {
  LOT_RESULT_COLUMNS,
  TENDER_COLUMNS,
  type TenderDetail,
  type TenderRow,
} from '../../../../shared/schemas/tenders';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../i18n/context';
import { recordIdOf, recordPath, SECTION_PATHS, useHashRoute } from '../../lib/use-hash-route';
import {
  fetchLotResults,
  fetchTenders,
  LOT_RESULT_DEFAULT_SORT,
  type LotResultRow,
  TENDER_DEFAULT_SORT,
} from './fetch-tenders';
import { useLotResultColumns } from './lot-result-columns';
import { useTenderColumns } from './tender-columns';
import { TenderCard } from './TenderCard';
import { TenderForm } from './TenderForm';
import { ImportWizardModal } from '../import/ImportWizard';
import { GridExportButton } from '../export/GridExportButton';
import { call } from '../../api/client';
import './tenders.css';

type FormState = { mode: 'create' } | { mode: 'edit'; detail: TenderDetail } | null;
type Tab = 'tenders' | 'results';

const TENDER_IMPORT = ['tenders'] as const;

const tenderRowId = (r: TenderRow) => r.id;
const lotRowId = (r: LotResultRow) => r.lotId;

export function TendersPage() {
  const t = useT();
  const tenderColumns = useTenderColumns();
  const lotColumns = useLotResultColumns();
  const { path, navigate } = useHashRoute();
  const openId = recordIdOf(path, 'tenders');
  const [tab, setTab] = useState<Tab>('tenders');
  const [form, setForm] = useState<FormState>(null);
  const [importing, setImporting] = useState(false);
  // Bumped after every change so the grids and an open card reload.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);

  const open = useCallback((id: number) => navigate(recordPath('tenders', id)), [navigate]);
  const openTender = useCallback((row: TenderRow) => open(row.id), [open]);
  const openLot = useCallback((row: LotResultRow) => open(row.tenderId), [open]);

  return (
    <div className="page page--fill tenders-page" data-testid="tenders-page">
      <Tabs
        className="tenders-page__tabs"
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          {
            key: 'tenders',
            label: <span data-testid="tenders-tab-list">{t('tenders.tab.list')}</span>,
            children: (
              <DataGrid
                gridId="tenders"
                liveTopics={['tenders']}
                testId="tenders-grid"
                columns={tenderColumns}
                specs={TENDER_COLUMNS}
                fetchPage={fetchTenders}
                getRowId={tenderRowId}
                onRowOpen={openTender}
                defaultSort={TENDER_DEFAULT_SORT}
                refreshKey={revision}
                searchPlaceholder={t('tenders.searchPlaceholder')}
                toolbarStart={
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setForm({ mode: 'create' })}
                    data-testid="tender-new"
                  >
                    {t('tenders.new')}
                  </Button>
                }
                toolbarEnd={(view) => (
                  <>
                    <Button
                      icon={<UploadOutlined />}
                      onClick={() => setImporting(true)}
                      data-testid="tender-import"
                    >
                      {t('import.button')}
                    </Button>
                    <GridExportButton
                      view={view}
                      start={(input) => call('exports.grid', { grid: 'tenders', ...input })}
                    />
                  </>
                )}
              />
            ),
          },
          {
            key: 'results',
            label: <span data-testid="tenders-tab-results">{t('tenders.tab.results')}</span>,
            children: (
              <DataGrid
                gridId="tender-lot-results"
                liveTopics={['tenders']}
                testId="lot-results-grid"
                columns={lotColumns}
                specs={LOT_RESULT_COLUMNS}
                fetchPage={fetchLotResults}
                getRowId={lotRowId}
                onRowOpen={openLot}
                defaultSort={LOT_RESULT_DEFAULT_SORT}
                refreshKey={revision}
                searchPlaceholder={t('tenders.results.searchPlaceholder')}
                toolbarEnd={(view) => (
                  <GridExportButton
                    view={view}
                    start={(input) => call('exports.grid', { grid: 'lotResults', ...input })}
                  />
                )}
              />
            ),
          },
        ]}
      />
      <TenderCard
        tenderId={openId}
        revision={revision}
        onClose={() => navigate(SECTION_PATHS.tenders)}
        onEdit={(detail) => setForm({ mode: 'edit', detail })}
        onChanged={changed}
      />
      {importing && (
        <ImportWizardModal
          targets={TENDER_IMPORT}
          onClose={() => setImporting(false)}
          onCommitted={changed}
        />
      )}
      {form && (
        <TenderForm
          key={form.mode === 'edit' ? `edit-${form.detail.id}` : 'create'}
          detail={form.mode === 'edit' ? form.detail : null}
          onClose={() => setForm(null)}
          onSaved={(saved) => {
            setForm(null);
            changed();
            open(saved.id);
          }}
        />
      )}
    </div>
  );
}
