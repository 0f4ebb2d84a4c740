/** All kysely code of claims: the grid, one claim's record, its evidence and its look-alikes. */
import { type Kysely, sql } from 'kysely';
import type { BuyerType } from '../../shared/enums';
import {
  ACTIVE_CLAIM_STATUSES,
  type AuthState,
  type ClaimSource,
  type ClaimStatus,
  type ConflictMatch,
  DEVELOPMENT_TYPES,
} from '../../shared/filing-enums';
import type { ListQuery } from '../../shared/list';
import { regionName } from '../../shared/regions';
import type { ActivityType } from '../../shared/sales-enums';
import { CLAIM_COLUMNS, type ClaimColumn, type ClaimRow } from '../../shared/schemas/claims';
import { searchKey } from '../../shared/text';
import { ancestorIds } from '../accounts/repository';
import { chinaDate } from '../../shared/dates';
import { type Actor, requireTeamRead, teamAccountCondition } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { applyFilters, applySort, containsPattern, type GridColumn } from '../grid/query';

const development = sql.join(DEVELOPMENT_TYPES.map((t) => sql`${t}`));

/** Ours: our logged development activities on the account; another dealer's: as reported. */
const evidenceSql = sql<number>`(case when c.source = 'ours' then (select count(*) from activities v where v.account_id = c.account_id and v.type in (${development})) else coalesce(c.reported_evidence, 0) end)`;

const activeSql = sql.join(ACTIVE_CLAIM_STATUSES.map((s) => sql`${s}`));

/**
 * The status a person sees (shared/claim-rules effectiveStatus): an active claim past its
 * protection reads as expired before the expiry sweep records it, so that reads never write and
 * a filter by status finds what the grid shows.
 */
const statusSql = (today: string) =>
  sql<string>`(case when c.status in (${activeSql}) and c.expires_on < ${today} then 'expired' else c.status end)`;

const claimSql = (today: string): Record<ClaimColumn, GridColumn> =>
  Object.fromEntries(
    (
      [
        ['accountId', sql.ref('c.account_id')],
        ['accountName', sql.ref('a.name')],
        ['uscc', sql.ref('a.uscc')],
        ['buyerType', sql.ref('a.buyer_type')],
        ['status', statusSql(today)],
        ['source', sql.ref('c.source')],
        ['claimantId', sql.ref('c.claimant_id')],
        ['dealerName', sql.ref('c.dealer_name')],
        ['territoryCode', sql.ref('c.territory_code')],
        ['authState', sql.ref('c.auth_state')],
        ['filedAt', sql.ref('c.filed_at')],
        ['expiresOn', sql.ref('c.expires_on')],
        ['evidenceCount', evidenceSql],
        ['oemReference', sql.ref('c.oem_reference')],
        ['renewals', sql.ref('c.renewals')],
        // An overlap ends with the claim's protection too.
        [
          'overlapSince',
          sql`(case when ${statusSql(today)} in (${activeSql}) then c.overlap_since end)`,
        ],
      ] as const
    ).map(([k, expr]) => [
      k,
      {
        spec: CLAIM_COLUMNS[k],
        expr,
        numeric: k === 'claimantId' || k === 'accountId',
      } satisfies GridColumn,
    ]),
  ) as Record<ClaimColumn, GridColumn>;
const claimSort = (today: string): Record<string, GridColumn> => ({
  ...claimSql(today),
  accountName: { spec: CLAIM_COLUMNS.accountName, expr: sql.ref('a.name_sort') },
  claimantId: { spec: CLAIM_COLUMNS.claimantId, expr: sql.ref('s.name') },
});

/**
 * `teamOf`: a specialist's id, for their teams' accounts' claims only (account-team.teamScope).
 * Rival claims still show inside a claim's conflict and overlap (getClaimRows is not filtered).
 */
type ClaimView = Pick<ListQuery<ClaimColumn>, 'filters' | 'search'> & { teamOf?: number | null };

