/**
 * Reminders: every minute and whenever the window regains focus, asks for my items due soon or
 * overdue and keeps them in a tray at the bottom of the left menu. Collapsed, the tray is a small
 * bell with a count inside the menu's column, so it covers nothing of the page; new reminders open
 * it for a while (and, in the desktop app, raise a system notification), then it folds itself away
 * again unless the pointer or the keyboard is in it. It sits below drawers and dialogs, whose
 * buttons it therefore never hides. Each reminder has 打开 and 不再提醒.
 */
import { BellOutlined, DownOutlined } from '@ant-design/icons';
import { App, Badge, Button } from 'antd';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import { DEADLINE_KINDS } from '../../../../shared/sales-enums';
import { call } from '../../api/client';
import { errorText } from '../../api/errors';
import { useSession } from '../../app/session';
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { useHashRoute } from '../../lib/use-hash-route';
import { useReducedMotion } from '../../lib/use-reduced-motion';
import { notifyDesktop } from './desktop-notify';
import { itemTitle, timeOf, titleWithoutAccount, whenText } from './item-text';
import { KindTag } from './KindTag';
import { loadShown, markShown, reminderKey } from './reminder-log';
import { useOpenItem } from './use-open-item';
import './calendar.css';

const POLL_MS = 60_000;
/** The tray lists the most urgent ones; the rest are counted and listed in My day. */
const MAX_IN_TRAY = 8;
/** More new ones than this at once: one desktop notification sums up the rest. */
const MAX_DESKTOP_AT_ONCE = 3;
/** How long new reminders keep the tray open when nobody touches it. */
export const TRAY_OPEN_MS = 12_000;
const PANEL_ID = 'reminder-tray-panel';

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
  const still = useReducedMotion();
  /** The reminders of the latest poll, with the moment it was made ("in 2 hours" counts from it). */
  const [poll, setPoll] = useState<{ items: CalendarItem[]; today: string; now: number }>({
    items: [],
    today: '',
    now: 0,
  });
  const { items } = poll;
  const dropItem = (id: number) =>
    setPoll((p) => ({ ...p, items: p.items.filter((i) => i.id !== id) }));
  /** Closed, opened by new reminders (folds itself away) or by the user (stays until closed). */
  const [openedBy, setOpenedBy] = useState<'arrival' | 'user' | null>(null);
  const open = openedBy !== null;
  /** Bumped by each arrival: the tray stays open for TRAY_OPEN_MS after the latest one. */
  const [arrival, setArrival] = useState(0);
  /** The pointer or the focus is in the tray: it does not fold away under the user's hand. */
  const [held, setHeld] = useState({ pointer: false, focus: false });
  const [announcement, setAnnouncement] = useState('');
  /** Opened from the tray in this window: done with, for now (不再提醒 is for good). */
  const opened = useRef(new Set<number>());
  const checking = useRef(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const onMyDay = path === '/my-day';

  const collapse = (returnFocus: boolean) => {
    setOpenedBy(null);
    if (returnFocus) toggleRef.current?.focus();
  };

  const dismiss = async (item: CalendarItem) => {
    const r = await call('reminders.dismiss', { deadlineId: item.id });
    if (r.ok) dropItem(item.id);
    else void message.error(`${t('reminder.dismissFailed')}: ${errorText(r.error, t)}`);
  };

  const openOne = (item: CalendarItem) => {
    opened.current.add(item.id);
    dropItem(item.id);
    setOpenedBy(null);
    openItem(item);
  };

  const dateOf = (item: CalendarItem) => {
    const time = timeOf(item);
    return `${formatDate(item.dueOn, lang)}${time ? ` ${time}` : ''}`;
  };

  const notifyNew = (fresh: CalendarItem[], today: string, now: number) => {
    const single =
      fresh.length > MAX_DESKTOP_AT_ONCE ? fresh.slice(0, MAX_DESKTOP_AT_ONCE - 1) : fresh;
    for (const item of single) {
      const title = itemTitle(item, lang);
      void notifyDesktop({
        title: `${label(DEADLINE_KINDS, item.kind)} · ${whenText(item, today, now, t)}`,
        body: [
          title,
          item.accountName !== null && !title.includes(item.accountName) ? item.accountName : null,
          dateOf(item),
        ]
          .filter(Boolean)
          .join('\n'),
        tag: `keyfleet-reminder-${item.id}`,
        onClick: () => openOne(item),
      });
    }
    const rest = fresh.slice(single.length);
    if (rest.length === 0) return;
    const overdue = rest.filter((i) => i.overdue).length;
    void notifyDesktop({
      title: t('reminder.more', { n: rest.length }),
      body: overdue > 0 ? t('reminder.moreBodyOverdue', { n: overdue }) : t('reminder.moreBody'),
      tag: 'keyfleet-reminder-more',
      onClick: () => navigate('/my-day'),
    });
  };

  const check = useEffectEvent(async () => {
    // A focus during a poll must not count the same reminders as new twice.
    if (checking.current) return;
    checking.current = true;
    try {
      const r = await call('reminders.due', {});
      // Reminders are a courtesy: a failed poll is simply tried again at the next one.
      if (!r.ok) return;
      const today = chinaDate();
      const now = Date.now();
      const current = byUrgency(
        r.value.items.filter((i) => !opened.current.has(i.id)),
        today,
      );
      setPoll({ items: current, today, now });
      const shown = loadShown(user.id);
      const fresh = current.filter((i) => !shown.has(reminderKey(i)));
      if (fresh.length === 0) return;
      markShown(user.id, fresh.map(reminderKey));
      setAnnouncement(t('reminder.trayArrived', { n: fresh.length }));
      notifyNew(fresh, today, now);
      // On My day the same items are the page itself: the count says enough.
      if (!onMyDay) {
        setOpenedBy((by) => by ?? 'arrival');
        setArrival((n) => n + 1);
      }
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

  // Opened by new reminders, the tray folds away after a while unless the user is in it.
  const holding = held.pointer || held.focus;
  useEffect(() => {
    if (openedBy !== 'arrival' || holding) return;
    const timer = window.setTimeout(() => setOpenedBy(null), TRAY_OPEN_MS);
    return () => window.clearTimeout(timer);
  }, [openedBy, holding, arrival]);

  // Going to My day folds it: the page lists the same items.
  const [wasOnMyDay, setWasOnMyDay] = useState(onMyDay);
  if (onMyDay !== wasOnMyDay) {
    setWasOnMyDay(onMyDay);
    if (onMyDay) setOpenedBy(null);
  }

  if (items.length === 0)
    return (
      <div className="sr-only" aria-live="polite">
        {announcement}
      </div>
    );

  const listed = items.slice(0, MAX_IN_TRAY);
  const more = items.length - listed.length;
  const overdue = items.filter((i) => i.overdue).length;
  const buttonLabel =
    overdue > 0
      ? t('reminder.trayButtonOverdue', { n: items.length, overdue })
      : t('reminder.trayButton', { n: items.length });

  return (
    <div
      className={`reminder-tray${open ? ' is-open' : ''}${still ? ' is-still' : ''}`}
      data-testid="reminder-tray"
      data-open={open ? 'true' : 'false'}
      onPointerEnter={() => setHeld((h) => ({ ...h, pointer: true }))}
      onPointerLeave={() => setHeld((h) => ({ ...h, pointer: false }))}
      onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null))
          setHeld((h) => ({ ...h, focus: false }));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          collapse(true);
        }
      }}
    >
      <div className="sr-only" aria-live="polite">
        {announcement}
      </div>
      {open && (
        <section
          id={PANEL_ID}
          className="reminder-tray__panel"
          aria-label={t('reminder.tray')}
          data-testid="reminder-tray-panel"
        >
          <header className="reminder-tray__head">
            <span className="reminder-tray__heading">
              {t('reminder.tray')} <span className="reminder-tray__count">{items.length}</span>
            </span>
            <Button
              type="text"
              size="small"
              icon={<DownOutlined />}
              aria-label={t('reminder.trayCollapse')}
              title={t('reminder.trayCollapse')}
              onClick={() => collapse(true)}
              data-testid="reminder-tray-collapse"
            />
          </header>
          <ul className="reminder-tray__list">
            {listed.map((item) => (
              <li key={item.id} className="reminder" data-testid={`reminder-${item.id}`}>
                <div className="reminder__title">
                  <KindTag kind={item.kind} />
                  <span className={`reminder__when${item.overdue ? ' is-overdue' : ''}`}>
                    {whenText(item, poll.today, poll.now, t)}
                  </span>
                </div>
                <div className="reminder__text">{titleWithoutAccount(item, lang)}</div>
                <div className="reminder__sub">
                  {[item.accountName, dateOf(item)].filter(Boolean).join(' · ')}
                </div>
                <div className="reminder__actions">
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
                    onClick={() => openOne(item)}
                    data-testid={`reminder-open-${item.id}`}
                  >
                    {t('reminder.open')}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
          {more > 0 && (
            <Button
              type="link"
              size="small"
              className="reminder-tray__more"
              onClick={() => {
                setOpenedBy(null);
                navigate('/my-day');
              }}
              data-testid="reminder-more-open"
            >
              {t('reminder.trayMore', { n: more })}
            </Button>
          )}
        </section>
      )}
      <Badge count={items.length} size="small" color={overdue > 0 ? '#cf1322' : '#1f5fbf'}>
        <Button
          ref={toggleRef}
          shape="circle"
          icon={<BellOutlined />}
          className="reminder-tray__toggle"
          aria-expanded={open}
          aria-controls={open ? PANEL_ID : undefined}
          aria-label={buttonLabel}
          title={buttonLabel}
          onClick={() => (open ? collapse(false) : setOpenedBy('user'))}
          data-testid="reminder-tray-toggle"
        />
      </Badge>
    </div>
  );
}
