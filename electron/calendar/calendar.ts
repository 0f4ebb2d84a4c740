/** Reads of the deadlines table: the calendar, "my day" and due reminders. */
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { chinaDate, chinaDayStart } from '../../shared/dates';
import type { CalendarItem, CalendarPage } from '../../shared/schemas/calendar';
import { ACTIONABLE_KINDS, type DeadlineKind } from '../../shared/sales-enums';
import { teamAccountCondition } from '../accounts/account-team';
import type { Database } from '../db/schema';
import { noteFromColumns } from '../../shared/system-notes';
import type { Clock } from '../../shared/clock';
import type { SelectedRow } from '../grid/page';

const actionable = sql.join(ACTIONABLE_KINDS.map((k) => sql`${k}`));

/** Past, not done, and asking for action. */
function overdueSql(today: string) {
  return sql<number>`(case when d.done_at is null and d.due_on < ${today} and d.kind in (${actionable}) then 1 else 0 end)`;
}

function itemsQuery(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('deadlines as d')
    .leftJoin('accounts as a', 'a.id', 'd.account_id')
    .leftJoin('staff as s', 's.id', 'd.owner_id')
    .leftJoin('follow_ups as f', (j) =>
      j.on('d.entity', '=', 'follow_up').onRef('f.id', '=', 'd.entity_id'),
    )
    .select([
      sql<number | null>`f.contract_id`.as('follow_up_contract_id'),
      'd.id',
      'd.kind',
      'd.due_on',
      'd.due_at',
      'd.title',
      'd.note_code',
      'd.note_params',
      'd.account_id',
      sql<string | null>`a.name`.as('account_name'),
      'd.entity',
      'd.entity_id',
      'd.owner_id',
      sql<string | null>`s.name`.as('owner_name'),
      'd.done_at',
      overdueSql(today).as('overdue'),
    ]);
}
type ItemRecord = SelectedRow<typeof itemsQuery>;

function toItem(r: ItemRecord): CalendarItem {
  return {
    id: r.id,
    kind: r.kind,
    dueOn: r.due_on,
    dueAt: r.due_at,
    title: r.title,
    note: noteFromColumns(r.note_code, r.note_params),
    accountId: r.account_id,
    accountName: r.account_name,
    entity: r.entity,
    entityId: r.entity_id,
    target:
      r.entity === 'follow_up'
        ? { entity: 'contract', id: r.follow_up_contract_id ?? r.entity_id }
        : {
            entity: r.entity,
            id: r.entity_id,
          },
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    done: r.done_at !== null,
    overdue: Number(r.overdue) === 1,
  };
}

interface CalendarQuery {
  from: string;
  to: string;
  ownerId: number | null;
  kinds?: DeadlineKind[] | undefined;
  includeDone: boolean;
  limit: number;
  /** A specialist's id: their teams' accounts' items and their own items of no account. */
  teamOf: number | null;
}

