/** 客户 Accounts: the account grid, the account card (routed as #/accounts/<id>) and the account form. */
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { ValueClassFilter } from '../../../../shared/schemas/value';
import { ValueClassTag } from '../value/ValueClassTag';
import { valueClassOf, valueClassPath } from '../value/value-route';
import {
  ACCOUNT_COLUMNS,
  type AccountDetail,
  type AccountRow,
} from '../../../../shared/schemas/accounts';
import { call, callOrThrow } from '../../api/client';
import { DataGrid, type GridView } from '../../components/DataGrid';
import { useLang, useT } from '../../i18n/context';
import { accountIdOf, accountPath, useHashRoute } from '../../lib/use-hash-route';
import { useAccountColumns } from './account-columns';
import { AccountCard } from './AccountCard';
import { AccountForm } from './AccountForm';
import { ContactsExportDialog } from '../export/ContactsExportDialog';
import { ExportButton } from '../export/ExportButton';
import { ImportWizardModal } from '../import/ImportWizard';
import { ExportModal } from '../export/ExportModal';
import { type ExportFormat, useExport } from '../export/use-export';
import { contactsExportInputOf, exportInputOf } from '../export/view-input';
import { ACCOUNT_DEFAULT_SORT, fetchAccounts } from './fetch-accounts';

type FormState = { mode: 'create' } | { mode: 'edit'; detail: AccountDetail } | null;

type AccountView = GridView<keyof typeof ACCOUNT_COLUMNS>;
/** A contacts export waiting for the personal-details choice, with the view it was asked from. */
type ContactsExport = { format: ExportFormat; view: AccountView } | null;

const rowId = (r: AccountRow) => r.id;

export function AccountsPage() {
  const t = useT();
  const { lang } = useLang();
  const exporter = useExport();
  const columns = useAccountColumns();
  const { path, navigate } = useHashRoute();
  const openId = accountIdOf(path);
  const [form, setForm] = useState<FormState>(null);
  const [importing, setImporting] = useState(false);
  const [contactsExport, setContactsExport] = useState<ContactsExport>(null);
  // Bumped after every change so the grid and an open card reload.
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);

  // A Pareto drill-down (#/accounts/value/…) filters the grid until cleared; an account opened
  // from it returns to it when closed.
  const [valueClass, setValueClass] = useState<ValueClassFilter | null>(() => valueClassOf(path));
  const routed = valueClassOf(path);
  if (routed && JSON.stringify(routed) !== JSON.stringify(valueClass)) setValueClass(routed);
  const listPath = valueClass ? valueClassPath(valueClass) : '/accounts';
  const fetchPage = useMemo<typeof fetchAccounts>(
    () =>
      valueClass
        ? (query) => callOrThrow('accounts.list', { ...query, valueClass })
        : fetchAccounts,
    [valueClass],
  );
  const open = useCallback((id: number) => navigate(accountPath(id)), [navigate]);
  const openRow = useCallback((row: AccountRow) => open(row.id), [open]);

  return (
    <div className="page page--fill" data-testid="accounts-page">
      <DataGrid
        gridId="accounts"
        liveTopics={['accounts', 'contacts', 'opportunities', 'contracts']}
        testId="accounts-grid"
        columns={columns}
        specs={ACCOUNT_COLUMNS}
        fetchPage={fetchPage}
        getRowId={rowId}
        onRowOpen={openRow}
        defaultSort={ACCOUNT_DEFAULT_SORT}
        refreshKey={`${revision}:${listPath}`}
        searchPlaceholder={t('accounts.searchPlaceholder')}
        toolbarStart={
          <>
            {valueClass && (
              <ValueClassTag
                filter={valueClass}
                onClear={() => {
                  setValueClass(null);
                  navigate('/accounts');
                }}
              />
            )}
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ mode: 'create' })}
              data-testid="account-new"
            >
              {t('accounts.new')}
            </Button>
          </>
        }
        toolbarEnd={(view) => (
          <>
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="import-button"
            >
              {t('import.button')}
            </Button>
            <ExportButton
              viewDisabled={view.columns.length === 0}
              onExport={(format) =>
                exporter.begin(format, () =>
                  call('exports.accounts', {
                    ...exportInputOf(format, view, lang),
                    ...(valueClass ? { valueClass } : {}),
                  }),
                )
              }
              onExportContacts={(format) => setContactsExport({ format, view })}
            />
          </>
        )}
      />
      <ExportModal exporter={exporter} />
      {contactsExport && (
        <ContactsExportDialog
          format={contactsExport.format}
          onClose={() => setContactsExport(null)}
          onStart={(includePersonal) => {
            const { format, view } = contactsExport;
            setContactsExport(null);
            exporter.begin(
              format,
              () =>
                call(
                  'exports.contacts',
                  contactsExportInputOf(format, view, lang, includePersonal),
                ),
              'export.titleContacts',
            );
          }}
        />
      )}
      {importing && <ImportWizardModal onClose={() => setImporting(false)} onCommitted={changed} />}
      <AccountCard
        accountId={openId}
        revision={revision}
        onClose={() => navigate(listPath)}
        onOpenAccount={open}
        onEdit={(detail) => setForm({ mode: 'edit', detail })}
        onChanged={changed}
      />
      {form && (
        <AccountForm
          key={form.mode === 'edit' ? `edit-${form.detail.id}` : 'create'}
          detail={form.mode === 'edit' ? form.detail : null}
          onClose={() => setForm(null)}
          onSaved={(saved) => {
            setForm(null);
            changed();
            open(saved.id);
          }}
          onOpenAccount={(id) => {
            setForm(null);
            open(id);
          }}
        />
      )}
    </div>
  );
}
