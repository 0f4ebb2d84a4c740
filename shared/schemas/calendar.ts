import { z } from 'zod';
import { DEADLINE_KIND_VALUES } from '../sales-enums';
import { systemNote } from '../system-notes';
import { id, isoDate, timestamp } from './common';

/** What a deadline belongs to: the card the calendar opens. */
const DEADLINE_ENTITIES = [
  'tender',
  'contract',
  'opportunity',
  'activity',
  'follow_up',
  'claim',
] as const;
export type DeadlineEntity = (typeof DEADLINE_ENTITIES)[number];

export const calendarItem = z.object({
  id,
  kind: z.enum(DEADLINE_KIND_VALUES),
  /** The business day (China time) the item falls on. */
  dueOn: isoDate,
  /** The exact moment, for timed items (bid deadline, opening). */
  dueAt: timestamp.nullable(),
  /** Names only (a project or contract number, a unit): language-neutral. */
  title: z.string(),
  /** A coded qualifier of the title (a follow-up's day), worded in the reader's language. */
  note: systemNote.nullable(),
  accountId: id.nullable(),
  accountName: z.string().nullable(),
  entity: z.enum(DEADLINE_ENTITIES),
  entityId: id,
  /** The card to open for it (a follow-up opens its contract). */
  target: z.object({
    entity: z.enum(['tender', 'contract', 'opportunity', 'activity', 'claim']),
    id,
  }),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  done: z.boolean(),
  overdue: z.boolean(),
});
export type CalendarItem = z.infer<typeof calendarItem>;

export const calendarQuery = z
  .object({
    from: isoDate,
    to: isoDate,
    /** null: everybody's. */
    ownerId: id.nullable().default(null),
    kinds: z.array(z.enum(DEADLINE_KIND_VALUES)).max(DEADLINE_KIND_VALUES.length).optional(),
    includeDone: z.boolean().default(true),
    limit: z.number().int().min(1).max(5000).default(2000),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'range.reversed' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, {
    path: ['to'],
    message: 'range.too_long',
  });

export const calendarPage = z.object({
  items: z.array(calendarItem),
  total: z.number().int(),
  /** Items per day over the whole range (the month view's badges even when items are capped). */
  perDay: z.array(z.object({ dueOn: isoDate, count: z.number().int(), overdue: z.number().int() })),
});
export type CalendarPage = z.infer<typeof calendarPage>;

export const reminder = calendarItem;
export const remindersDue = z.object({ items: z.array(reminder), leadHours: z.number().int() });
