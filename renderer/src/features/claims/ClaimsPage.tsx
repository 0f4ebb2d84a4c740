/**
 * 报备客户 Claims: the grid of our claims and other dealers' claims reported by the manufacturer,
 * the claim card (routed as #/claims/<id>), the draft form and the form for another dealer's claim.
 */
import { FlagOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useCallback, useState } from 'react';
import { CLAIM_COLUMNS, type ClaimDetail, type ClaimRow } from '../../../../shared/schemas/claims';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../i18n/context';
import { recordIdOf, recordPath, useHashRoute } from '../../lib/use-hash-route';
import { ClaimCard } from './ClaimCard';
import { ClaimForm } from './ClaimForm';
import { useClaimColumns } from './claim-columns';
import { ExternalClaimForm } from './ExternalClaimForm';
import { CLAIM_DEFAULT_SORT, fetchClaims } from './fetch-claims';
import { useClaimSettings } from './use-claim-settings';
import { GridExportButton } from '../export/GridExportButton';
import { call } from '../../api/client';
import './claims.css';

type FormState =
  { mode: 'create' } | { mode: 'edit'; detail: ClaimDetail } | { mode: 'external' } | null;

const rowId = (r: ClaimRow) => r.id;

export function ClaimsPage() {
  const t = useT();
  const settings = useClaimSettings();
  const columns = useClaimColumns(settings.claimWarnDays);
  const { path, navigate } = useHashRoute();
  const openId = recordIdOf(path, 'claims');
  const [form, setForm] = useState<FormState>(null);
  // Bumped after every change so the grid and an open card reload.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const open = useCallback((id: number) => navigate(recordPath('claims', id)), [navigate]);
  const openRow = useCallback((row: ClaimRow) => open(row.id), [open]);
  const saved = (detail: ClaimDetail) => {
    setForm(null);
    changed();
    open(detail.id);
  };

  return (
    <div className="page page--fill" data-testid="claims-page">
      <DataGrid
        gridId="claims"
        liveTopics={['claims']}
        testId="claims-grid"
        columns={columns}
        specs={CLAIM_COLUMNS}
        fetchPage={fetchClaims}
        getRowId={rowId}
        onRowOpen={openRow}
        defaultSort={CLAIM_DEFAULT_SORT}
        refreshKey={revision}
        searchPlaceholder={t('claims.searchPlaceholder')}
        toolbarStart={
          <Space size={8}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ mode: 'create' })}
              data-testid="claims-new"
            >
              {t('claims.new')}
            </Button>
            <Button
              icon={<FlagOutlined />}
              onClick={() => setForm({ mode: 'external' })}
              data-testid="claims-external"
            >
              {t('claims.external')}
            </Button>
          </Space>
        }
        toolbarEnd={(view) => (
          <GridExportButton
            view={view}
            start={(input) => call('exports.grid', { grid: 'claims', ...input })}
          />
        )}
      />
      <ClaimCard
        claimId={openId}
        revision={revision}
        settings={settings}
        onClose={() => navigate('/claims')}
        onEdit={(detail) => setForm({ mode: 'edit', detail })}
        onChanged={changed}
        onDeleted={() => {
          navigate('/claims');
          changed();
        }}
      />
      {(form?.mode === 'create' || form?.mode === 'edit') && (
        <ClaimForm
          key={form.mode === 'edit' ? `edit-${form.detail.id}` : 'create'}
          detail={form.mode === 'edit' ? form.detail : null}
          settings={settings}
          onClose={() => setForm(null)}
          onSaved={saved}
        />
      )}
      {form?.mode === 'external' && (
        <ExternalClaimForm onClose={() => setForm(null)} onSaved={saved} />
      )}
    </div>
  );
}
