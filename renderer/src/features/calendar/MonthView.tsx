/**
 * 月: the month as a grid of whole weeks. Each day lists as many items as fit its cell as coloured
 * chips; the rest hide behind "+N" (counted from `perDay`, so it is right even when the list of
 * items was capped).
 */
import { Popover } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import { useLang, useT } from '../../i18n/context';
import { type VisibleRange, weeksOf } from './calendar-dates';
import { ItemDetails } from './ItemDetails';
import { formatDay, itemTitle, timeOf } from './item-text';
import { kindStyle } from './KindTag';

export interface DayCount {
  count: number;
  overdue: number;
}

interface Props {
  range: VisibleRange;
  /** Any day of the month shown; days of the weeks around it are dimmed. */
  anchor: string;
  today: string;
  byDay: Map<string, CalendarItem[]>;
  perDay: Map<string, DayCount>;
  onOpen: (item: CalendarItem) => void;
}

const DAY_HEAD_PX = 26;
const CHIP_PX = 21;
const CELL_PADDING_PX = 6;

/** How many chips fit a day cell, from the height the grid really has. */
function useChipsPerDay(weeks: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(3);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const rowHeight = el.clientHeight / weeks;
      setFit(Math.max(1, Math.floor((rowHeight - DAY_HEAD_PX - CELL_PADDING_PX) / CHIP_PX)));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [weeks]);
  return { ref, fit };
}

export function MonthView({ range, anchor, today, byDay, perDay, onOpen }: Props) {
  const { lang } = useLang();
  const weeks = weeksOf(range);
  const { ref, fit } = useChipsPerDay(weeks.length);
  const month = anchor.slice(0, 7);

  return (
    <div className="cal-month" data-testid="calendar-month">
      <div className="cal-month__head">
        {(weeks[0] ?? []).map((day) => (
          <div key={day} className="cal-month__weekday">
            {formatDay(day, 'ddd', lang)}
          </div>
        ))}
      </div>
      <div className="cal-month__body" ref={ref}>
        {weeks.map((week) => (
          <div key={week[0]} className="cal-month__week">
            {week.map((day) => (
              <DayCell
                key={day}
                day={day}
                inMonth={day.startsWith(month)}
                isToday={day === today}
                items={byDay.get(day) ?? []}
                count={perDay.get(day)}
                fit={fit}
                onOpen={onOpen}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function DayCell(props: {
  day: string;
  inMonth: boolean;
  isToday: boolean;
  items: CalendarItem[];
  count: DayCount | undefined;
  fit: number;
  onOpen: (item: CalendarItem) => void;
}) {
  const { day, inMonth, isToday, items, count, fit, onOpen } = props;
  const t = useT();
  const { lang } = useLang();
  const total = Math.max(count?.count ?? 0, items.length);
  // When not all fit, the last line is the "+N" button.
  const shown = total > fit ? items.slice(0, Math.max(0, fit - 1)) : items;
  const hidden = items.slice(shown.length);
  const hiddenCount = total - shown.length;
  const overdue = count?.overdue ?? 0;
  const weekend = new Date(`${day}T00:00:00Z`).getUTCDay() % 6 === 0;

  const classes = [
    'cal-day',
    inMonth ? '' : 'is-outside',
    isToday ? 'is-today' : '',
    weekend ? 'is-weekend' : '',
  ].filter(Boolean);

  return (
    <div className={classes.join(' ')} data-testid={`calendar-day-${day}`} data-count={total}>
      <div className="cal-day__head">
        <span className="cal-day__num">
          {day.endsWith('-01')
            ? formatDay(day, t('calendar.shortDate'), lang)
            : String(Number(day.slice(8)))}
        </span>
        {overdue > 0 && (
          <span className="cal-day__overdue" title={t('calendar.overdueCount', { n: overdue })}>
            {overdue}
          </span>
        )}
      </div>
      <div className="cal-day__items">
        {shown.map((item) => (
          <Chip key={item.id} item={item} onOpen={onOpen} />
        ))}
        {hiddenCount > 0 && (
          <Popover
            trigger="click"
            placement="right"
            destroyOnHidden
            title={t('calendar.moreTitle', {
              date: formatDay(day, t('calendar.dayFormat'), lang),
            })}
            content={
              <div className="cal-more-list">
                {hidden.map((item) => (
                  <Chip key={item.id} item={item} onOpen={onOpen} />
                ))}
                {hidden.length < hiddenCount && (
                  <div className="cal-more-list__note">{t('calendar.moreNotLoaded')}</div>
                )}
              </div>
            }
          >
            <button
              type="button"
              className="cal-more"
              aria-label={t('calendar.moreLabel', { n: hiddenCount })}
              data-testid={`calendar-more-${day}`}
            >
              {t('calendar.more', { n: hiddenCount })}
            </button>
          </Popover>
        )}
      </div>
    </div>
  );
}

function Chip({ item, onOpen }: { item: CalendarItem; onOpen: (item: CalendarItem) => void }) {
  const { lang } = useLang();
  const time = timeOf(item);
  const classes = ['cal-chip', item.overdue ? 'is-overdue' : '', item.done ? 'is-done' : ''];
  return (
    <Popover content={<ItemDetails item={item} />} mouseEnterDelay={0.45} placement="right">
      <button
        type="button"
        className={classes.filter(Boolean).join(' ')}
        style={kindStyle(item.kind)}
        onClick={() => onOpen(item)}
        data-testid={`calendar-item-${item.id}`}
        data-kind={item.kind}
        data-due={item.dueOn}
        data-overdue={item.overdue ? 'true' : undefined}
        data-done={item.done ? 'true' : undefined}
      >
        {time && <span className="cal-chip__time">{time}</span>}
        <span className="cal-chip__title">{itemTitle(item, lang)}</span>
      </button>
    </Popover>
  );
}
