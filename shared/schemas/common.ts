import { z } from 'zod';
import {
  isValidIsoDate,
  isValidIsoDateTime,
  MAX_YEAR,
  MIN_YEAR,
  toUtcInstant,
} from '../values/date';

export const id = z.number().int().positive();

/** Trimmed text; an empty string counts as missing. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), text(max).nullable())
    .default(null);

/*
 * The one schema of a date and of a date-time in every method input and list filter: a real
 * calendar date within 1900–2199 (shared/values/date.ts), so an impossible one is a VALIDATION
 * error naming the field (code `invalid_date`) and is never stored nor reaches a query.
 */
const INVALID_DATE = {
  message: `not a real date between ${MIN_YEAR} and ${MAX_YEAR}`,
  params: { reason: 'invalid_date' },
};
const INVALID_DATE_TIME = {
  message: `not a real date and time between ${MIN_YEAR} and ${MAX_YEAR}`,
  params: { reason: 'invalid_date' },
};

/** YYYY-MM-DD that exists on the calendar. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD', abort: true })
  .refine(isValidIsoDate, INVALID_DATE);

/** An instant with an explicit zone (Z or ±hh:mm), real date and time, stored as UTC (…Z). */
export const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'expected an ISO date-time with Z or an offset',
    abort: true,
  })
  .refine(isValidIsoDateTime, { ...INVALID_DATE_TIME, abort: true })
  .overwrite(toUtcInstant);

/** A list filter's bound: a whole day (YYYY-MM-DD) or an instant. */
export const isoDateOrDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/, {
    message: 'expected YYYY-MM-DD or an ISO date-time with Z or an offset',
    abort: true,
  })
  .refine((v) => (v.length === 10 ? isValidIsoDate(v) : isValidIsoDateTime(v)), {
    ...INVALID_DATE_TIME,
    abort: true,
  })
  .overwrite(toUtcInstant);
export const timestamp = z.string();

export const ref = z.object({ id, name: z.string() });

/**
 * The row version a form was loaded with (electron/db/row-version.ts): updates require it and are
 * refused as stale (CONFLICT, naming who changed the record and when) when the row moved on.
 */
export const version = z.number().int().min(1);

export type Ref = z.infer<typeof ref>;

export const empty = z.object({}).strict().default({});
