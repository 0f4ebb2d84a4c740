/** The activities grid's page loader; the extra "actions" column is the renderer's own. */
import type { ListQuery } from '../../../../shared/list';
import {
  ACTIVITY_COLUMNS,
  type ActivityColumn,
  type ActivityRow,
} from '../../../../shared/schemas/activities';
import type { ColumnSpec } from '../../../../shared/list';
import { callOrThrow } from '../../api/client';
import type { FetchPage, GridView } from '../../components/DataGrid';

export type ActivityGridColumn = ActivityColumn | 'actions';

/** The list's whitelist plus the row buttons, which are neither sorted nor filtered. */
export const ACTIVITY_GRID_SPECS: Record<ActivityGridColumn, ColumnSpec> = {
  ...ACTIVITY_COLUMNS,
  // Raw ids offer nothing to pick from in a filter; the name columns are filtered instead.
  accountId: { ...ACTIVITY_COLUMNS.accountId, filterable: false },
  opportunityId: { ...ACTIVITY_COLUMNS.opportunityId, filterable: false },
  actions: { kind: 'text', sortable: false, filterable: false },
};

const isListColumn = (field: ActivityGridColumn): field is ActivityColumn => field !== 'actions';

export const fetchActivities: FetchPage<ActivityRow, ActivityGridColumn> = async (query) => {
  const listQuery: ListQuery<ActivityColumn> = {
    ...query,
    sort: query.sort.flatMap((s) => (isListColumn(s.field) ? [{ ...s, field: s.field }] : [])),
    columns: query.columns?.filter(isListColumn),
  };
  return callOrThrow('activities.list', listQuery);
};

/** The grid's view as the list sees it (for its export): without the row buttons' column. */
export function activityListView(view: GridView<ActivityGridColumn>): GridView<ActivityColumn> {
  return {
    ...view,
    sort: view.sort.flatMap((s) => (isListColumn(s.field) ? [{ ...s, field: s.field }] : [])),
    columns: view.columns.flatMap((c) => (isListColumn(c.field) ? [{ ...c, field: c.field }] : [])),
  };
}

/** Newest first; same-day activities by when they were logged. */
export const ACTIVITY_DEFAULT_SORT = [
  { field: 'occurredOn' as const, desc: true },
  { field: 'createdAt' as const, desc: true },
];
