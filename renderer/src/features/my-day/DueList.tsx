/** A list of my day's items (due on the day, or overdue) with their quick actions. */
import { CheckOutlined, ExportOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Empty, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { daysBetween } from '../calendar/calendar-dates';
import { itemTitle, timeOf, titleWithoutAccount } from '../calendar/item-text';
import { KindTag } from '../calendar/KindTag';

interface Props {
  items: CalendarItem[];
  /** The day looked at: overdue items say how long ago they fell due. */
  date: string;
  overdueList?: boolean;
  showOwner?: boolean;
  empty: { title: string; hint: string };
  busyId: number | null;
  onOpen: (item: CalendarItem) => void;
  onFollowUp: (item: CalendarItem) => void;
  onComplete: (item: CalendarItem) => void;
  testId: string;
  footer?: ReactNode;
}

export function DueList(props: Props) {
  const { items, date, overdueList = false, empty, testId, footer } = props;
  const t = useT();
  const { lang } = useLang();
  return (
    <div className="md-list" data-testid={testId} data-count={items.length}>
      {items.length === 0 ? (
        <Empty
          className="md-list__empty"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <div className="md-list__empty-title">{empty.title}</div>
              <div className="md-list__empty-hint">{empty.hint}</div>
            </>
          }
        />
      ) : (
        items.map((item) => (
          <Row
            key={item.id}
            {...props}
            item={item}
            when={
              overdueList ? (
                <>
                  <span className="md-item__date">{formatDate(item.dueOn, lang)}</span>
                  <span className="md-item__late">
                    {t('myDay.daysOverdue', { n: daysBetween(item.dueOn, date) })}
                  </span>
                </>
              ) : (
                <span className={timeOf(item) ? 'md-item__time' : 'md-item__allday'}>
                  {timeOf(item) ?? t('myDay.allDay')}
                </span>
              )
            }
          />
        ))
      )}
      {footer}
    </div>
  );
}

function Row(props: Props & { item: CalendarItem; when: ReactNode }) {
  const { item, when, showOwner, busyId, onOpen, onFollowUp, onComplete } = props;
  const t = useT();
  const { lang } = useLang();
  const open = !item.done;
  const classes = ['md-item', item.done ? 'is-done' : '', item.overdue ? 'is-overdue' : ''];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid={`myday-item-${item.id}`}
      data-kind={item.kind}
      data-due={item.dueOn}
    >
      <div className="md-item__when">{when}</div>
      <div className="md-item__main">
        <div className="md-item__top">
          <KindTag kind={item.kind} />
          <button
            type="button"
            className="md-item__title"
            title={itemTitle(item, lang)}
            onClick={() => onOpen(item)}
            data-testid={`myday-title-${item.id}`}
          >
            {titleWithoutAccount(item, lang)}
          </button>
          {item.done && <Tag>{t('myDay.done')}</Tag>}
        </div>
        <div className="md-item__sub">
          {[item.accountName, showOwner ? item.ownerName : null].filter(Boolean).join(' · ')}
        </div>
      </div>
      <div className="md-item__actions">
        {open && item.kind === 'follow_up' && (
          <Button
            size="small"
            icon={<PhoneOutlined />}
            onClick={() => onFollowUp(item)}
            data-testid={`myday-followup-${item.id}`}
          >
            {t('myDay.recordFollowUp')}
          </Button>
        )}
        {open && item.kind === 'next_step' && (
          <Button
            size="small"
            icon={<CheckOutlined />}
            loading={busyId === item.id}
            onClick={() => onComplete(item)}
            data-testid={`myday-complete-${item.id}`}
          >
            {t('myDay.complete')}
          </Button>
        )}
        <Tooltip title={t('myDay.open')}>
          <Button
            size="small"
            type="text"
            icon={<ExportOutlined />}
            aria-label={t('myDay.open')}
            onClick={() => onOpen(item)}
            data-testid={`myday-open-${item.id}`}
          />
        </Tooltip>
      </div>
    </div>
  );
}
