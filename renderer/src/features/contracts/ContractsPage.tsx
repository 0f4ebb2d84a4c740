/**
 * 合同交付 Contracts: the contract grid, every contract's delivered vehicles and invoices as grids
 * of their own, the after-delivery follow-ups, the contract card (routed as #/contracts/<id>) and
 * the contract form. Each grid exports its view (exports.grid).
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
import {
  CONTRACT_DEFAULT_SORT,
  DELIVERY_DEFAULT_SORT,
  fetchContracts,
  fetchDeliveries,
  fetchInvoices,
  INVOICE_DEFAULT_SORT,
} from './fetch-contracts';
import { useDeliveryColumns, useInvoiceColumns } from './record-columns';
import { GridExportButton } from '../export/GridExportButton';
import { call } from '../../api/client';
import { DELIVERY_COLUMNS, INVOICE_COLUMNS } from '../../../../shared/schemas/contract-records';
import { FollowUpsPanel } from './FollowUpsPanel';
import './contracts.css';

type FormState = { mode: 'create' } | { mode: 'edit'; detail: ContractDetail } | null;
type PageTab = 'contracts' | 'deliveries' | 'invoices' | 'followUps';

const rowId = (r: ContractRow) => r.id;
const recordId = (r: { id: number }) => r.id;

export function ContractsPage() {
  const t = useT();
  const columns = useContractColumns();
  const deliveryColumns = useDeliveryColumns();
  const invoiceColumns = useInvoiceColumns();
  const { path, navigate } = useHashRoute();
  const openId = recordIdOf(path, 'contracts');
  const [tab, setTab] = useState<PageTab>('contracts');
  const [form, setForm] = useState<FormState>(null);
  // Bumped after every change so the grid, the follow-ups and an open card reload.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const open = useCallback((id: number) => navigate(recordPath('contracts', id)), [navigate]);
  const openRow = useCallback((row: ContractRow) => open(row.id), [open]);
  const openContractOf = useCallback((row: { contractId: number }) => open(row.contractId), [open]);

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
                toolbarEnd={(view) => (
                  <GridExportButton
                    view={view}
                    start={(input) => call('exports.grid', { grid: 'contracts', ...input })}
                  />
                )}
              />
            ),
          },
          {
            key: 'deliveries',
            label: (
              <span data-testid="contracts-tab-deliveries">{t('contracts.pageDeliveries')}</span>
            ),
            children: (
              <DataGrid
                gridId="deliveries"
                liveTopics={['contracts']}
                testId="deliveries-grid"
                columns={deliveryColumns}
                specs={DELIVERY_COLUMNS}
                fetchPage={fetchDeliveries}
                getRowId={recordId}
                onRowOpen={openContractOf}
                defaultSort={DELIVERY_DEFAULT_SORT}
                refreshKey={revision}
                searchPlaceholder={t('contracts.deliveriesSearch')}
                toolbarEnd={(view) => (
                  <GridExportButton
                    view={view}
                    start={(input) => call('exports.grid', { grid: 'deliveries', ...input })}
                  />
                )}
              />
            ),
          },
          {
            key: 'invoices',
            label: <span data-testid="contracts-tab-invoices">{t('contracts.pageInvoices')}</span>,
            children: (
              <DataGrid
                gridId="invoices"
                liveTopics={['contracts']}
                testId="invoices-grid"
                columns={invoiceColumns}
                specs={INVOICE_COLUMNS}
                fetchPage={fetchInvoices}
                getRowId={recordId}
                onRowOpen={openContractOf}
                defaultSort={INVOICE_DEFAULT_SORT}
                refreshKey={revision}
                searchPlaceholder={t('contracts.invoicesSearch')}
                toolbarEnd={(view) => (
                  <GridExportButton
                    view={view}
                    start={(input) => call('exports.grid', { grid: 'invoices', ...input })}
                  />
                )}
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
