/** The activity log (visits, calls, mailings, cold calls …) with next steps, and daily KPI targets. */
import { type Kysely, sql } from 'kysely';
import type { ListQuery } from '../../shared/list';
import { AppError, fieldIssue } from '../../shared/result';
import {
  ACTIVITY_COLUMNS,
  type ActivityColumn,
  type ActivityInput,
  type ActivityListQuery,
  type ActivityPage,
  type ActivityRow,
  type KpiTargets,
} from '../../shared/schemas/activities';
import type { Staff } from '../../shared/schemas/staff';
import { ACTIVITY_TYPE_VALUES, isActivityType } from '../../shared/sales-enums';
import { searchKey } from '../../shared/text';
import { appendAudit } from '../audit/audit';
import { entityAudit } from '../audit/entity-audit';
import { dropDeadlines, syncDeadlines } from '../calendar/deadlines';
import { refreshAccountFacts } from '../value/facts';
import type { Database } from '../db/schema';
import { bump, claimVersion } from '../db/row-version';
import { writeTx } from '../db/tx';
import {
  applyFilters,
  applySort,
  containsPattern,
  type GridColumn,
  guaranteedColumn,
} from '../grid/query';
import { gridPage, gridQuery, type SelectedRow } from '../grid/page';
import { isManager } from '../session/session';
import {
  type Actor,
  requireSalesWriter,
  requireTeam,
  teamAccountCondition,
} from '../accounts/account-team';
import { type Clock, isoNow } from '../../shared/clock';
import { mustExist } from '../db/must-exist';
import type { ReadFunction } from '../reads/registry';
import { teamOf } from '../reads/scope';

const auditActivity = entityAudit('activity');

const r = (ref: string, k: ActivityColumn, numeric = false): GridColumn => ({
  spec: ACTIVITY_COLUMNS[k],
  expr: sql.ref(ref),
  numeric,
});
const ACTIVITY_SQL: Record<ActivityColumn, GridColumn> = {
  occurredOn: r('x.occurred_on', 'occurredOn'),
  type: r('x.type', 'type'),
  accountName: r('a.name', 'accountName'),
  accountId: r('x.account_id', 'accountId', true),
  opportunityId: r('x.opportunity_id', 'opportunityId', true),
  opportunityTitle: r('o.title', 'opportunityTitle'),
  contactName: r('c.name', 'contactName'),
  staffId: r('x.staff_id', 'staffId', true),
  outcome: r('x.outcome', 'outcome'),
  summary: r('x.summary', 'summary'),
  nextStep: r('x.next_step', 'nextStep'),
  nextStepOn: r('x.next_step_on', 'nextStepOn'),
  nextStepDone: {
    spec: ACTIVITY_COLUMNS.nextStepDone,
    expr: sql`(case when x.next_step_done_at is null then 'no' else 'yes' end)`,
  },
  createdAt: r('x.created_at', 'createdAt'),
};
const ACTIVITY_SORT: Record<string, GridColumn> = {
  ...ACTIVITY_SQL,
  accountName: { spec: ACTIVITY_COLUMNS.accountName, expr: sql.ref('a.name_sort') },
  staffId: { spec: ACTIVITY_COLUMNS.staffId, expr: sql.ref('s.name') },
};

function joined(db: Kysely<Database>) {
  return (
    db
      .selectFrom('activities as x')
      // A left join to a row the foreign key guarantees: SQLite leaves it out where unused (grid/page.ts).
      .leftJoin('accounts as a', 'a.id', 'x.account_id')
      .leftJoin('opportunities as o', 'o.id', 'x.opportunity_id')
      .leftJoin('contacts as c', 'c.id', 'x.contact_id')
      .leftJoin('staff as s', 's.id', 'x.staff_id')
  );
}

