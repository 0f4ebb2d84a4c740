/** How a calendar item reads: its title without a repeated account name, its time, its "when". */
import dayjs from 'dayjs';
import { addDays } from '../../../../shared/dates';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import type { Translate } from '../../i18n/context';
import type { Lang } from '../../i18n/lang';
import { systemNoteText } from '../../i18n/system-notes';
import { daysBetween } from './calendar-dates';
import { isActionable } from './kinds';

/** The item's title in the UI's language: its names, with a coded qualifier (a follow-up's day) in words. */
export function itemTitle(item: Pick<CalendarItem, 'title' | 'note'>, lang: Lang): string {
  return item.note ? systemNoteText(item.note, lang, item.title) : item.title;
}

/** Next steps are titled "<account>: <step>"; next to the account the prefix only repeats it. */
export function titleWithoutAccount(
  item: Pick<CalendarItem, 'title' | 'note' | 'accountName'>,
  lang: Lang,
): string {
  const title = itemTitle(item, lang);
  const prefix = item.accountName ? `${item.accountName}: ` : null;
  return prefix && title.startsWith(prefix) && title.length > prefix.length
    ? title.slice(prefix.length)
    : title;
}

/** The local time of a timed item (bid deadline 09:30), or null for a whole-day item. */
export function timeOf(item: Pick<CalendarItem, 'dueAt'>): string | null {
  return item.dueAt ? dayjs(item.dueAt).format('HH:mm') : null;
}

export const dayjsLocale = (lang: Lang) => (lang === 'zh-CN' ? 'zh-cn' : 'en');

/** An ISO date in a message-table format, in the UI language whatever dayjs's global locale is. */
export function formatDay(iso: string, format: string, lang: Lang): string {
  return dayjs(iso).locale(dayjsLocale(lang)).format(format);
}

/** Items of a list grouped by their day, in order. */
export function groupByDay<T extends Pick<CalendarItem, 'dueOn'>>(items: readonly T[]) {
  const byDay = new Map<string, T[]>();
  for (const item of items) {
    const list = byDay.get(item.dueOn);
    if (list) list.push(item);
    else byDay.set(item.dueOn, [item]);
  }
  return byDay;
}

/** "2小时后", "明天到期", "已逾期": how soon an item of a reminder is due. */
export function whenText(
  item: Pick<CalendarItem, 'kind' | 'dueOn' | 'dueAt' | 'overdue'>,
  today: string,
  now: number,
  t: Translate,
): string {
  if (item.overdue) return t('reminder.overdue');
  if (item.dueAt) {
    const minutes = Math.round((Date.parse(item.dueAt) - now) / 60_000);
    if (minutes < 0)
      return isActionable(item.kind)
        ? t('reminder.overdue')
        : t('reminder.todayPassed', { time: dayjs(item.dueAt).format('HH:mm') });
    if (minutes < 5) return t('reminder.dueNow');
    if (minutes < 60) return t('reminder.inMinutes', { n: minutes });
    if (minutes < 48 * 60) return t('reminder.inHours', { n: Math.round(minutes / 60) });
    return t('reminder.inDays', { n: Math.round(minutes / 1440) });
  }
  if (item.dueOn < today) return t('reminder.overdue');
  if (item.dueOn === today) return t('reminder.today');
  if (item.dueOn === addDays(today, 1)) return t('reminder.tomorrow');
  return t('reminder.inDays', { n: daysBetween(today, item.dueOn) });
}
