/**
 * The account registry's reads (the grid, lookups, duplicate candidates, the card) and the derived
 * columns' read and write. The writes of an account's own fields sit with their rules in service.ts.
 */
import { type Kysely, sql } from 'kysely';
import {
  type AccountColumn,
  type AccountDetail,
  type AccountRow,
} from '../../shared/schemas/accounts';
import type {
  BuyerType,
  Grade,
  Industry,
  Lifecycle,
  OrgNature,
  Source,
  ValueType,
} from '../../shared/enums';
import type { ListQuery } from '../../shared/list';
import type { Database } from '../db/schema';
import type { AccountDerived, DerivedSource } from './derived';
import { coOwnersOf } from './account-team';
import { applyFilters, applySort } from '../grid/query';
import { countMatches, quickSearchKey, searchCondition, type SearchPath } from './search';
import { FILTER_COLUMNS, SORT_COLUMNS, usesFacts } from './view-columns';
import { valueClassIds } from '../value/pareto';
import type { ValueClassFilter } from '../../shared/schemas/value';

/**
 * The account's facts, joined for everyone's view of the registry: a specialist sees the facts of
 * their teams' accounts only (sales records, team rule), null elsewhere.
 */
function withFacts(db: Kysely<Database>, scope: number | null) {
  return db.selectFrom('accounts as a').leftJoin('account_facts as f', (join) => {
    const on = join.onRef('f.account_id', '=', 'a.id');
    return scope === null
      ? on
      : on.on(
          sql<boolean>`(a.owner_id = ${scope} or exists (select 1 from account_team_members fm
              where fm.account_id = a.id and fm.staff_id = ${scope}))`,
        );
  });
}

/**
 * The view's accounts (filters, value classes, quick search by `path`), with the facts joined
 * (`facts`) for the columns and for views that filter or sort on them; counting and paging by
 * id leave them out, as SQLite would join them for every row.
 */
export function baseQuery(
  db: Kysely<Database>,
  query: AccountViewQuery,
  path: SearchPath = 'index',
  facts = true,
) {
  // Without the facts nothing below refers to `f`: the type is the joined one's.
  let q = facts
    ? withFacts(db, query.valueScope ?? null)
    : (db.selectFrom('accounts as a') as unknown as ReturnType<typeof withFacts>);
  // The parent join is only needed when its name is filtered on.
  if (query.filters.some((f) => f.field === 'parentName'))
    q = q.leftJoin('accounts as p', 'p.id', 'a.parent_id') as typeof q;
  q = applyFilters(
    q,
    FILTER_COLUMNS,
    query.filters.filter((f) => f.field !== 'ownerId'),
  );
  // "Whose accounts": the people's own and those they serve as co-owners (副销售).
  for (const f of query.filters)
    if (f.field === 'ownerId' && f.op === 'in') {
      const ids = f.values.map(Number).filter(Number.isFinite);
      const values = ids.length > 0 ? ids : [-1];
      q = q.where((eb) =>
        eb.or([
          eb('a.owner_id', 'in', values),
          eb.exists(
            eb
              .selectFrom('account_team_members as m')
              .select('m.account_id')
              .whereRef('m.account_id', '=', 'a.id')
              .where('m.staff_id', 'in', values),
          ),
        ]),
      );
    }
  // A Pareto drill-down: the accounts of some classes among the viewer's accounts.
  if (query.valueClass)
    q = q.where(
      sql<boolean>`a.id in (${valueClassIds(query.valueClass, query.valueScope ?? null)})`,
    );
  const key = quickSearchKey(query.search);
  if (key) q = q.where(searchCondition(key, path));
  return q;
}

/** The query a view's filters, search and sort select: one page of it for the grid, all of it for an export. */
export type AccountViewQuery = Pick<ListQuery<AccountColumn>, 'filters' | 'sort' | 'search'> & {
  valueClass?: ValueClassFilter | undefined;
  /** Whose accounts the value classes are computed over: a specialist's id, null for all. */
  valueScope?: number | null | undefined;
};

