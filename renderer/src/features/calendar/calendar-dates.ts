/**
 * Date arithmetic of the calendar views on ISO dates (YYYY-MM-DD). Days are China business days,
 * so nothing here goes through local time; weeks start on Monday as they do in China.
 */
import { addDays, endOfMonth, startOfWeek, weekdayIndex } from '../../../../shared/dates';

export { endOfMonth, startOfWeek, weekdayIndex };

export type CalendarView = 'month' | 'week' | 'list';

export function startOfMonth(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

export function addMonths(iso: string, months: number): string {
  const d = new Date(`${startOfMonth(iso)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function dayRange(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export interface VisibleRange {
  from: string;
  to: string;
}

/** What a view shows around its anchor day: whole weeks of the month, one week, or the month. */
export function visibleRange(view: CalendarView, anchor: string): VisibleRange {
  if (view === 'week') {
    const from = startOfWeek(anchor);
    return { from, to: addDays(from, 6) };
  }
  if (view === 'list') return { from: startOfMonth(anchor), to: endOfMonth(anchor) };
  const from = startOfWeek(startOfMonth(anchor));
  return { from, to: addDays(startOfWeek(endOfMonth(anchor)), 6) };
}

/** The anchor one page earlier or later. */
export function shiftAnchor(view: CalendarView, anchor: string, step: -1 | 1): string {
  return view === 'week' ? addDays(anchor, 7 * step) : addMonths(anchor, step);
}

/** The weeks of a range as rows of seven days. */
export function weeksOf(range: VisibleRange): string[][] {
  const days = dayRange(range.from, range.to);
  const weeks: string[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}
