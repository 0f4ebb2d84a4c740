import { z } from 'zod';
import { ACCOUNT_COLUMNS } from './accounts';
import { filterSchema } from '../list';

const accountColumn = z.enum(
  Object.keys(ACCOUNT_COLUMNS) as [
    keyof typeof ACCOUNT_COLUMNS,
    ...(keyof typeof ACCOUNT_COLUMNS)[],
  ],
);

/** A grid view's export: a time zone Intl knows, and each column once. */
export function checkViewExport(
  input: { timeZone: string; columns: { field: string }[] },
  ctx: z.RefinementCtx,
): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
  } catch {
    ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'unknown time zone' });
  }
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
