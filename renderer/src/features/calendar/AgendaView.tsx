/** 列表: the agenda, every item of the range grouped under its day. */
import { Tag } from 'antd';
import { useEffect, useRef } from 'react';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import { useLang, useT } from '../../i18n/context';
import { formatDay, itemTitle, timeOf, titleWithoutAccount } from './item-text';
import { KindTag } from './KindTag';

interface Props {
  byDay: Map<string, CalendarItem[]>;
  today: string;
  showOwner: boolean;
  onOpen: (item: CalendarItem) => void;
}

export function AgendaView({ byDay, today, showOwner, onOpen }: Props) {
  const t = useT();
  const { lang } = useLang();
  const days = [...byDay.keys()].sort();
  const ref = useRef<HTMLDivElement>(null);
  // A month that holds today opens at today (or the next day with items), not at its first day.
  const first = days[0];
  const start = first !== undefined && first < today ? days.find((d) => d >= today) : undefined;
  useEffect(() => {
    if (!start) return;
    ref.current
      ?.querySelector(`[data-testid="calendar-day-${start}"]`)
      ?.scrollIntoView({ block: 'start' });
  }, [start]);
  return (
    <div className="cal-agenda" ref={ref} data-testid="calendar-list">
      {days.map((day) => {
        const items = byDay.get(day) ?? [];
        return (
          <section key={day} className="cal-agenda__day" data-testid={`calendar-day-${day}`}>
            <header className={`cal-agenda__head${day === today ? ' is-today' : ''}`}>
              <span className="cal-agenda__date">
                {formatDay(day, t('calendar.dayFormat'), lang)}
              </span>
              {day === today && <Tag color="blue">{t('calendar.todayTag')}</Tag>}
              <span className="cal-agenda__count">
                {t('calendar.itemCount', { n: items.length })}
              </span>
            </header>
            {items.map((item) => (
              <AgendaRow key={item.id} item={item} showOwner={showOwner} onOpen={onOpen} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function AgendaRow(props: {
  item: CalendarItem;
  showOwner: boolean;
  onOpen: (item: CalendarItem) => void;
}) {
  const { item, showOwner, onOpen } = props;
  const t = useT();
  const { lang } = useLang();
  const classes = ['cal-row', item.overdue ? 'is-overdue' : '', item.done ? 'is-done' : ''];
  return (
    <button
      type="button"
      className={classes.filter(Boolean).join(' ')}
      onClick={() => onOpen(item)}
      data-testid={`calendar-item-${item.id}`}
      data-kind={item.kind}
      data-due={item.dueOn}
      data-overdue={item.overdue ? 'true' : undefined}
      data-done={item.done ? 'true' : undefined}
    >
      <span className="cal-row__time">{timeOf(item) ?? t('calendar.allDay')}</span>
      <span className="cal-row__kind">
        <KindTag kind={item.kind} />
      </span>
      <span className="cal-row__title" title={itemTitle(item, lang)}>
        {titleWithoutAccount(item, lang)}
      </span>
      <span className="cal-row__account" title={item.accountName ?? undefined}>
        {item.accountName ?? ''}
      </span>
      {showOwner && <span className="cal-row__owner">{item.ownerName ?? ''}</span>}
      <span className="cal-row__status">
        {item.overdue && <Tag color="red">{t('calendar.overdue')}</Tag>}
        {item.done && <Tag>{t('calendar.done')}</Tag>}
      </span>
    </button>
  );
}
