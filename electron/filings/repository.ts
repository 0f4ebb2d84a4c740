/** The filings grid's reads. A filing's writes sit with their rules in service.ts. */
import { type Kysely, sql } from 'kysely';
import type { ListQuery } from '../../shared/list';
import { FILING_COLUMNS, type FilingColumn, type FilingRow } from '../../shared/schemas/filings';
import { searchKey } from '../../shared/text';
import { teamAccountCondition } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { applyFilters, applySort, containsPattern, type GridColumn } from '../grid/query';
import { gridPage, gridQuery, type SelectedRow } from '../grid/page';

const yesNo = (expr: string) => sql.raw(`(case when ${expr} then 'yes' else 'no' end)`);

const FILING_SQL: Record<FilingColumn, GridColumn> = Object.fromEntries(
  (
    [
      ['contractId', sql.ref('f.contract_id')],
      ['number', sql.ref('f.number')],
      ['status', sql.ref('f.status')],
      ['accountName', sql.ref('a.name')],
      ['buyerType', sql.ref('a.buyer_type')],
      ['contractNo', sql.ref('c.number')],
      ['units', sql.ref('f.units')],
      ['eligible', yesNo('f.eligible = 1')],
      ['failedChecks', sql.ref('f.failed_checks')],
      ['overridden', yesNo('f.override_at is not null')],
      ['ownerId', sql.ref('f.created_by')],
      ['createdAt', sql.ref('f.created_at')],
      ['submittedAt', sql.ref('f.submitted_at')],
    ] as const
  ).map(([k, expr]) => [
    k,
    {
      spec: FILING_COLUMNS[k],
      expr,
      numeric: k === 'ownerId' || k === 'contractId',
    } satisfies GridColumn,
  ]),
) as Record<FilingColumn, GridColumn>;
const FILING_SORT: Record<string, GridColumn> = {
  ...FILING_SQL,
  accountName: { spec: FILING_COLUMNS.accountName, expr: sql.ref('a.name_sort') },
  ownerId: { spec: FILING_COLUMNS.ownerId, expr: sql.ref('s.name') },
};

/** `teamOf`: a specialist's id, for their teams' accounts' filings only (account-team.teamScope). */
type FilingView = Pick<ListQuery<FilingColumn>, 'filters' | 'search'> & { teamOf?: number | null };

function filtered(db: Kysely<Database>, query: FilingView) {
  let q = db
    .selectFrom('filings as f')
    .innerJoin('contracts as c', 'c.id', 'f.contract_id')
    .innerJoin('accounts as a', 'a.id', 'f.account_id');
  q = applyFilters(q, FILING_SQL, query.filters);
  if (query.teamOf != null) q = q.where(teamAccountCondition(query.teamOf, 'f.account_id'));
  const search = query.search ? searchKey(query.search) : '';
  if (search)
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`a.search_text like ${containsPattern(search)} escape '\\'`,
        sql<boolean>`c.search_text like ${containsPattern(search)} escape '\\'`,
        sql<boolean>`lower(f.number) like ${containsPattern(search)} escape '\\'`,
      ]),
    );
  return q;
}

function rowsQuery(
  db: Kysely<Database>,
  query: FilingView & Pick<ListQuery<FilingColumn>, 'sort'>,
) {
  return applySort(
    filtered(db, query).leftJoin('staff as s', 's.id', 'f.created_by'),
    FILING_SORT,
    query.sort.length > 0 ? query.sort : [{ field: 'createdAt', desc: true }],
    sql.ref('f.id'),
  ).select([
    'f.id',
    'f.number',
    'f.status',
    'f.contract_id',
    'c.number as contract_no',
    'f.account_id',
    'a.name as account_name',
    'a.buyer_type',
    'f.units',
    'f.eligible',
    'f.failed_checks',
    'f.override_at',
    'f.created_by',
    sql<string | null>`s.name`.as('owner_name'),
    'f.created_at',
    'f.submitted_at',
  ]);
}
type RowRecord = SelectedRow<typeof rowsQuery>;

function toRow(r: RowRecord): FilingRow {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    contractId: r.contract_id,
    contractNo: r.contract_no,
    accountId: r.account_id,
    accountName: r.account_name,
    buyerType: r.buyer_type,
    units: r.units,
    eligible: r.eligible === 1,
    failedChecks: r.failed_checks,
    overridden: r.override_at !== null,
    owner:
      r.created_by !== null && r.owner_name !== null
        ? { id: r.created_by, name: r.owner_name }
        : null,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
  };
}

/** The filing grid's query (rows, count, row mapper); its export reads it whole. */
export function filingGridQuery(
  db: Kysely<Database>,
  query: Pick<ListQuery<FilingColumn>, 'filters' | 'sort' | 'search'> & { teamOf: number | null },
) {
  return gridQuery(db, rowsQuery(db, query), filtered(db, query), toRow, 'f.id');
}

export async function listFilings(
  db: Kysely<Database>,
  query: ListQuery<FilingColumn> & { teamOf: number | null },
) {
  return gridPage(filingGridQuery(db, query), query);
}

export async function getFilingRow(db: Kysely<Database>, id: number): Promise<FilingRow | null> {
  const row = await rowsQuery(db, { filters: [], sort: [] })
    .where('f.id', '=', id)
    .executeTakeFirst();
  return row ? toRow(row) : null;
}
