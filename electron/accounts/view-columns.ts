/**
 * The accounts grid's columns as SQL: what each filters and sorts on (`a` the account, `f` its
 * facts, `p` its parent, `o` its owner), and which come from the facts.
 */
import { sql } from 'kysely';
import { ACCOUNT_COLUMNS, type AccountColumn } from '../../shared/schemas/accounts';
import type { GridColumn } from '../grid/query';

const col =
  (ref: string, extra: Partial<GridColumn> = {}) =>
  (spec: (typeof ACCOUNT_COLUMNS)[AccountColumn]) => ({
    spec,
    expr: sql.ref(ref),
    ...extra,
  });

const COLUMN_SQL: Record<
  AccountColumn,
  (spec: (typeof ACCOUNT_COLUMNS)[AccountColumn]) => GridColumn
> = {
  name: col('a.name'),
  uscc: col('a.uscc'),
  buyerType: col('a.buyer_type'),
  industry: col('a.industry'),
  orgNature: col('a.org_nature'),
  orgNatureState: (spec) => ({
    spec,
    expr: sql`case when a.org_nature_confirmed = 1 then 'confirmed' else 'suggested' end`,
  }),
  provinceCode: col('a.province_code'),
  cityCode: col('a.city_code'),
  grade: col('a.grade'),
  valueType: col('a.value_type'),
  lifecycle: col('a.lifecycle'),
  source: col('a.source'),
  // Filtered by id, sorted by the owner's name as shown.
  ownerId: (spec) => ({ spec, expr: sql.ref('a.owner_id'), numeric: true }),
  parentId: col('a.parent_id', { numeric: true }),
  parentName: col('p.name'),
  address: col('a.address'),
  fleetTotal: col('a.fleet_total'),
  contactCount: col('a.contact_count'),
  subordinateCount: col('a.subordinate_count'),
  createdAt: col('a.created_at'),
  updatedAt: col('a.updated_at'),
  revenueWan: (spec) => ({ spec, expr: sql`f.revenue_fen / 1000000.0` }),
  units: col('f.units'),
  purchases: col('f.purchases'),
  lastPurchaseOn: col('f.last_purchase_on'),
  lastContactOn: col('f.last_contact_on'),
  pipelineWan: (spec) => ({ spec, expr: sql`f.open_pipeline_fen / 1000000.0` }),
  marginFloorWan: (spec) => ({ spec, expr: sql`f.margin_floor_fen / 1000000.0` }),
  fleetSharePct: (spec) => ({ spec, expr: sql`f.fleet_share_bp / 100.0` }),
};

export const FILTER_COLUMNS: Record<string, GridColumn> = Object.fromEntries(
  (Object.keys(ACCOUNT_COLUMNS) as AccountColumn[]).map((k) => [
    k,
    COLUMN_SQL[k](ACCOUNT_COLUMNS[k]),
  ]),
);
export const SORT_COLUMNS: Record<string, GridColumn> = {
  ...FILTER_COLUMNS,
  name: { spec: ACCOUNT_COLUMNS.name, expr: sql.ref('a.name_sort') },
  ownerId: { spec: ACCOUNT_COLUMNS.ownerId, expr: sql.ref('o.name') },
};

/** The grid columns that come from account_facts (COLUMN_SQL's `f.` ones). */
const FACT_FIELDS = new Set<string>([
  'revenueWan',
  'units',
  'purchases',
  'lastPurchaseOn',
  'lastContactOn',
  'pipelineWan',
  'marginFloorWan',
  'fleetSharePct',
] satisfies AccountColumn[]);

/** Whether a view filters or sorts on the account's facts (else their join is left out). */
export function usesFacts(query: {
  filters: readonly { field: string }[];
  sort: readonly { field: string }[];
}): boolean {
  return [...query.filters, ...query.sort].some((f) => FACT_FIELDS.has(f.field));
}