function filtered(db: Kysely<Database>, query: ClaimView, today: string) {
  let q = db.selectFrom('claims as c').innerJoin('accounts as a', 'a.id', 'c.account_id');
  q = applyFilters(q, claimSql(today), query.filters);
  if (query.teamOf != null) q = q.where(teamAccountCondition(query.teamOf, 'c.account_id'));
  const search = query.search ? searchKey(query.search) : '';
  if (search)
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`a.search_text like ${containsPattern(search)} escape '\\'`,
        sql<boolean>`lower(coalesce(c.dealer_name, '') || ' ' || coalesce(c.oem_reference, '')) like ${containsPattern(search)} escape '\\'`,
      ]),
    );
  return q;
}

function rowsQuery(
  db: Kysely<Database>,
  query: ClaimView & Pick<ListQuery<ClaimColumn>, 'sort'>,
  today: string,
) {
  const columns = claimSql(today);
  return applySort(
    filtered(db, query, today).leftJoin('staff as s', 's.id', 'c.claimant_id'),
    claimSort(today),
    query.sort.length > 0 ? query.sort : [{ field: 'filedAt', desc: true }],
    sql.ref('c.id'),
  ).select([
    'c.id',
    'c.account_id',
    'a.name as account_name',
    'a.uscc',
    'a.buyer_type',
    sql<string>`${columns.status.expr}`.as('status'),
    'c.source',
    'c.claimant_id',
    sql<string | null>`s.name`.as('claimant_name'),
    'c.dealer_name',
    'c.territory_code',
    'c.auth_state',
    'c.filed_at',
    'c.expires_on',
    evidenceSql.as('evidence_count'),
    sql<number>`(c.wish_note is not null)`.as('customer_wish'),
    'c.oem_reference',
    'c.renewals',
    sql<string | null>`${columns.overlapSince.expr}`.as('overlap_since'),
    'c.updated_at',
    'c.version',
  ]);
}
type RowRecord = Awaited<ReturnType<ReturnType<typeof rowsQuery>['execute']>>[number];