function selectRows(q: ReturnType<typeof joined>) {
  return q.select([
    'x.id',
    'x.type',
    'x.occurred_on',
    'x.account_id',
    guaranteedColumn<string>('a.name').as('account_name'),
    'x.opportunity_id',
    sql<string | null>`o.title`.as('opportunity_title'),
    'x.contact_id',
    sql<string | null>`c.name`.as('contact_name'),
    'x.staff_id',
    sql<string | null>`s.name`.as('staff_name'),
    'x.outcome',
    'x.summary',
    'x.next_step',
    'x.next_step_on',
    'x.next_step_done_at',
    'x.created_at',
    'x.version',
  ]);
}
type RowRecord = SelectedRow<typeof selectRows>;

function toRow(x: RowRecord): ActivityRow {
  return {
    id: x.id,
    type: x.type,
    occurredOn: x.occurred_on,
    accountId: x.account_id,
    accountName: x.account_name,
    opportunityId: x.opportunity_id,
    opportunityTitle: x.opportunity_title,
    contactId: x.contact_id,
    contactName: x.contact_name,
    staffId: x.staff_id,
    staffName: x.staff_name,
    outcome: x.outcome,
    summary: x.summary,
    nextStep: x.next_step,
    version: x.version,
    nextStepOn: x.next_step_on,
    nextStepDoneAt: x.next_step_done_at,
    createdAt: x.created_at,
  };
}

/** The activity grid's query (rows, count, row mapper); its export reads it whole. */
export function activityGridQuery(
  db: Kysely<Database>,
  query: Pick<ListQuery<ActivityColumn>, 'filters' | 'sort' | 'search'> & {
    /** A specialist's id: their teams' accounts' activities only (account-team.teamScope). */
    teamOf: number | null;
  },
) {
  let q = applyFilters(joined(db), ACTIVITY_SQL, query.filters);
  if (query.teamOf !== null) q = q.where(teamAccountCondition(query.teamOf, 'x.account_id'));
  const search = query.search ? searchKey(query.search) : '';
  if (search)
    q = q.where(
      sql<boolean>`(lower(coalesce(x.summary, '') || ' ' || coalesce(x.next_step, '')) like ${containsPattern(search)} escape '\\' or a.search_text like ${containsPattern(search)} escape '\\')`,
    );
  const sort = query.sort.length > 0 ? query.sort : [{ field: 'occurredOn', desc: true }];
  return gridQuery(
    db,
    selectRows(applySort(q, ACTIVITY_SORT, sort, sql.ref('x.id'))),
    q,
    toRow,
    'x.id',
  );
}

export async function listActivities(
  db: Kysely<Database>,
  query: ListQuery<ActivityColumn> & { teamOf: number | null },
) {
  return gridPage(activityGridQuery(db, query), query);
}

/** `activities.list` as the read worker runs it: the viewer's scope decides which rows. */
export const activityListRead: ReadFunction<ActivityListQuery, ActivityPage> = (db, query, scope) =>
  listActivities(db, { ...query, teamOf: teamOf(scope) });

export async function mustGetActivity(db: Kysely<Database>, id: number): Promise<ActivityRow> {
  const row = mustExist(
    await selectRows(joined(db)).where('x.id', '=', id).executeTakeFirst(),
    'activity',
    id,
  );
  return toRow(row);
}

async function guardReferences(trx: Kysely<Database>, input: ActivityInput): Promise<void> {
  const account = await trx
    .selectFrom('accounts')
    .select('id')
    .where('id', '=', input.accountId)
    .executeTakeFirst();
  if (!account)
    throw new AppError('NOT_FOUND', `account #${input.accountId} does not exist`, {
      ...fieldIssue('accountId', 'account.missing'),
    });
  if (input.opportunityId !== null) {
    const o = await trx
      .selectFrom('opportunities')
      .select('account_id')
      .where('id', '=', input.opportunityId)
      .executeTakeFirst();
    if (!o || o.account_id !== input.accountId)
      throw new AppError('VALIDATION', 'the opportunity is not one of this account', {
        fields: [
          {
            path: 'opportunityId',
            code: 'activity.opportunity_other_account',
            message: 'activity.opportunity_other_account',
          },
        ],
      });
  }
  if (input.contactId !== null) {
    const c = await trx
      .selectFrom('contacts')
      .select('account_id')
      .where('id', '=', input.contactId)
      .executeTakeFirst();
    if (!c || c.account_id !== input.accountId)
      throw new AppError('VALIDATION', 'the contact is not one of this account', {
        ...fieldIssue('contactId', 'contact.other_account'),
      });
  }
  if (input.nextStepOn !== null && input.nextStepOn < input.occurredOn)
    throw new AppError('VALIDATION', 'the next step cannot come before the activity', {
      fields: [
        {
          path: 'nextStepOn',
          code: 'activity.next_before_activity',
          message: 'activity.next_before_activity',
        },
      ],
    });
}

