/**
 * Business days are China's (UTC+8, no daylight saving): a bid deadline at 09:30 Beijing time is
 * stored as a UTC instant but falls on the Beijing date, whatever the computer's time zone.
 */
import { now } from './clock';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The date in China at an instant (default: now), as YYYY-MM-DD. */
export function chinaDate(at: Date | string = now()): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** An ISO date moved by whole days. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An ISO date moved by whole months, kept within the month (01-31 + 1 month = 02-28/29). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The instant a China business day starts. */
export function chinaDayStart(isoDate: string): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** 0 = Monday … 6 = Sunday: weeks start on Monday, as they do in China. */
export function weekdayIndex(isoDate: string): number {
  return (new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday of the week that holds `isoDate`. */
export function startOfWeek(isoDate: string): string {
  return addDays(isoDate, -weekdayIndex(isoDate));
}

/** The last day of the month that holds `isoDate`. */
export function endOfMonth(isoDate: string): string {
  return addDays(addMonths(`${isoDate.slice(0, 7)}-01`, 1), -1);
}
