/**
 * All kysely code of reading claims: the grid and its rows, a claim's development activities and
 * audit history (the dossier), the lists of my day (expiring, overlaps to settle) and of the expiry
 * sweep, and who may read a claim. One claim's record: record-repository.ts; the organisations a
 * claim collides on: collisions-repository.ts.
 */
import { type Kysely, sql } from 'kysely';
import { addDays } from '../../shared/dates';
import {
  ACTIVE_CLAIM_STATUSES,
  type ClaimStatus,
  DEVELOPMENT_TYPES,
} from '../../shared/filing-enums';
import type { ListQuery } from '../../shared/list';
import { regionName } from '../../shared/regions';
import {
  CLAIM_COLUMNS,
  type ClaimColumn,
  type ClaimRow,
  type ExpiringClaim,
  type OverlapToSettle,
} from '../../shared/schemas/claims';
import { searchKey } from '../../shared/text';
import { type Actor, requireTeamRead, teamAccountCondition } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { applyFilters, applySort, containsPattern, type GridColumn } from '../grid/query';
import { gridPage, gridQuery, type SelectedRow } from '../grid/page';

const development = sql.join(DEVELOPMENT_TYPES.map((t) => sql`${t}`));

/** Ours: our logged development activities on the account; another dealer's: as reported. */
const evidenceSql = sql<number>`(case when c.source = 'ours' then (select count(*) from activities v where v.account_id = c.account_id and v.type in (${development})) else coalesce(c.reported_evidence, 0) end)`;

const activeSql = sql.join(ACTIVE_CLAIM_STATUSES.map((s) => sql`${s}`));

/**
 * The status a person sees (shared/claim-rules effectiveStatus): an active claim past its
 * protection reads as expired before the expiry sweep records it, so that reads never write and
 * a filter by status finds what the grid shows.
 */
export const statusSql = (today: string) =>
  sql<ClaimStatus>`(case when c.status in (${activeSql}) and c.expires_on < ${today} then 'expired' else c.status end)`;

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
    sql<ClaimStatus>`${columns.status.expr}`.as('status'),
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
type RowRecord = SelectedRow<typeof rowsQuery>;

function toRow(r: RowRecord): ClaimRow {
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    uscc: r.uscc,
    buyerType: r.buyer_type,
    status: r.status,
    source: r.source,
    claimant:
      r.claimant_id !== null && r.claimant_name !== null
        ? { id: r.claimant_id, name: r.claimant_name }
        : null,
    dealerName: r.dealer_name,
    territoryCode: r.territory_code,
    territoryName: r.territory_code ? regionName(r.territory_code) : '',
    authState: r.auth_state,
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

/** The claim grid's query (rows, count, row mapper) as of `today`; its export reads it whole. */
export function claimGridQuery(
  db: Kysely<Database>,
  query: Pick<ListQuery<ClaimColumn>, 'filters' | 'sort' | 'search'> & { teamOf: number | null },
  today: string,
) {
  return gridQuery(db, rowsQuery(db, query, today), filtered(db, query, today), toRow, 'c.id');
}

/** `today`: the China date the statuses are read on (the business clock's). */
export async function listClaims(
  db: Kysely<Database>,
  query: ListQuery<ClaimColumn> & { teamOf: number | null },
  today: string,
) {
  return gridPage(claimGridQuery(db, query, today), query);
}

export async function getClaimRows(
  db: Kysely<Database>,
  ids: number[],
  today: string,
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
    type: r.type,
    occurredOn: r.occurred_on,
    staffName: r.staff_name,
    summary: r.summary,
    outcome: r.outcome,
  }));
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

/** Our active claims in an internal overlap on `today`, oldest overlap first: a manager's to settle. */
export async function overlapsToSettle(
  db: Kysely<Database>,
  today: string,
): Promise<OverlapToSettle[]> {
  const rows = await db
    .selectFrom('claims as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('staff as s', 's.id', 'c.claimant_id')
    .select(['c.id', 'c.account_id', 'a.name', 's.name as claimant_name', 'c.overlap_since'])
    .where('c.source', '=', 'ours')
    .where('c.overlap_since', 'is not', null)
    .where('c.status', 'in', [...ACTIVE_CLAIM_STATUSES])
    .where('c.expires_on', '>=', today)
    .orderBy('c.overlap_since')
    .orderBy('c.id')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    accountName: r.name,
    claimantName: r.claimant_name,
    since: r.overlap_since!,
  }));
}

/** A staff member's active claims ending within the warning period, soonest first. */
export async function expiringClaims(
  db: Kysely<Database>,
  staffId: number,
  today: string,
  warnDays: number,
): Promise<ExpiringClaim[]> {
  const rows = await db
    .selectFrom('claims as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['c.id', 'c.account_id', 'a.name', 'c.expires_on', 'c.status'])
    .where('c.claimant_id', '=', staffId)
    .where('c.source', '=', 'ours')
    .where('c.status', 'in', [...ACTIVE_CLAIM_STATUSES])
    .where('c.expires_on', '>=', today)
    .where('c.expires_on', '<=', addDays(today, warnDays))
    .orderBy('c.expires_on')
    .limit(50)
    .execute();
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    accountName: r.name,
    expiresOn: r.expires_on!,
    status: r.status,
    daysLeft: day(r.expires_on!) - day(today),
  }));
}

/** The sweep's list: active claims whose protection ended before `today`. */
export async function claimsPastProtection(
  db: Kysely<Database>,
  today: string,
): Promise<{ id: number }[]> {
  return db
    .selectFrom('claims')
    .select('id')
    .where('status', 'in', [...ACTIVE_CLAIM_STATUSES])
    .where('expires_on', '<', today)
    .execute();
}

/**
 * The sweep's start-up list: claims of ours still protected on `today` that an earlier version put
 * "in conflict" with a colleague's claim alone (no overlap dated).
 */
export async function claimsInLegacyConflict(
  db: Kysely<Database>,
  today: string,
): Promise<{ id: number }[]> {
  return db
    .selectFrom('claims')
    .select('id')
    .where('source', '=', 'ours')
    .where('status', '=', 'conflict')
    .where('overlap_since', 'is', null)
    .where('expires_on', '>=', today)
    .execute();
}

/** A claim's audit entries with who made them, oldest first: the dossier's claim history. */
export async function claimAuditEntries(db: Kysely<Database>, claimId: number) {
  return db
    .selectFrom('audit_log as l')
    .leftJoin('staff as s', 's.id', 'l.actor_id')
    .select(['l.at', 'l.action', 'l.after_json', 's.name'])
    .where('l.entity', '=', 'claim')
    .where('l.entity_id', '=', claimId)
    .orderBy('l.id')
    .execute();
}
