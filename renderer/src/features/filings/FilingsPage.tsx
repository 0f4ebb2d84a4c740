/**
 * 销售报备 KA filings: the grid of incentive filings, a new filing from a final contract, the
 * manufacturer's filing report of a period, the incentive totals per period (shown on demand above
 * the grid), and the filing card (routed as #/filings/<id>).
 */
import { BarChartOutlined, FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useCallback, useState } from 'react';
import { FILING_COLUMNS, type FilingRow } from '../../../../shared/schemas/filings';
import { call } from '../../api/client';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../i18n/context';
import { recordIdOf, recordPath, useHashRoute } from '../../lib/use-hash-route';
import { ExportModal } from '../export/ExportModal';
import { useExport } from '../export/use-export';
import { FILING_DEFAULT_SORT, fetchFilings } from './fetch-filings';
import { FilingCard } from './FilingCard';
import { IncentiveTotalsPanel } from './IncentiveTotalsPanel';
import { useFilingColumns } from './filing-columns';
import { NewFilingDialog } from './NewFilingDialog';
import { ReportExportDialog } from './ReportExportDialog';
import { GridExportButton } from '../export/GridExportButton';
import './filings.css';

const rowId = (r: FilingRow) => r.id;

export function FilingsPage() {
  const t = useT();
  const columns = useFilingColumns();
  const { path, navigate } = useHashRoute();
  const openId = recordIdOf(path, 'filings');
  const exporter = useExport();
  const [creating, setCreating] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [totals, setTotals] = useState(false);
  // Bumped after every change so the grid and an open card reload.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const open = useCallback((id: number) => navigate(recordPath('filings', id)), [navigate]);
  const openRow = useCallback((row: FilingRow) => open(row.id), [open]);

  return (
    <div className="page page--fill" data-testid="filings-page">
      {/* A year of months scrolls within the panel: the grid keeps its room. */}
      {totals && <IncentiveTotalsPanel height={220} />}
      <DataGrid
        gridId="filings"
        liveTopics={['filings']}
        testId="filings-grid"
        columns={columns}
        specs={FILING_COLUMNS}
        fetchPage={fetchFilings}
        getRowId={rowId}
        onRowOpen={openRow}
        defaultSort={FILING_DEFAULT_SORT}
        refreshKey={revision}
        searchPlaceholder={t('filings.searchPlaceholder')}
        toolbarStart={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="filings-new"
          >
            {t('filings.new')}
          </Button>
        }
        toolbarEnd={(view) => (
          <Space>
            <Button
              icon={<BarChartOutlined />}
              type={totals ? 'primary' : 'default'}
              ghost={totals}
              onClick={() => setTotals((v) => !v)}
              aria-pressed={totals}
              data-testid="filings-incentive-totals"
            >
              {t('incentiveTotals.show')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => setReporting(true)}
              data-testid="filings-export-report"
            >
              {t('filings.exportReport')}
            </Button>
            <GridExportButton
              view={view}
              start={(input) => call('exports.grid', { grid: 'filings', ...input })}
            />
          </Space>
        )}
      />
      <FilingCard
        filingId={openId}
        revision={revision}
        onClose={() => navigate('/filings')}
        onChanged={changed}
      />
      {creating && (
        <NewFilingDialog
          onClose={() => setCreating(false)}
          onOpen={(id) => {
            setCreating(false);
            changed();
            open(id);
          }}
        />
      )}
      {reporting && (
        <ReportExportDialog
          onClose={() => setReporting(false)}
          onStart={(request) => {
            setReporting(false);
            exporter.begin(
              'xlsx',
              () => call('exports.filingReport', request),
              'filings.reportExporting',
            );
          }}
        />
      )}
      <ExportModal exporter={exporter} />
    </div>
  );
}