function countQuery(db: Kysely<Database>, query: AccountViewQuery, bound: number | undefined) {
  const view = baseQuery(db, query, 'index', usesFacts(query));
  if (bound === undefined) return view.select((eb) => eb.fn.countAll<number>().as('n'));
  return db
    .selectFrom(
      view
        .select('a.id')
        .limit(bound + 1)
        .as('m'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'));
}

export function sortedRowsQuery(
  db: Kysely<Database>,
  query: AccountViewQuery,
  path: SearchPath = 'index',
) {
  let q = baseQuery(db, query, path);
  if (!query.filters.some((f) => f.field === 'parentName'))
    q = q.leftJoin('accounts as p', 'p.id', 'a.parent_id') as typeof q;
  return applySort(
    q.leftJoin('staff as o', 'o.id', 'a.owner_id'),
    SORT_COLUMNS,
    query.sort,
    sql.ref('a.id'),
  ).select([
    'a.id',
    'a.name',
    'a.uscc',
    'a.buyer_type',
    'a.industry',
    'a.org_nature',
    'a.org_nature_confirmed',
    'a.province_code',
    'a.city_code',
    'a.district_code',
    'a.grade',
    'a.value_type',
    'a.lifecycle',
    'a.source',
    'a.owner_id',
    sql<string | null>`o.name`.as('owner_name'),
    'a.parent_id',
    sql<string | null>`p.name`.as('parent_name'),
    'a.address',
    'a.fleet_total',
    'a.contact_count',
    'a.subordinate_count',
    'a.created_at',
    'a.updated_at',
    'f.revenue_fen',
    'f.units',
    'f.purchases',
    'f.last_purchase_on',
    'f.last_contact_on',
    'f.open_pipeline_fen',
    'f.margin_floor_fen',
    'f.fleet_share_bp',
  ]);
}

/** The ids of the accounts a view shows (its filters and quick search), as a subquery. */
export function viewAccountIds(db: Kysely<Database>, query: Omit<AccountViewQuery, 'sort'>) {
  const view = { ...query, sort: [] };
  return baseQuery(db, view, 'index', usesFacts(view)).select('a.id');
}

/** How many accounts the view holds: all, or one more than `bound` when more than that. */
export async function countView(
  db: Kysely<Database>,
  query: AccountViewQuery,
  bound?: number,
): Promise<number> {
  // A search alone is counted by the index: every account has its row there.
  const key = quickSearchKey(query.search);
  if (key && query.filters.length === 0 && !query.valueClass) return countMatches(db, key, bound);
  return Number((await countQuery(db, query, bound).executeTakeFirstOrThrow()).n);
}

type BaseRecord = {
  id: number;
  name: string;
  uscc: string | null;
  buyer_type: BuyerType;
  industry: Industry | null;
  org_nature: OrgNature | null;
  org_nature_confirmed: number;
  province_code: string | null;
  city_code: string | null;
  district_code: string | null;
  grade: Grade;
  value_type: ValueType | null;
  lifecycle: Lifecycle;
  source: Source | null;
  owner_id: number | null;
  owner_name: string | null;
  parent_id: number | null;
  parent_name: string | null;
  address: string | null;
  fleet_total: number;
  contact_count: number;
  subordinate_count: number;
  created_at: string;
  updated_at: string;
};

/** A grid row's record: the account and its facts. */
export type RowRecord = BaseRecord & {
  revenue_fen: number | null;
  units: number | null;
  purchases: number | null;
  last_purchase_on: string | null;
  last_contact_on: string | null;
  open_pipeline_fen: number | null;
  margin_floor_fen: number | null;
  fleet_share_bp: number | null;
};

type FactField =
  | 'revenueFen'
  | 'units'
  | 'purchases'
  | 'lastPurchaseOn'
  | 'lastContactOn'
  | 'openPipelineFen'
  | 'marginFloorFen'
  | 'fleetShare';

export function toRow(r: RowRecord): AccountRow {
  return {
    ...baseRow(r),
    revenueFen: r.revenue_fen,
    units: r.units,
    purchases: r.purchases,
    lastPurchaseOn: r.last_purchase_on,
    lastContactOn: r.last_contact_on,
    openPipelineFen: r.open_pipeline_fen,
    marginFloorFen: r.margin_floor_fen,
    fleetShare: r.fleet_share_bp === null ? null : r.fleet_share_bp / 10_000,
  };
}

function baseRow(r: BaseRecord): Omit<AccountRow, FactField> {
  return {
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    buyerType: r.buyer_type,
    industry: r.industry,
    orgNature: r.org_nature,
    orgNatureState: r.org_nature_confirmed === 1 ? 'confirmed' : 'suggested',
    provinceCode: r.province_code,
    cityCode: r.city_code,
    districtCode: r.district_code,
    grade: r.grade,
    valueType: r.value_type,
    lifecycle: r.lifecycle,
    source: r.source,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    parentId: r.parent_id,
    parentName: r.parent_name,
    address: r.address,
    fleetTotal: r.fleet_total,
    contactCount: r.contact_count,
    subordinateCount: r.subordinate_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function getAccountDetail(
  db: Kysely<Database>,
  id: number,
): Promise<AccountDetail | null> {
  const r = await db
    .selectFrom('accounts as a')
    .leftJoin('accounts as p', 'p.id', 'a.parent_id')
    .leftJoin('staff as o', 'o.id', 'a.owner_id')
    .selectAll('a')
    .select([
      sql<string | null>`o.name`.as('owner_name'),
      sql<string | null>`p.name`.as('parent_name'),
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const [aliases, fleet, coOwners] = await Promise.all([
    db
      .selectFrom('account_aliases')
      .select(['alias', 'kind'])
      .where('account_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('account_fleet')
      .select(['brand', 'model', 'count', 'year'])
      .where('account_id', '=', id)
      .orderBy('id')
      .execute(),
    coOwnersOf(db, id),
  ]);
  const { ownerName, parentName, ...row } = baseRow(r);
  return {
    ...row,
    notes: r.notes,
    aliases: aliases.map((a) => ({ alias: a.alias, kind: a.kind })),
    fleet,
    owner: r.owner_id !== null && ownerName !== null ? { id: r.owner_id, name: ownerName } : null,
    coOwners,
    parent:
      r.parent_id !== null && parentName !== null ? { id: r.parent_id, name: parentName } : null,
    version: r.version,
  };
}

interface DuplicateCandidate {
  id: number;
  name: string;
  uscc: string | null;
  matchedOn: 'uscc' | 'name' | 'alias';
  matchedText: string;
}

export async function findByUscc(db: Kysely<Database>, uscc: string, excludeId: number | null) {
  let q = db.selectFrom('accounts').select(['id', 'name', 'uscc']).where('uscc', '=', uscc);
  if (excludeId !== null) q = q.where('id', '!=', excludeId);
  return q.executeTakeFirst();
}

/** Accounts whose normalised name or one of whose aliases equals one of `norms`. */
export async function findByNormalizedNames(
  db: Kysely<Database>,
  norms: string[],
  excludeId: number | null,
): Promise<DuplicateCandidate[]> {
  if (norms.length === 0) return [];
  let byName = db
    .selectFrom('accounts')
    .select(['id', 'name', 'uscc'])
    .where('name_norm', 'in', norms);
  let byAlias = db
    .selectFrom('account_aliases as al')
    .innerJoin('accounts as a', 'a.id', 'al.account_id')
    .select(['a.id', 'a.name', 'a.uscc', 'al.alias'])
    .where('al.alias_norm', 'in', norms);
  if (excludeId !== null) {
    byName = byName.where('id', '!=', excludeId);
    byAlias = byAlias.where('a.id', '!=', excludeId);
  }
  const [names, aliases] = await Promise.all([
    byName.limit(20).execute(),
    byAlias.limit(20).execute(),
  ]);
  const out = new Map<number, DuplicateCandidate>();
  for (const n of names) out.set(n.id, { ...n, matchedOn: 'name', matchedText: n.name });
  for (const a of aliases)
    if (!out.has(a.id))
      out.set(a.id, {
        id: a.id,
        name: a.name,
        uscc: a.uscc,
        matchedOn: 'alias',
        matchedText: a.alias,
      });
  return [...out.values()];
}

/** The chain of parent ids above `id`, nearest first. */
export async function ancestorIds(db: Kysely<Database>, id: number): Promise<number[]> {
  const rows = await db
    .withRecursive('up(id, parent_id, depth)', (qb) =>
      qb
        .selectFrom('accounts')
        .select(['id', 'parent_id', sql<number>`0`.as('depth')])
        .where('id', '=', id)
        .unionAll((q) =>
          q
            .selectFrom('accounts as a')
            .innerJoin('up', 'up.parent_id', 'a.id')
            .select(['a.id', 'a.parent_id', sql<number>`up.depth + 1`.as('depth')])
            .where(sql.ref('up.depth'), '<', 100),
        ),
    )
    .selectFrom('up')
    .select('id')
    .where('depth', '>', 0)
    .orderBy('depth')
    .execute();
  return rows.map((r) => r.id);
}

/** What an account's derived columns follow from (accounts/derived.ts), as stored now. */
export async function derivedSourceOf(
  trx: Kysely<Database>,
  id: number,
): Promise<DerivedSource | null> {
  const [account, aliases, contacts, fleet, subs] = await Promise.all([
    trx
      .selectFrom('accounts')
      .select(['name', 'uscc', 'address'])
      .where('id', '=', id)
      .executeTakeFirst(),
    trx.selectFrom('account_aliases').select('alias').where('account_id', '=', id).execute(),
    trx.selectFrom('contacts').select('name').where('account_id', '=', id).execute(),
    trx
      .selectFrom('account_fleet')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('count'), sql<number>`0`).as('n'))
      .where('account_id', '=', id)
      .executeTakeFirstOrThrow(),
    trx
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  if (!account) return null;
  return {
    name: account.name,
    uscc: account.uscc,
    address: account.address,
    aliases: aliases.map((a) => a.alias),
    contactNames: contacts.map((c) => c.name),
    fleetTotal: Number(fleet.n),
    subordinateCount: Number(subs.n),
  };
}

/** Stores derived columns of one account (accounts/derived.ts computes them). */
export async function writeDerived(
  trx: Kysely<Database>,
  id: number,
  columns: Partial<AccountDerived>,
): Promise<void> {
  await trx.updateTable('accounts').set(columns).where('id', '=', id).execute();
}

export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
