/** What a calendar item is, in full: the tooltip of a chip or card that only shows its title. */
import type { CalendarItem } from '../../../../shared/schemas/calendar';
import { useLang, useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { itemTitle, timeOf } from './item-text';
import { KindTag } from './KindTag';

export function ItemDetails({ item }: { item: CalendarItem }) {
  const t = useT();
  const { lang } = useLang();
  const time = timeOf(item);
  return (
    <div className="cal-details">
      <div className="cal-details__head">
        <KindTag kind={item.kind} />
        <span className="cal-details__when">
          {formatDate(item.dueOn, lang)}
          {time ? ` ${time}` : ''}
        </span>
      </div>
      <div className="cal-details__title">{itemTitle(item, lang)}</div>
      {item.accountName && (
        <div className="cal-details__line">
          {t('calendar.accountOf', { name: item.accountName })}
        </div>
      )}
      {item.ownerName && (
        <div className="cal-details__line">{t('calendar.ownerOf', { name: item.ownerName })}</div>
      )}
      {(item.overdue || item.done) && (
        <div className={item.overdue ? 'cal-details__overdue' : 'cal-details__done'}>
          {item.overdue ? t('calendar.overdue') : t('calendar.done')}
        </div>
      )}
    </div>
  );
}
