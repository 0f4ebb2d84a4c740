/**
 * The receivables views: by contract or by account, past due first, with the open balances, days
 * outstanding (since the oldest unpaid invoice, FIFO) and days overdue under the payment term;
 * the collection rate (received ÷ invoiced) per specialist and month, quarter or year; and the
 * overdue receivables of one owner for 我的今天. Specialists see their teams' accounts, managers
 * the store's (the caller passes `teamOf`).
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../shared/clock';
import { addDays, chinaDate } from '../../shared/dates';
import { collectionRate, daysBetween, periodKey, periodsBetween } from '../../shared/receivables';
import type {
  CollectionPeriod,
  CollectionReport,
  ReceivableFigures,
  ReceivableRow,
  ReceivablesQuery,
} from '../../shared/schemas/payments';
import type { Database } from '../db/schema';
import { getSalesSettings } from '../settings/sales-settings';
import { monthlySums, receivablesByAccount, receivablesByContract } from './repository';

interface Sums {
  total_fen: number;
  invoiced_fen: number;
  received_fen: number;
  due_on: string | null;
}

/** The figures of a row from its sums and its receivable deadline (oldest unpaid + term). */
function figures(r: Sums, credit: number, today: string, termDays: number): ReceivableFigures {
  const total = Number(r.total_fen);
  const invoiced = Number(r.invoiced_fen);
  const received = Number(r.received_fen);
  const oldestUnpaidOn = r.due_on === null ? null : addDays(r.due_on, -termDays);
  const overdue = r.due_on === null ? 0 : daysBetween(r.due_on, today);
  return {
    totalFen: total,
    invoicedFen: invoiced,
    receivedFen: received,
    openFen: Math.max(0, total - received),
    invoicedOpenFen: Math.max(0, invoiced - received),
    creditFen: credit,
    oldestUnpaidOn,
    daysOutstanding:
      oldestUnpaidOn === null ? null : Math.max(0, daysBetween(oldestUnpaidOn, today)),
    dueOn: r.due_on,
    daysOverdue: overdue > 0 ? overdue : null,
  };
}

export async function listReceivables(
  db: Kysely<Database>,
  clock: Clock,
  q: ReceivablesQuery & { teamOf: number | null; ownerId?: number },
): Promise<{ total: number; termDays: number; rows: ReceivableRow[] }> {
  const today = chinaDate(clock.now());
  const { paymentTermDays: term } = await getSalesSettings(db);
  const scope = {
    teamOf: q.teamOf,
    search: q.search,
    overdueBefore: q.overdueOnly ? today : null,
    ...(q.ownerId === undefined ? {} : { ownerId: q.ownerId }),
  };
  if (q.by === 'account') {
    const page = await receivablesByAccount(db, scope, q);
    return {
      total: page.total,
      termDays: term,
      rows: page.rows.map((r) => ({
        ...figures(r, Number(r.credit_fen), today, term),
        contractId: null,
        contractNo: null,
        accountId: r.account_id,
        accountName: r.account_name,
        ownerId: r.owner_id,
        ownerName: r.owner_name,
        contracts: Number(r.contracts),
        collectionRate: collectionRate(Number(r.received_fen), Number(r.invoiced_fen)),
      })),
    };
  }
  const page = await receivablesByContract(db, scope, q);
  return {
    total: page.total,
    termDays: term,
    rows: page.rows.map((r) => ({
      ...figures(r, Math.max(0, Number(r.received_fen) - r.total_fen), today, term),
      contractId: r.id,
      contractNo: r.number,
      accountId: r.account_id,
      accountName: r.account_name,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      contracts: 1,
      collectionRate: collectionRate(Number(r.received_fen), r.invoiced_fen),
    })),
  };
}

const OVERDUE_LIMIT = 100;

/** An owner's overdue receivables, the longest overdue first (我的今天). */
export async function overdueReceivablesOf(
  db: Kysely<Database>,
  clock: Clock,
  ownerId: number,
): Promise<ReceivableRow[]> {
  const page = await listReceivables(db, clock, {
    by: 'contract',
    overdueOnly: true,
    offset: 0,
    limit: OVERDUE_LIMIT,
    teamOf: null,
    ownerId,
  });
  return page.rows;
}

/** Invoiced, received and their ratio per specialist (contract owner) and period, and in total. */
export async function collectionReport(
  db: Kysely<Database>,
  q: { period: CollectionPeriod; from: string; to: string; teamOf: number | null },
): Promise<CollectionReport> {
  const sums = await monthlySums(db, q);
  const rows = new Map<
    string,
    { periodKey: string; ownerId: number | null; inv: number; rec: number }
  >();
  const cell = (month: string, ownerId: number | null) => {
    const key = periodKey(`${month}-01`, q.period);
    const id = `${key}|${ownerId ?? ''}`;
    let row = rows.get(id);
    if (!row) {
      row = { periodKey: key, ownerId, inv: 0, rec: 0 };
      rows.set(id, row);
    }
    return row;
  };
  for (const s of sums.invoiced) cell(s.month, s.owner_id).inv += Number(s.fen);
  for (const s of sums.received) cell(s.month, s.owner_id).rec += Number(s.fen);
  const periods = periodsBetween(q.from, q.to, q.period);
  const totals = periods.map((key) => {
    const of = [...rows.values()].filter((r) => r.periodKey === key);
    const inv = of.reduce((n, r) => n + r.inv, 0);
    const rec = of.reduce((n, r) => n + r.rec, 0);
    return { periodKey: key, invoicedFen: inv, receivedFen: rec, rate: collectionRate(rec, inv) };
  });
  return {
    period: q.period,
    periods,
    rows: [...rows.values()]
      .sort((a, b) =>
        a.periodKey === b.periodKey
          ? (a.ownerId ?? 0) - (b.ownerId ?? 0)
          : a.periodKey < b.periodKey
            ? -1
            : 1,
      )
      .map((r) => ({
        periodKey: r.periodKey,
        ownerId: r.ownerId,
        ownerName: r.ownerId === null ? null : (sums.staffNames.get(r.ownerId) ?? null),
        invoicedFen: r.inv,
        receivedFen: r.rec,
        rate: collectionRate(r.rec, r.inv),
      })),
    totals,
  };
}
