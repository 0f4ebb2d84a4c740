/** 下属单位: the accounts whose head office is this one, in the shared grid. */
import { useMemo } from 'react';
import type { Filter } from '../../../../shared/list';
import {
  ACCOUNT_COLUMNS,
  type AccountColumn,
  type AccountRow,
} from '../../../../shared/schemas/accounts';
import { DataGrid } from '../../components/DataGrid';
import { useAccountColumns } from './account-columns';
import { ACCOUNT_DEFAULT_SORT, fetchAccounts } from './fetch-accounts';

const SHOWN: readonly AccountColumn[] = [
  'name',
  'uscc',
  'buyerType',
  'provinceCode',
  'grade',
  'lifecycle',
  'ownerId',
  'fleetTotal',
  'contactCount',
  'subordinateCount',
  'updatedAt',
];

const rowId = (r: AccountRow) => r.id;

export function SubordinatesTab({
  accountId,
  onOpenAccount,
}: {
  accountId: number;
  onOpenAccount: (id: number) => void;
}) {
  const all = useAccountColumns();
  const columns = useMemo(() => all.filter((c) => SHOWN.includes(c.id)), [all]);
  const fixed = useMemo<Filter[]>(
    () => [{ field: 'parentId', op: 'in', values: [String(accountId)] }],
    [accountId],
  );
  return (
    <div className="subordinates">
      <DataGrid
        gridId="account-subordinates"
        liveTopics={['accounts']}
        testId="subordinates-grid"
        columns={columns}
        specs={ACCOUNT_COLUMNS}
        fetchPage={fetchAccounts}
        getRowId={rowId}
        fixedFilters={fixed}
        defaultSort={ACCOUNT_DEFAULT_SORT}
        onRowOpen={(row) => onOpenAccount(row.id)}
      />
    </div>
  );
}
