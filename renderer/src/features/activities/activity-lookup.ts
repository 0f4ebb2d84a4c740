/**
 * Finding one activity by id for `#/activities/<id>`. The API has no "get one activity" call, so
 * the activity is looked up in the list, always freshly (another user may have changed it): the
 * account of a row seen lately or of a calendar item narrows the search to that account's
 * activities, and otherwise the list is read newest first.
 */
import type { Filter } from '../../../../shared/list';
import type { ActivityRow } from '../../../../shared/schemas/activities';
import type { ApiError } from '../../../../shared/result';
import { call } from '../../api/client';

const SEEN_LIMIT = 2000;
const PAGE = 500;
/** Stops a search through the whole list after this many rows. */
const SCAN_LIMIT = 50_000;
const HINTS_KEY = 'keyfleet.activityAccounts';

/** Account of each activity seen lately, by activity id. */
const seen = new Map<number, number>();

/** Keeps the accounts of rows just loaded or saved, so opening one of them is one small query. */
export function rememberActivities(rows: readonly ActivityRow[]): void {
  for (const row of rows) {
    seen.delete(row.id);
    seen.set(row.id, row.accountId);
  }
  for (const id of seen.keys()) {
    if (seen.size <= SEEN_LIMIT) break;
    seen.delete(id);
  }
}

export function forgetActivity(id: number): void {
  seen.delete(id);
}

function readHints(): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(HINTS_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** The account of an activity about to be opened (kept in the tab, so a reload still finds it). */
export function rememberActivityAccount(id: number, accountId: number): void {
  try {
    const hints = readHints();
    hints[String(id)] = accountId;
    const entries = Object.entries(hints).slice(-200);
    sessionStorage.setItem(HINTS_KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Storage may be disabled: the search then reads the whole list.
  }
}

type Found = { ok: true; row: ActivityRow | null } | { ok: false; error: ApiError };

async function scan(id: number, filters: Filter[]): Promise<Found> {
  for (let offset = 0; offset < SCAN_LIMIT; offset += PAGE) {
    const r = await call('activities.list', {
      offset,
      limit: PAGE,
      filters,
      sort: [{ field: 'createdAt', desc: true }],
    });
    if (!r.ok) return { ok: false, error: r.error };
    rememberActivities(r.value.rows);
    const row = r.value.rows.find((a) => a.id === id);
    if (row) return { ok: true, row };
    if (offset + PAGE >= r.value.total) break;
  }
  return { ok: true, row: null };
}

export async function findActivity(id: number): Promise<Found> {
  const accountId = seen.get(id) ?? readHints()[String(id)];
  if (typeof accountId === 'number') {
    const found = await scan(id, [{ field: 'accountId', op: 'in', values: [String(accountId)] }]);
    if (!found.ok || found.row) return found;
  }
  return scan(id, []);
}
