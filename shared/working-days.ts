/**
 * China's working days: the State Council's schedule of public holidays and make-up working days
 * (调休), from the maintained `chinese-days` package. KPI targets are per working day, so a week's
 * or a month's target is the daily one times these counts. A year the package does not list yet
 * is counted Monday to Friday, and `scheduleKnown` says so, for the UI to show.
 */
import { getDayDetail, getHolidaysInRange } from 'chinese-days';
import { addDays, endOfMonth } from './dates';

/** Whether `isoDate` (YYYY-MM-DD) is a working day: weekdays, less holidays, plus make-up days. */
export function isWorkingDay(isoDate: string): boolean {
  return getDayDetail(isoDate).work;
}

/** The working days from `from` to `to`, both included (none when `to` is before `from`). */
export function workingDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d);
  return days;
}

/** How many working days a month (YYYY-MM) has. */
export function workingDaysInMonth(month: string): number {
  const first = `${month}-01`;
  return workingDaysBetween(first, endOfMonth(first)).length;
}

const known = new Map<number, boolean>();

/** Whether the package carries the official schedule of `year` (else weekends only count). */
export function scheduleKnown(year: number): boolean {
  let answer = known.get(year);
  if (answer === undefined) {
    // Every official year has weekday holidays; a year without any is one not published here.
    answer = getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    known.set(year, answer);
  }
  return answer;
}
