/**
 * The facts an amendment (更正公告) may change, with their labels and how their values read, for
 * the amendment dialog and the amendment list (which shows old → new).
 */
import { useCallback } from 'react';
import type { TenderSchedule } from '../../../../shared/schemas/tenders';
import { useLang } from '../../i18n/context';
import type { MessageKey } from '../../i18n/messages-zh';
import { formatDate, formatDateTime } from '../../lib/format';
import { useMoney } from './money-format';

export type ScheduleField = keyof TenderSchedule;

type Kind = 'money' | 'date' | 'instant' | 'text';

/** In the order of the tender's life, budget first. */
export const SCHEDULE_FIELDS: readonly { field: ScheduleField; kind: Kind; label: MessageKey }[] = [
  { field: 'budgetFen', kind: 'money', label: 'tenders.f.budgetFen' },
  { field: 'intentionOn', kind: 'date', label: 'tenders.f.intentionOn' },
  { field: 'announcedOn', kind: 'date', label: 'tenders.f.announcedOn' },
  { field: 'docSaleStartOn', kind: 'date', label: 'tenders.f.docSaleStartOn' },
  { field: 'docSaleEndOn', kind: 'date', label: 'tenders.f.docSaleEndOn' },
  { field: 'bidDeadlineAt', kind: 'instant', label: 'tenders.f.bidDeadlineAt' },
  { field: 'openingAt', kind: 'instant', label: 'tenders.f.openingAt' },
  { field: 'openingPlace', kind: 'text', label: 'tenders.f.openingPlace' },
];

const BY_FIELD = new Map<string, (typeof SCHEDULE_FIELDS)[number]>(
  SCHEDULE_FIELDS.map((f) => [f.field, f]),
);

export function scheduleField(field: string) {
  return BY_FIELD.get(field);
}

/** A recorded value (from an amendment's before/after) as the user reads it; '' for none. */
export function useScheduleValue(): (field: string, value: unknown) => string {
  const { lang } = useLang();
  const money = useMoney();
  return useCallback(
    (field: string, value: unknown) => {
      if (value === null || value === undefined || value === '') return '';
      const kind = BY_FIELD.get(field)?.kind ?? 'text';
      if (kind === 'money' && typeof value === 'number') return money.wan(value);
      if (kind === 'date' && typeof value === 'string') return formatDate(value, lang);
      if (kind === 'instant' && typeof value === 'string') return formatDateTime(value, lang);
      return typeof value === 'string' ? value : JSON.stringify(value);
    },
    [lang, money],
  );
}
