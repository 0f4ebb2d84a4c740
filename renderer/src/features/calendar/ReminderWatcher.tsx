/**
 * Reminders: every minute and whenever the window regains focus, asks for my items due soon or
 * overdue and shows each one not yet shown in this tab as a notification (and, in the desktop app,
 * as a system notification), with 打开 and 不再提醒.
 */
import { App, Button, notification, Space } from 'antd';
import { useEffect, useEffectEvent, useRef } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import { DEADLINE_KINDS } from '../../../../shared/sales-enums';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSession } from '../../app/session';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { useHashRoute } from '../../lib/use-hash-route';
import { notifyDesktop } from './desktop-notify';
import { itemTitle, timeOf, whenText } from './item-text';
import { KindTag } from './KindTag';
import { loadShown, markShown, reminderKey } from './reminder-log';
import { useOpenItem } from './use-open-item';
import './calendar.css';

const POLL_MS = 60_000;
/** More than this at once: the most urgent ones and a summary pointing to My day. */
const MAX_AT_ONCE = 3;
const WIDTH_PX = 360;
const MORE_KEY = 'reminder-more';
/**
 * Reminders stand above the bottom bar where drawers keep their Save and Cancel buttons and grids
 * their pages: a reminder must never hide the button the user is about to press.
 */
const CLEAR_OF_FOOTER_PX = 72;

/**
 * Most urgent first: timed items about to happen (a bid deadline in two hours), then the day's
 * items, then later ones, then overdue ones, most recent first.
 */
function byUrgency(items: CalendarItem[], today: string): CalendarItem[] {
  const rank = (i: CalendarItem) => (i.overdue ? 3 : i.dueAt ? 0 : i.dueOn <= today ? 1 : 2);
  const at = (i: CalendarItem) => i.dueAt ?? i.dueOn;
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.overdue ? at(b).localeCompare(at(a)) : at(a).localeCompare(at(b))) ||
      a.id - b.id,
  );
}

export function ReminderWatcher() {
  const t = useT();
  const { lang } = useLang();
  const label = useEnumLabel();
  const { user } = useSession();
  const { message } = App.useApp();
  const { path, navigate } = useHashRoute();
  const openItem = useOpenItem();
  const [api, holder] = notification.useNotification({
    placement: 'bottomRight',
    bottom: CLEAR_OF_FOOTER_PX,
    stack: false,
  });
  const checking = useRef(false);

  const dismiss = async (item: CalendarItem) => {
    const r = await call('reminders.dismiss', { deadlineId: item.id });
    if (r.ok) api.destroy(`reminder-${item.id}`);
    else void message.error(`${t('reminder.dismissFailed')}: ${errorText(r.error, t)}`);
  };

  const show = (item: CalendarItem, today: string, now: number) => {
    const key = `reminder-${item.id}`;
    const when = whenText(item, today, now, t);
    const time = timeOf(item);
    const date = `${formatDate(item.dueOn, lang)}${time ? ` ${time}` : ''}`;
    const open = () => {
      api.destroy(key);
      openItem(item);
    };
    api.open({
      key,
      duration: false,
      style: { width: WIDTH_PX },
      props: { 'data-testid': `reminder-${item.id}` },
      title: (
        <span className="reminder__title">
          <KindTag kind={item.kind} />
          <span className={`reminder__when${item.overdue ? ' is-overdue' : ''}`}>{when}</span>
        </span>
      ),
      description: (
        <div>
          <div className="reminder__text">{itemTitle(item, lang)}</div>
          <div className="reminder__sub">
            {[item.accountName, date].filter(Boolean).join(' · ')}
          </div>
        </div>
      ),
      actions: (
        <Space>
          <Button
            size="small"
            onClick={() => void dismiss(item)}
            data-testid={`reminder-dismiss-${item.id}`}
          >
            {t('reminder.dismiss')}
          </Button>
          <Button
            size="small"
            type="primary"
            onClick={open}
            data-testid={`reminder-open-${item.id}`}
          >
            {t('reminder.open')}
          </Button>
        </Space>
      ),
    });
    void notifyDesktop({
      title: `${label(DEADLINE_KINDS, item.kind)} · ${when}`,
      body: [
        itemTitle(item, lang),
        item.accountName !== null && !item.title.includes(item.accountName)
          ? item.accountName
          : null,
        date,
      ]
        .filter(Boolean)
        .join('\n'),
      tag: `keyfleet-${key}`,
      onClick: () => openItem(item),
    });
  };

  const showSummary = (rest: CalendarItem[]) => {
    const overdue = rest.filter((i) => i.overdue).length;
    const body =
      overdue > 0 ? t('reminder.moreBodyOverdue', { n: overdue }) : t('reminder.moreBody');
    const count = rest.length;
    const open = () => {
      api.destroy(MORE_KEY);
      navigate('/my-day');
    };
    api.open({
      key: MORE_KEY,
      duration: false,
      style: { width: WIDTH_PX },
      props: { 'data-testid': MORE_KEY },
      title: t('reminder.more', { n: count }),
      description: body,
      actions: (
        <Button size="small" type="primary" onClick={open} data-testid="reminder-more-open">
          {t('reminder.moreOpen')}
        </Button>
      ),
    });
    void notifyDesktop({
      title: t('reminder.more', { n: count }),
      body,
      tag: `keyfleet-${MORE_KEY}`,
      onClick: () => navigate('/my-day'),
    });
  };

  const check = useEffectEvent(async () => {
    // A focus during a poll must not show the same reminders twice.
    if (checking.current) return;
    checking.current = true;
    try {
      const r = await call('reminders.due', {});
      // Reminders are a courtesy: a failed poll is simply tried again at the next one.
      if (!r.ok) return;
      const shown = loadShown(user.id);
      const today = chinaDate();
      const now = Date.now();
      const fresh = byUrgency(
        r.value.items.filter((i) => !shown.has(reminderKey(i))),
        today,
      );
      if (fresh.length === 0) return;
      markShown(user.id, fresh.map(reminderKey));
      const single = fresh.length > MAX_AT_ONCE ? fresh.slice(0, MAX_AT_ONCE - 1) : fresh;
      for (const item of single) show(item, today, now);
      if (fresh.length > single.length) showSummary(fresh.slice(single.length));
    } finally {
      checking.current = false;
    }
  });

  useEffect(() => {
    void check();
    const timer = window.setInterval(() => void check(), POLL_MS);
    const onFocus = () => void check();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [user.id]);

  // On My day the summary has done its job.
  const onMyDay = path === '/my-day';
  useEffect(() => {
    if (onMyDay) api.destroy(MORE_KEY);
  }, [onMyDay, api]);

  return holder;
}
