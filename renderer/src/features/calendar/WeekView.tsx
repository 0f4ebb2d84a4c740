/**
 * 周: seven day columns. Whole-day items (a delivery due, a follow-up) come first, then the timed
 * ones (bid deadline, opening) in time order with their time.
 */
import { useEnumLabel, useLang, useT } from '../../i18n/context';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import { DEADLINE_KINDS } from '../../../../shared/sales-enums';
import { dayRange, type VisibleRange } from './calendar-dates';
import { formatDay, itemTitle, timeOf, titleWithoutAccount } from './item-text';
import { kindStyle } from './KindTag';

interface Props {
  range: VisibleRange;
  today: string;
  byDay: Map<string, CalendarItem[]>;
  showOwner: boolean;
  onOpen: (item: CalendarItem) => void;
}

/** Whole-day items first, then by time. */
function inDayOrder(items: CalendarItem[]): CalendarItem[] {
  return [...items].sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.id - b.id);
}

export function WeekView({ range, today, byDay, showOwner, onOpen }: Props) {
  const t = useT();
  const { lang } = useLang();
  return (
    <div className="cal-week" data-testid="calendar-week">
      {dayRange(range.from, range.to).map((day) => {
        const items = inDayOrder(byDay.get(day) ?? []);
        const isToday = day === today;
        return (
          <section
            key={day}
            className={`cal-week__day${isToday ? ' is-today' : ''}`}
            data-testid={`calendar-day-${day}`}
            data-count={items.length}
          >
            <header className="cal-week__head">
              <span className="cal-week__weekday">{formatDay(day, 'ddd', lang)}</span>
              <span className="cal-week__date">{formatDay(day, 'D', lang)}</span>
              {items.length > 0 && (
                <span className="cal-week__count">
                  {t('calendar.itemCount', { n: items.length })}
                </span>
              )}
            </header>
            <div className="cal-week__items">
              {items.map((item) => (
                <WeekCard key={item.id} item={item} showOwner={showOwner} onOpen={onOpen} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}

function WeekCard(props: {
  item: CalendarItem;
  showOwner: boolean;
  onOpen: (item: CalendarItem) => void;
}) {
  const { item, showOwner, onOpen } = props;
  const t = useT();
  const label = useEnumLabel();
  const { lang } = useLang();
  const time = timeOf(item);
  const classes = ['cal-card', item.overdue ? 'is-overdue' : '', item.done ? 'is-done' : ''];
  return (
    <button
      type="button"
      className={classes.filter(Boolean).join(' ')}
      style={kindStyle(item.kind)}
      onClick={() => onOpen(item)}
      title={itemTitle(item, lang)}
      data-testid={`calendar-item-${item.id}`}
      data-kind={item.kind}
      data-due={item.dueOn}
      data-overdue={item.overdue ? 'true' : undefined}
      data-done={item.done ? 'true' : undefined}
    >
      <span className="cal-card__meta">
        <span className={time ? 'cal-card__time' : 'cal-card__allday'}>
          {time ?? t('calendar.allDay')}
        </span>
        <span className="cal-card__kind">{label(DEADLINE_KINDS, item.kind)}</span>
      </span>
      <span className="cal-card__title">{titleWithoutAccount(item, lang)}</span>
      {item.accountName && <span className="cal-card__sub">{item.accountName}</span>}
      {showOwner && item.ownerName && <span className="cal-card__sub">{item.ownerName}</span>}
      {item.overdue && <span className="cal-card__flag">{t('calendar.overdue')}</span>}
    </button>
  );
}
