import { z } from 'zod';
import { ACCOUNT_COLUMNS } from './accounts';
import { filterSchema } from '../list';
import { abcCutoffs, valueBasis, valueClassFilter } from './value';
import { isoDate } from './common';

const accountColumn = z.enum(
  Object.keys(ACCOUNT_COLUMNS) as [
    keyof typeof ACCOUNT_COLUMNS,
    ...(keyof typeof ACCOUNT_COLUMNS)[],
  ],
);

const timeZoneOk = (timeZone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
};

/** A grid view's export: a time zone Intl knows, and each column once. */
export function checkViewExport(
  input: { timeZone: string; columns: { field: string }[] },
  ctx: z.RefinementCtx,
): void {
  if (!timeZoneOk(input.timeZone))
    ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'unknown time zone' });
  const seen = new Set<string>();
  input.columns.forEach((c, i) => {
    if (seen.has(c.field))
      ctx.addIssue({
        code: 'custom',
        path: ['columns', i, 'field'],
        message: 'column listed twice',
      });
    seen.add(c.field);
  });
}

/**
 * Export of a grid view exactly as the user sees it: its filters, sort and quick search, and its
 * visible columns in their order with the headers as shown (in the UI language).
 */
export const exportAccountsInput = z
  .object({
    format: z.enum(['xlsx', 'csv']),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    /** IANA zone in which timestamps are written as wall-clock dates and times. */
    timeZone: z.string().max(64).default('Asia/Shanghai'),
    filters: z.array(filterSchema).max(30).default([]),
    sort: z
      .array(z.object({ field: accountColumn, desc: z.boolean() }))
      .max(5)
      .default([]),
    search: z.string().max(200).optional(),
    /** A Pareto drill-down's classes, as the grid shows them (shared/schemas/value.ts). */
    valueClass: valueClassFilter.optional(),
    columns: z
      .array(z.object({ field: accountColumn, header: z.string().trim().min(1).max(100) }))
      .min(1)
      .max(Object.keys(ACCOUNT_COLUMNS).length),
  })
  .superRefine(checkViewExport);
export type ExportAccountsInput = z.infer<typeof exportAccountsInput>;

/**
 * The contacts of the accounts in a view (its filters and quick search), one row per contact.
 * Personal details (PIPL) are exported only when asked for, only for contacts the user may read
 * (the account's owner, managers), and the export is recorded in the audit log either way.
 */
export const exportContactsInput = z
  .object({
    format: z.enum(['xlsx', 'csv']),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    timeZone: z.string().max(64).default('Asia/Shanghai'),
    filters: z.array(filterSchema).max(30).default([]),
    search: z.string().max(200).optional(),
    includePersonal: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'unknown time zone' });
    }
  });
export type ExportContactsInput = z.infer<typeof exportContactsInput>;

export const exportResult = z.object({
  fileName: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ExportResult = z.infer<typeof exportResult>;

/** How a finished export reaches the user: a download (browser mode) or a file they saved (Electron). */
export const delivery = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('download'), url: z.string(), fileName: z.string() }),
  z.object({ kind: z.literal('saved'), path: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type Delivery = z.infer<typeof delivery>;

/**
 * A table the page already shows (an analysis table, a chart's data) written to a file as it is.
 * Money cells are fen, percent cells fractions, date cells ISO dates, datetime cells UTC ISO
 * times (written as wall-clock times in `timeZone`). Big lists export server-side instead: the
 * request body is capped at 1 MB, so this takes at most 5,000 rows.
 */
export const exportTableInput = z
  .object({
    title: z.string().trim().min(1).max(100),
    format: z.enum(['xlsx', 'csv']),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    timeZone: z.string().max(64).default('Asia/Shanghai'),
    columns: z
      .array(
        z.object({
          header: z.string().trim().min(1).max(100),
          kind: z.enum(['text', 'integer', 'money', 'percent', 'date', 'datetime']),
        }),
      )
      .min(1)
      .max(60),
    rows: z
      .array(z.array(z.union([z.string().max(2000), z.number().finite(), z.null()])).max(60))
      .max(5000),
    /** What the table shows (period, basis, filters), as label/value pairs for the about sheet. */
    about: z
      .array(z.tuple([z.string().max(100), z.string().max(2000)]))
      .max(20)
      .default([]),
  })
  .superRefine((input, ctx) => {
    if (!timeZoneOk(input.timeZone))
      ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'unknown time zone' });
    input.rows.forEach((row, i) => {
      if (row.length !== input.columns.length)
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i],
          message: `a row has ${row.length} cells for ${input.columns.length} columns`,
        });
      row.forEach((cell, j) => {
        const kind = input.columns[j]?.kind;
        const numeric = kind === 'integer' || kind === 'money' || kind === 'percent';
        const dated = kind === 'date' || kind === 'datetime';
        if (cell === null) return;
        if (numeric && typeof cell !== 'number')
          ctx.addIssue({
            code: 'custom',
            path: ['rows', i, j],
            message: `${kind} cell must be a number`,
          });
        if (kind === 'money' && typeof cell === 'number' && !Number.isInteger(cell))
          ctx.addIssue({ code: 'custom', path: ['rows', i, j], message: 'money is whole fen' });
        if (dated && (typeof cell !== 'string' || Number.isNaN(Date.parse(cell))))
          ctx.addIssue({
            code: 'custom',
            path: ['rows', i, j],
            message: `${kind} cell must be ISO`,
          });
      });
    });
  });
export type ExportTableInput = z.infer<typeof exportTableInput>;

/** The whole Pareto/ABC table of a period and basis — every account, ranked — to a file. */
export const exportParetoInput = z
  .object({
    from: isoDate,
    to: isoDate,
    basis: valueBasis,
    cutoffs: abcCutoffs.optional(),
    format: z.enum(['xlsx', 'csv']),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    timeZone: z.string().max(64).default('Asia/Shanghai'),
  })
  .refine((f) => f.from <= f.to, { message: 'the period ends before it starts', path: ['to'] })
  .refine((f) => timeZoneOk(f.timeZone), { message: 'unknown time zone', path: ['timeZone'] });
export type ExportParetoInput = z.infer<typeof exportParetoInput>;