async function syncActivityDeadline(trx: Kysely<Database>, id: number): Promise<void> {
  const a = await mustGetActivity(trx, id);
  await syncDeadlines(trx, 'activity', id, [
    {
      kind: 'next_step',
      due: a.nextStep ? a.nextStepOn : null,
      title: `${a.accountName}: ${a.nextStep ?? ''}`,
      accountId: a.accountId,
      ownerId: a.staffId,
      doneAt: a.nextStepDoneAt,
    },
  ]);
}

function columnsOf(input: ActivityInput) {
  return {
    type: input.type,
    account_id: input.accountId,
    opportunity_id: input.opportunityId,
    contact_id: input.contactId,
    occurred_on: input.occurredOn,
    outcome: input.outcome,
    summary: input.summary,
    next_step: input.nextStep,
    next_step_on: input.nextStepOn,
  };
}

export async function createActivity(
  db: Kysely<Database>,
  clock: Clock,
  actor: Actor,
  input: ActivityInput,
): Promise<ActivityRow> {
  const actorId = actor.id;
  return writeTx(db, async (trx) => {
    await guardReferences(trx, input);
    await requireTeam(trx, actor, input.accountId);
    const now = isoNow(clock);
    const { id } = await trx
      .insertInto('activities')
      .values({ ...columnsOf(input), staff_id: actorId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await syncActivityDeadline(trx, id);
    await refreshAccountFacts(trx, [input.accountId]);
    const created = await mustGetActivity(trx, id);
    await auditActivity(trx, clock, actorId, id, {
      action: 'activity.create',
      after: input,
    });
    return created;
  });
}

/** A logged activity is changed by a manager, or by its author while on the account's team. */
async function guardAuthor(trx: Kysely<Database>, actor: Staff, row: ActivityRow): Promise<void> {
  requireSalesWriter(actor);
  if (row.staffId !== actor.id && !isManager(actor))
    throw new AppError('FORBIDDEN', 'only its author or a manager can change a logged activity', {
      kind: 'activity.not_author',
    });
  await requireTeam(trx, actor, row.accountId);
}

export async function updateActivity(
  db: Kysely<Database>,
  clock: Clock,
  actor: Staff,
  id: number,
  input: ActivityInput,
  version: number,
): Promise<ActivityRow> {
  return writeTx(db, async (trx) => {
    const before = await mustGetActivity(trx, id);
    await guardAuthor(trx, actor, before);
    await requireTeam(trx, actor, input.accountId);
    await claimVersion(trx, 'activities', id, version, actor.id, isoNow(clock));
    await guardReferences(trx, input);
    const nextChanged =
      before.nextStep !== input.nextStep || before.nextStepOn !== input.nextStepOn;
    await trx
      .updateTable('activities')
      .set({
        ...columnsOf(input),
        ...(nextChanged ? { next_step_done_at: null } : {}),
      })
      .where('id', '=', id)
      .execute();
    await syncActivityDeadline(trx, id);
    await refreshAccountFacts(trx, [before.accountId, input.accountId]);
    const after = await mustGetActivity(trx, id);
    await auditActivity(trx, clock, actor.id, id, {
      action: 'activity.update',
      // The row version is bookkeeping, not a change to show in the history.
      before: { ...before, version: undefined },
      after: { ...after, version: undefined },
    });
    return after;
  });
}

export async function deleteActivity(
  db: Kysely<Database>,
  clock: Clock,
  actor: Staff,
  id: number,
): Promise<void> {
  await writeTx(db, async (trx) => {
    const before = await mustGetActivity(trx, id);
    await guardAuthor(trx, actor, before);
    await trx.deleteFrom('activities').where('id', '=', id).execute();
    await dropDeadlines(trx, 'activity', id);
    await refreshAccountFacts(trx, [before.accountId]);
    await auditActivity(trx, clock, actor.id, id, { action: 'activity.delete', before });
  });
}

export async function completeNextStep(
  db: Kysely<Database>,
  clock: Clock,
  actor: Staff,
  id: number,
  done: boolean,
): Promise<ActivityRow> {
  return writeTx(db, async (trx) => {
    const before = await mustGetActivity(trx, id);
    await guardAuthor(trx, actor, before);
    if (!before.nextStep)
      throw new AppError('POLICY', 'this activity has no next step', {
        kind: 'activity.no_next_step',
      });
    const now = isoNow(clock);
    await trx
      .updateTable('activities')
      .set({
        next_step_done_at: done ? (before.nextStepDoneAt ?? now) : null,
        ...bump(actor.id, now),
      })
      .where('id', '=', id)
      .execute();
    await syncActivityDeadline(trx, id);
    const after = await mustGetActivity(trx, id);
    await auditActivity(trx, clock, actor.id, id, {
      action: 'activity.next_step',
      before: { done: before.nextStepDoneAt !== null },
      after: { done },
    });
    return after;
  });
}

export async function getKpiTargets(db: Kysely<Database>): Promise<KpiTargets> {
  const rows = await db.selectFrom('kpi_targets').selectAll().orderBy('staff_id').execute();
  const defaults: KpiTargets['defaults'] = {};
  const perStaff = new Map<number, KpiTargets['defaults']>();
  for (const row of rows) {
    const type = row.type;
    if (!ACTIVITY_TYPE_VALUES.includes(type)) continue;
    if (row.staff_id === 0) defaults[type] = row.daily;
    else perStaff.set(row.staff_id, { ...perStaff.get(row.staff_id), [type]: row.daily });
  }
  return { defaults, perStaff: [...perStaff].map(([staffId, targets]) => ({ staffId, targets })) };
}

/** A staff member's targets: their own where set, the defaults otherwise. */
export function targetsOf(all: KpiTargets, staffId: number): KpiTargets['defaults'] {
  return all.perStaff.find((p) => p.staffId === staffId)?.targets ?? all.defaults;
}

export async function setKpiTargets(
  db: Kysely<Database>,
  clock: Clock,
  actorId: number,
  staffId: number | null,
  targets: KpiTargets['defaults'],
): Promise<KpiTargets> {
  return writeTx(db, async (trx) => {
    const scope = staffId ?? 0;
    if (staffId !== null) {
      mustExist(
        await trx.selectFrom('staff').select('id').where('id', '=', staffId).executeTakeFirst(),
        'staff member',
        staffId,
      );
    }
    const before = await getKpiTargets(trx);
    await trx.deleteFrom('kpi_targets').where('staff_id', '=', scope).execute();
    const rows = Object.entries(targets).flatMap(([type, daily]) =>
      isActivityType(type) ? [{ staff_id: scope, type, daily: daily ?? 0 }] : [],
    );
    if (rows.length > 0) await trx.insertInto('kpi_targets').values(rows).execute();
    const after = await getKpiTargets(trx);
    await appendAudit(trx, clock, {
      actorId,
      entity: 'settings',
      entityId: staffId,
      action: 'kpi.targets',
      before,
      after,
    });
    return after;
  });
}

export async function activityCounts(
  db: Kysely<Database>,
  staffId: number,
  day: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('activities')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('staff_id', '=', staffId)
    .where('occurred_on', '=', day)
    .groupBy('type')
    .execute();
  return new Map(rows.map((r) => [r.type, Number(r.n)]));
}
