/**
 * 合同交付 Contracts: the contract grid and the after-delivery follow-ups, the contract card
 * (routed as #/contracts/<id>) and the contract form.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import {
  CONTRACT_COLUMNS,
  type ContractDetail,
  type ContractRow,
} from '../../../../shared/schemas/contracts';
import { DataGrid } from '../../components/DataGrid';
import { useT } from '../../i18n/context';
import { recordIdOf, recordPath, useHashRoute } from '../../lib/use-hash-route';
import { useContractColumns } from './contract-columns';
import { ContractCard } from './ContractCard';
import { ContractForm } from './ContractForm';
import { CONTRACT_DEFAULT_SORT, fetchContracts } from './fetch-contracts';
import { FollowUpsPanel } from './FollowUpsPanel';
import './contracts.css';

type FormState = { mode: 'create' } | { mode: 'edit'; detail: ContractDetail } | null;
type PageTab = 'contracts' | 'followUps';

const rowId = (r: ContractRow) => r.id;

export function ContractsPage() {
  const t = useT();
  const columns = useContractColumns();
  const { path, navigate } = useHashRoute();
  const openId = recordIdOf(path, 'contracts');
  const [tab, setTab] = useState<PageTab>('contracts');
  const [form, setForm] = useState<FormState>(null);
  // Bumped after every change so the grid, the follow-ups and an open card reload.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const open = useCallback((id: number) => navigate(recordPath('contracts', id)), [navigate]);
  const openRow = useCallback((row: ContractRow) => open(row.id), [open]);

  return (
    <div className="page page--fill" data-testid="contracts-page">
      <Tabs
        className="con-page-tabs"
        activeKey={tab}
        onChange={(k) => setTab(k as PageTab)}
        items={[
          {
            key: 'contracts',
            label: <span data-testid="contracts-tab-contracts">{t('contracts.tabContracts')}</span>,
            children: (
              <DataGrid
                gridId="contracts"
                liveTopics={['contracts']}
                testId="contracts-grid"
                columns={columns}
                specs={CONTRACT_COLUMNS}
                fetchPage={fetchContracts}
                getRowId={rowId}
                onRowOpen={openRow}
                defaultSort={CONTRACT_DEFAULT_SORT}
                refreshKey={revision}
                searchPlaceholder={t('contracts.searchPlaceholder')}
                toolbarStart={
                  <Button
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setForm({ mode: 'create' })}
                    data-testid="contract-new"
                  >
                    {t('contracts.new')}
                  </Button>
                }
              />
            ),
          },
          {
            key: 'followUps',
            label: (
              <span data-testid="contracts-tab-follow-ups">{t('contracts.tabFollowUps')}</span>
            ),
            children: <FollowUpsPanel revision={revision} onChanged={changed} />,
          },
        ]}
      />
      <ContractCard
        contractId={openId}
        revision={revision}
        onClose={() => navigate('/contracts')}
        onEdit={(detail) => setForm({ mode: 'edit', detail })}
        onChanged={changed}
      />
      {form && (
        <ContractForm
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
