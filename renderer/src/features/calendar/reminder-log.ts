/**
 * Which reminders this tab has already shown, kept in sessionStorage so a reload does not show
 * them again (a new window does, until they are dismissed). An item moved to another date or time
 * counts as new.
 */
import type { CalendarItem } from '../../../../shared/schemas/calendar';

const MAX_ENTRIES = 1000;

const storageKey = (staffId: number) => `keyfleet.reminders.shown.${staffId}`;

export function reminderKey(item: Pick<CalendarItem, 'id' | 'dueOn' | 'dueAt'>): string {
  return `${item.id}@${item.dueAt ?? item.dueOn}`;
}

export function loadShown(staffId: number): Set<string> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(storageKey(staffId)) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((k) => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

export function markShown(staffId: number, keys: readonly string[]): void {
  const all = [...loadShown(staffId), ...keys].slice(-MAX_ENTRIES);
  try {
    sessionStorage.setItem(storageKey(staffId), JSON.stringify([...new Set(all)]));
  } catch {
    // Storage may be disabled: reminders then show again after a reload.
  }
}
