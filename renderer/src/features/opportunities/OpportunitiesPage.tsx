/**
 * 商机 Opportunities: the grid or the pipeline board (the choice is remembered), the opportunity
 * card routed as #/opportunities/<id>, the form, and the stage-move dialogs both views share.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useState } from 'react';
import {
  OPPORTUNITY_COLUMNS,
  type OpportunityDetail,
  type OpportunityRow,
} from '../../../../shared/schemas/opportunities';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../i18n/context';
import { recordIdOf, recordPath, SECTION_PATHS, useHashRoute } from '../../lib/use-hash-route';
import { fetchOpportunities, OPPORTUNITY_DEFAULT_SORT } from './fetch-opportunities';
import { OpportunityBoard } from './OpportunityBoard';
import { OpportunityCard } from './OpportunityCard';
import { OpportunityForm } from './OpportunityForm';
import { useOpportunityColumns } from './opportunity-columns';
import { PipelineTotals } from './PipelineTotals';
import { NO_BOARD_FILTERS } from './use-board';
import { useStageMove } from './use-stage-move';
import { loadView, type OpportunityView, saveView } from './view-pref';
import { ViewSwitch } from './ViewSwitch';
import { GridExportButton } from '../export/GridExportButton';
import { call } from '../../api/client';
import './opportunities.css';

type FormState = { mode: 'create' } | { mode: 'edit'; detail: OpportunityDetail } | null;

// The account id column filters by id (the account card's tab does); the grid offers no choices for it.
const GRID_SPECS = {
  ...OPPORTUNITY_COLUMNS,
  accountId: { ...OPPORTUNITY_COLUMNS.accountId, filterable: false },
};

const rowId = (r: OpportunityRow) => r.id;

export function OpportunitiesPage() {
  const t = useT();
  const columns = useOpportunityColumns();
  const { path, navigate } = useHashRoute();
  const openId = recordIdOf(path, 'opportunities');
  const [view, setView] = useState<OpportunityView>(loadView);
  const [boardFilters, setBoardFilters] = useState(NO_BOARD_FILTERS);
  const [form, setForm] = useState<FormState>(null);
  // Bumped after every change so the grid, the board, the totals and an open card reload.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const mover = useStageMove(changed);

  const open = useCallback((id: number) => navigate(recordPath('opportunities', id)), [navigate]);
  const openRow = useCallback((row: OpportunityRow) => open(row.id), [open]);
  const switchView = (next: OpportunityView) => {
    saveView(next);
    setView(next);
  };

  const newButton = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setForm({ mode: 'create' })}
      data-testid="opp-new"
    >
      {t('opp.new')}
    </Button>
  );
  const viewSwitch = <ViewSwitch value={view} onChange={switchView} />;

  return (
    <div className="page page--fill" data-testid="opportunities-page">
      {view === 'grid' ? (
        <DataGrid
          gridId="opportunities"
          liveTopics={['opportunities']}
          testId="opportunities-grid"
          columns={columns}
          specs={GRID_SPECS}
          fetchPage={fetchOpportunities}
          getRowId={rowId}
          onRowOpen={openRow}
          defaultSort={OPPORTUNITY_DEFAULT_SORT}
          refreshKey={revision}
          searchPlaceholder={t('opp.searchPlaceholder')}
          toolbarStart={newButton}
          toolbarEnd={(gridView) => (
            <>
              <PipelineTotals
                filters={gridView.filters}
                search={gridView.search}
                revision={revision}
              />
              <GridExportButton
                view={gridView}
                start={(input) => call('exports.grid', { grid: 'opportunities', ...input })}
              />
              {viewSwitch}
            </>
          )}
        />
      ) : (
        <OpportunityBoard
          filters={boardFilters}
          onFiltersChange={setBoardFilters}
          revision={revision}
          busyId={mover.busyId}
          onOpen={open}
          onMove={mover.request}
          toolbarStart={newButton}
          toolbarEnd={viewSwitch}
        />
      )}
      <OpportunityCard
        opportunityId={openId}
        revision={revision}
        onClose={() => navigate(SECTION_PATHS.opportunities)}
        onEdit={(detail) => setForm({ mode: 'edit', detail })}
        onMove={mover.request}
        onChanged={changed}
      />
      {form && (
        <OpportunityForm
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
      {mover.dialogs}
    </div>
  );
}