export async function listCalendar(
  db: Kysely<Database>,
  clock: Clock,
  q: CalendarQuery,
): Promise<CalendarPage> {
  const now = clock.now();
  const today = chinaDate(now);
  let items = itemsQuery(db, today).where('d.due_on', '>=', q.from).where('d.due_on', '<=', q.to);
  let days = db
    .selectFrom('deadlines as d')
    .select([
      'd.due_on',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(${overdueSql(today)})`.as('overdue'),
    ])
    .where('d.due_on', '>=', q.from)
    .where('d.due_on', '<=', q.to);
  if (q.teamOf !== null) {
    const teamOf = q.teamOf;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one condition for both queries
    const visible = (eb: ExpressionBuilder<any, any>) =>
      eb.or([
        teamAccountCondition(teamOf, 'd.account_id')(eb),
        eb.and([eb('d.account_id', 'is', null), eb('d.owner_id', '=', teamOf)]),
      ]);
    items = items.where(visible);
    days = days.where(visible);
  }
  if (q.ownerId !== null) {
    items = items.where('d.owner_id', '=', q.ownerId);
    days = days.where('d.owner_id', '=', q.ownerId);
  }
  if (q.kinds) {
    // No kind chosen: `in (null)` matches no row.
    const kinds = q.kinds.length > 0 ? q.kinds : [null];
    items = items.where('d.kind', 'in', kinds);
    days = days.where('d.kind', 'in', kinds);
  }
  if (!q.includeDone) {
    items = items.where('d.done_at', 'is', null);
    days = days.where('d.done_at', 'is', null);
  }
  const [rows, perDay] = await Promise.all([
    items.orderBy('d.due_on').orderBy('d.due_at').orderBy('d.id').limit(q.limit).execute(),
    days.groupBy('d.due_on').orderBy('d.due_on').execute(),
  ]);
  return {
    items: rows.map(toItem),
    total: perDay.reduce((n, d) => n + Number(d.n), 0),
    perDay: perDay.map((d) => ({
      dueOn: d.due_on,
      count: Number(d.n),
      overdue: Number(d.overdue),
    })),
  };
}

const MY_DAY_OVERDUE_LIMIT = 200;

/** Items due on a day and the overdue ones before it, of one owner. */
export async function dueAndOverdue(
  db: Kysely<Database>,
  clock: Clock,
  ownerId: number,
  day: string,
) {
  const now = clock.now();
  const today = chinaDate(now);
  const overdueBase = db
    .selectFrom('deadlines as d')
    .where('d.owner_id', '=', ownerId)
    .where('d.done_at', 'is', null)
    .where('d.due_on', '<', day)
    .where('d.kind', 'in', [...ACTIONABLE_KINDS]);
  const [due, overdue, count] = await Promise.all([
    itemsQuery(db, today)
      .where('d.owner_id', '=', ownerId)
      .where('d.due_on', '=', day)
      .orderBy('d.due_at')
      .orderBy('d.id')
      .execute(),
    itemsQuery(db, today)
      .where('d.owner_id', '=', ownerId)
      .where('d.done_at', 'is', null)
      .where('d.due_on', '<', day)
      .where('d.kind', 'in', [...ACTIONABLE_KINDS])
      .orderBy('d.due_on')
      .orderBy('d.id')
      .limit(MY_DAY_OVERDUE_LIMIT)
      .execute(),
    overdueBase.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { due: due.map(toItem), overdue: overdue.map(toItem), overdueTotal: Number(count.n) };
}

/**
 * My open items due within the lead time — timed ones by their instant, dated ones from the start
 * of their China day — and my overdue actionable ones; minus those I dismissed at this due date.
 */
export async function dueReminders(
  db: Kysely<Database>,
  clock: Clock,
  staffId: number,
  leadHours: number,
) {
  const now = clock.now();
  const horizon = new Date(now.getTime() + leadHours * 3_600_000);
  const today = chinaDate(now);
  // Dated items whose day starts before the horizon: due_on <= the China date of the horizon.
  const lastDay = chinaDate(horizon);
  const rows = await itemsQuery(db, today)
    .leftJoin('reminder_dismissals as r', (j) =>
      j
        .onRef('r.deadline_id', '=', 'd.id')
        .on('r.staff_id', '=', staffId)
        .onRef('r.due_on', '=', 'd.due_on'),
    )
    .where('d.owner_id', '=', staffId)
    .where('d.done_at', 'is', null)
    .where('r.deadline_id', 'is', null)
    .where('d.due_on', '<=', lastDay)
    .where((eb) => eb.or([eb('d.due_on', '>=', today), eb('d.kind', 'in', [...ACTIONABLE_KINDS])]))
    .orderBy('d.due_on')
    .orderBy('d.due_at')
    .limit(100)
    .execute();
  const isActionable = (kind: string) => (ACTIONABLE_KINDS as readonly string[]).includes(kind);
  return rows
    .filter((r) => {
      const at = (r.due_at ? new Date(r.due_at) : chinaDayStart(r.due_on)).getTime();
      if (at > horizon.getTime()) return false;
      // Past: only what still asks for action (an opening that has happened reminds no one).
      return at >= now.getTime() || isActionable(r.kind) || (!r.due_at && r.due_on === today);
    })
    .map(toItem);
}

export async function dismissReminder(
  db: Kysely<Database>,
  staffId: number,
  deadlineId: number,
): Promise<boolean> {
  const d = await db
    .selectFrom('deadlines')
    .select(['id', 'due_on'])
    .where('id', '=', deadlineId)
    .executeTakeFirst();
  if (!d) return false;
  await db
    .insertInto('reminder_dismissals')
    .values({ staff_id: staffId, deadline_id: d.id, due_on: d.due_on })
    .onConflict((oc) => oc.columns(['staff_id', 'deadline_id']).doUpdateSet({ due_on: d.due_on }))
    .execute();
  return true;
}
