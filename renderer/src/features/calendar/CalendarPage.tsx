/**
 * 日程: every dated item of the sales work (tender dates, bond refunds, deliveries, follow-ups,
 * next steps, expected closes) as a month grid, a week or an agenda. One `calendar.list` call per
 * visible range; clicking an item opens its card.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Segmented, Spin, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { chinaDate } from '../../../../shared/dates';
import type { Input } from '../../../../shared/api';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import type { DeadlineKind } from '../../../../shared/sales-enums';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang, useT } from '../../i18n/context';
import { formatCount } from '../../lib/format';
import { AgendaView } from './AgendaView';
import { type CalendarView, shiftAnchor, visibleRange } from './calendar-dates';
import { KindLegend, type OwnerChoice, OwnerSelect, ShowDoneSwitch } from './CalendarFilters';
import { formatDay, groupByDay } from './item-text';
import { ALL_KINDS } from './kinds';
import { type DayCount, MonthView } from './MonthView';
import { useCalendarPage } from './use-calendar-page';
import { useOpenItem } from './use-open-item';
import { WeekView } from './WeekView';
import './calendar.css';

/** Enough for a month of a busy team; beyond it the grid still counts from `perDay`. */
const ITEM_LIMIT = 5000;
const NO_ITEMS: CalendarItem[] = [];

export function CalendarPage() {
  const t = useT();
  const { lang } = useLang();
  const { user } = useSession();
  const openItem = useOpenItem();
  const today = chinaDate();
  const [view, setView] = useState<CalendarView>('month');
  const [anchor, setAnchor] = useState(today);
  // Managers plan for the team; specialists for themselves.
  const [owner, setOwner] = useState<OwnerChoice>(user.role === 'specialist' ? 'me' : 'all');
  const [kinds, setKinds] = useState<DeadlineKind[]>([...ALL_KINDS]);
  const [showDone, setShowDone] = useState(true);

  const range = visibleRange(view, anchor);
  const ownerId = owner === 'me' ? user.id : owner === 'all' ? null : Number(owner);
  const query: Input<'calendar.list'> | null =
    kinds.length === 0
      ? null
      : {
          from: range.from,
          to: range.to,
          ownerId,
          ...(kinds.length < ALL_KINDS.length ? { kinds } : {}),
          includeDone: showDone,
          limit: ITEM_LIMIT,
        };
  const { page: lastPage, error, loading, reload } = useCalendarPage(query);
  // With no kind ticked nothing is asked for, and nothing shown.
  const page = query ? lastPage : null;
  const items = page?.items ?? NO_ITEMS;
  const byDay = useMemo(() => groupByDay(items), [items]);
  const perDay = useMemo(
    () =>
      new Map<string, DayCount>(
        (page?.perDay ?? []).map((d) => [d.dueOn, { count: d.count, overdue: d.overdue }]),
      ),
    [page],
  );
  const showOwner = ownerId === null;

  const title =
    view === 'week'
      ? t('calendar.weekRange', {
          from: formatDay(range.from, t('calendar.longDate'), lang),
          to: formatDay(range.to, t('calendar.shortDate'), lang),
        })
      : formatDay(anchor, t('calendar.monthFormat'), lang);
  const step = (dir: -1 | 1) => setAnchor((a) => shiftAnchor(view, a, dir));
  const capped = page && page.items.length < page.total;

  return (
    <div className="page page--fill cal-page" data-testid="calendar-page">
      <div className="cal-toolbar">
        <Button onClick={() => setAnchor(today)} data-testid="calendar-today">
          {t('calendar.today')}
        </Button>
        <span className="cal-toolbar__nav">
          <Tooltip title={view === 'week' ? t('calendar.prevWeek') : t('calendar.prevMonth')}>
            <Button
              type="text"
              icon={<LeftOutlined />}
              onClick={() => step(-1)}
              aria-label={view === 'week' ? t('calendar.prevWeek') : t('calendar.prevMonth')}
              data-testid="calendar-prev"
            />
          </Tooltip>
          <Tooltip title={view === 'week' ? t('calendar.nextWeek') : t('calendar.nextMonth')}>
            <Button
              type="text"
              icon={<RightOutlined />}
              onClick={() => step(1)}
              aria-label={view === 'week' ? t('calendar.nextWeek') : t('calendar.nextMonth')}
              data-testid="calendar-next"
            />
          </Tooltip>
        </span>
        <h2 className="cal-toolbar__title" data-testid="calendar-title">
          {title}
        </h2>
        {loading && <Spin size="small" />}
        <span className="cal-toolbar__spacer" />
        {page && (
          <span className="cal-toolbar__total" data-testid="calendar-total" data-total={page.total}>
            {t('calendar.total', { n: formatCount(page.total, lang) })}
          </span>
        )}
        <OwnerSelect value={owner} onChange={setOwner} />
        <ShowDoneSwitch value={showDone} onChange={setShowDone} />
        <Segmented<CalendarView>
          value={view}
          onChange={setView}
          options={[
            {
              value: 'month',
              label: <span data-testid="calendar-view-month">{t('calendar.viewMonth')}</span>,
            },
            {
              value: 'week',
              label: <span data-testid="calendar-view-week">{t('calendar.viewWeek')}</span>,
            },
            {
              value: 'list',
              label: <span data-testid="calendar-view-list">{t('calendar.viewList')}</span>,
            },
          ]}
        />
      </div>
      <KindLegend value={kinds} onChange={setKinds} />

      {error && (
        <ErrorAlert
          error={error}
          className="gap-bottom"
          action={<Button onClick={reload}>{t('common.retry')}</Button>}
          data-testid="calendar-error"
        />
      )}
      {!query && (
        <Alert type="info" showIcon title={t('calendar.noKinds')} className="gap-bottom" />
      )}
      {capped && (
        <Alert
          type="warning"
          showIcon
          className="gap-bottom"
          title={t('calendar.capped', {
            total: formatCount(page.total, lang),
            shown: formatCount(page.items.length, lang),
          })}
        />
      )}

      <div className={`cal-body${loading ? ' is-loading' : ''}`}>
        {view === 'month' && (
          <MonthView
            range={range}
            anchor={anchor}
            today={today}
            byDay={byDay}
            perDay={perDay}
            onOpen={openItem}
          />
        )}
        {view === 'week' && (
          <WeekView
            range={range}
            today={today}
            byDay={byDay}
            showOwner={showOwner}
            onOpen={openItem}
          />
        )}
        {view === 'list' && (
          <AgendaView byDay={byDay} today={today} showOwner={showOwner} onOpen={openItem} />
        )}
        {view === 'list' && page && !loading && items.length === 0 && (
          <div className="cal-empty" data-testid="calendar-empty">
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  <div>{t('calendar.empty')}</div>
                  {(ownerId !== null || kinds.length < ALL_KINDS.length || !showDone) && (
                    <div className="cal-empty__hint">{t('calendar.emptyFiltered')}</div>
                  )}
                </>
              }
            />
          </div>
        )}
      </div>
    </div>
  );
}
