/**
 * 回款 Payments: the payments grid (paged, sorted and filtered in the database), the receivables
 * by contract or account with the overdue first, and the collection rate per specialist and
 * period; a payment list imports through the import wizard. A row opens its contract's card.
 */
import { ImportOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useCallback, useState } from 'react';
import { PAYMENT_COLUMNS, type PaymentRow } from '../../../../shared/schemas/payments';
import type { ImportTarget } from '../../../../shared/schemas/imports';
import { callOrThrow } from '../../api/client';
import { DataGrid, type FetchPage } from '../../components/DataGrid';
import { useT } from '../../i18n/context';
import { accountPath, recordPath, useHashRoute } from '../../lib/use-hash-route';
import { ImportWizardModal } from '../import/ImportWizard';
import { CollectionPanel } from './CollectionPanel';
import { usePaymentColumns } from './payment-columns';
import { ReceivablesPanel } from './ReceivablesPanel';
import './payments.css';

type PageTab = 'list' | 'receivables' | 'collection';

const fetchPayments: FetchPage<PaymentRow, keyof typeof PAYMENT_COLUMNS> = (query) =>
  callOrThrow('payments.list', query);
const DEFAULT_SORT = [{ field: 'receivedOn' as const, desc: true }];
const IMPORT_TARGETS: readonly ImportTarget[] = ['payments'];
const rowId = (r: PaymentRow) => r.id;

export function PaymentsPage() {
  const t = useT();
  const columns = usePaymentColumns();
  const { navigate } = useHashRoute();
  const [tab, setTab] = useState<PageTab>('list');
  const [importing, setImporting] = useState(false);
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  const openContract = useCallback(
    (id: number) => navigate(recordPath('contracts', id)),
    [navigate],
  );
  const openRow = useCallback((r: PaymentRow) => openContract(r.contractId), [openContract]);

  return (
    <div className="page page--fill" data-testid="payments-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as PageTab)}
        items={[
          {
            key: 'list',
            label: <span data-testid="payments-tab-list">{t('payments.tabList')}</span>,
            children: (
              <DataGrid
                gridId="payments"
                liveTopics={['contracts']}
                testId="payments-grid"
                columns={columns}
                specs={PAYMENT_COLUMNS}
                fetchPage={fetchPayments}
                getRowId={rowId}
                onRowOpen={openRow}
                defaultSort={DEFAULT_SORT}
                refreshKey={revision}
                searchPlaceholder={t('payments.searchPlaceholder')}
                toolbarStart={
                  <Button
                    icon={<ImportOutlined />}
                    onClick={() => setImporting(true)}
                    data-testid="payments-import"
                  >
                    {t('payments.import')}
                  </Button>
                }
              />
            ),
          },
          {
            key: 'receivables',
            label: (
              <span data-testid="payments-tab-receivables">{t('payments.tabReceivables')}</span>
            ),
            children: (
              <ReceivablesPanel
                revision={revision}
                onOpenContract={openContract}
                onOpenAccount={(id) => navigate(accountPath(id))}
              />
            ),
          },
          {
            key: 'collection',
            label: <span data-testid="payments-tab-collection">{t('payments.tabCollection')}</span>,
            children: <CollectionPanel revision={revision} />,
          },
        ]}
      />
      {importing && (
        <ImportWizardModal
          targets={IMPORT_TARGETS}
          onClose={() => setImporting(false)}
          onCommitted={changed}
        />
      )}
    </div>
  );
}