function toRow(r: RowRecord): ClaimRow {
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    uscc: r.uscc,
    buyerType: r.buyer_type as BuyerType,
    status: r.status as ClaimStatus,
    source: r.source as ClaimSource,
    claimant:
      r.claimant_id !== null && r.claimant_name !== null
        ? { id: r.claimant_id, name: r.claimant_name }
        : null,
    dealerName: r.dealer_name,
    territoryCode: r.territory_code,
    territoryName: r.territory_code ? regionName(r.territory_code) : '',
    authState: r.auth_state as AuthState,
    filedAt: r.filed_at,
    expiresOn: r.expires_on,
    evidenceCount: Number(r.evidence_count),
    customerWish: Number(r.customer_wish) === 1,
    oemReference: r.oem_reference,
    renewals: r.renewals,
    overlapSince: r.overlap_since,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** `today`: the China date the statuses are read on (the business clock's by default). */
export async function listClaims(
  db: Kysely<Database>,
  query: ListQuery<ClaimColumn> & { teamOf: number | null },
  today = chinaDate(),
) {
  const [rows, count] = await Promise.all([
    rowsQuery(db, query, today).offset(query.offset).limit(query.limit).execute(),
    filtered(db, query, today)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows: rows.map(toRow) };
}

export async function getClaimRows(
  db: Kysely<Database>,
  ids: number[],
  today = chinaDate(),
): Promise<ClaimRow[]> {
  if (ids.length === 0) return [];
  const rows = await rowsQuery(db, { filters: [], sort: [] }, today)
    .where('c.id', 'in', ids)
    .execute();
  return rows.map(toRow);
}

export async function developmentActivities(db: Kysely<Database>, accountId: number) {
  const rows = await db
    .selectFrom('activities as v')
    .leftJoin('staff as s', 's.id', 'v.staff_id')
    .select([
      'v.id',
      'v.type',
      'v.occurred_on',
      sql<string | null>`s.name`.as('staff_name'),
      'v.summary',
      'v.outcome',
    ])
    .where('v.account_id', '=', accountId)
    .where('v.type', 'in', [...DEVELOPMENT_TYPES])
    .orderBy('v.occurred_on', 'desc')
    .orderBy('v.id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type as ActivityType,
    occurredOn: r.occurred_on,
    staffName: r.staff_name,
    summary: r.summary,
    outcome: r.outcome,
  }));
}

async function descendantIds(db: Kysely<Database>, id: number): Promise<number[]> {
  const rows = await db
    .withRecursive('down(id, depth)', (qb) =>
      qb
        .selectFrom('accounts')
        .select(['id', sql<number>`0`.as('depth')])
        .where('id', '=', id)
        .unionAll((q) =>
          q
            .selectFrom('accounts as a')
            .innerJoin('down', 'down.id', 'a.parent_id')
            .select(['a.id', sql<number>`down.depth + 1`.as('depth')])
            .where(sql.ref('down.depth'), '<', 100),
        ),
    )
    .selectFrom('down')
    .select('id')
    .where('depth', '>', 0)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Accounts that are the same organisation as this one, or its head office or unit, with how each
 * was matched: the same account, USCC, normalised name, a name equal to an alias, the hierarchy.
 */
export async function lookAlikes(
  db: Kysely<Database>,
  accountId: number,
): Promise<Map<number, ConflictMatch[]>> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'uscc', 'name_norm'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const ownAliases = (
    await db
      .selectFrom('account_aliases')
      .select('alias_norm')
      .where('account_id', '=', accountId)
      .execute()
  ).map((a) => a.alias_norm);
  const names = [account.name_norm, ...ownAliases];
  const found = new Map<number, ConflictMatch[]>([[accountId, ['same_account']]]);
  const add = (id: number, match: ConflictMatch) => {
    const list = found.get(id) ?? [];
    if (!list.includes(match)) list.push(match);
    found.set(id, list);
  };
  if (account.uscc) {
    for (const r of await db
      .selectFrom('accounts')
      .select('id')
      .where('uscc', '=', account.uscc)
      .where('id', '!=', accountId)
      .execute())
      add(r.id, 'uscc');
  }
  for (const r of await db
    .selectFrom('accounts')
    .select(['id', 'name_norm'])
    .where('name_norm', 'in', names)
    .where('id', '!=', accountId)
    .execute())
    add(r.id, r.name_norm === account.name_norm ? 'name' : 'alias');
  for (const r of await db
    .selectFrom('account_aliases')
    .select('account_id')
    .where('alias_norm', 'in', names)
    .where('account_id', '!=', accountId)
    .execute())
    add(r.account_id, 'alias');
  for (const id of [...(await ancestorIds(db, accountId)), ...(await descendantIds(db, accountId))])
    add(id, 'hierarchy');
  return found;
}

/** Active claims (other than `exceptId`) on any of the given accounts, still protected `today`. */
export async function activeClaimsOn(
  db: Kysely<Database>,
  accountIds: number[],
  exceptId: number,
  today = chinaDate(),
): Promise<
  { id: number; account_id: number; status: string; source: string; dealer_name: string | null }[]
> {
  if (accountIds.length === 0) return [];
  return db
    .selectFrom('claims')
    .select(['id', 'account_id', 'status', 'source', 'dealer_name'])
    .where('account_id', 'in', accountIds)
    .where('status', 'in', [...ACTIVE_CLAIM_STATUSES])
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]))
    .where('id', '!=', exceptId)
    .execute();
}

/** Reading a claim (its evidence, activities, documents): its account's team, managers, admins. */
export async function requireClaimRead(
  db: Kysely<Database>,
  user: Actor,
  claimId: number,
): Promise<void> {
  const c = await db
    .selectFrom('claims')
    .select('account_id')
    .where('id', '=', claimId)
    .executeTakeFirst();
  if (c) await requireTeamRead(db, user, c.account_id);
}
