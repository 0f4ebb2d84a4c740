import { z } from 'zod';

export const id = z.number().int().positive();

/** Trimmed text; an empty string counts as missing. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) =>
  z
    .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), text(max).nullable())
    .default(null);

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const timestamp = z.string();

export const ref = z.object({ id, name: z.string() });

/**
 * The row version a form was loaded with (electron/db/row-version.ts): updates require it and are
 * refused as stale (CONFLICT, naming who changed the record and when) when the row moved on.
 */
export const version = z.number().int().min(1);

export type Ref = z.infer<typeof ref>;

export const empty = z.object({}).strict().default({});
