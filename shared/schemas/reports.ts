/** Report templates of the manufacturer's filing report (报备报表) and the report export. */
import { z } from 'zod';
import { REPORT_FIELD_VALUES, REPORT_GRANULARITY_VALUES } from '../filing-enums';
import { id, isoDate, optionalText, requiredText, timestamp } from './common';
import { refId } from './references';
import { stagedFile } from './imports';

export const templateColumn = z.object({
  field: z.enum(REPORT_FIELD_VALUES),
  header: requiredText(100),
  /** 1-based sheet column the field fills. */
  column: z.number().int().min(1).max(200),
});
export type TemplateColumn = z.infer<typeof templateColumn>;

const layoutFields = {
  name: requiredText(100),
  granularity: z.enum(REPORT_GRANULARITY_VALUES),
  /** The manufacturer's workbook to fill; null: a plain sheet with a title, made by Keyfleet. */
  sheetName: optionalText(31),
  /** Row of the column headers (1-based); data starts on the row after, unless given. */
  headerRow: z.number().int().min(1).max(100),
  firstDataRow: z.number().int().min(2).max(101),
  columns: z.array(templateColumn).min(1).max(100),
};

function refineLayout(
  t: { headerRow: number; firstDataRow: number; columns: { column: number }[] },
  ctx: z.RefinementCtx,
) {
  if (t.firstDataRow <= t.headerRow)
    ctx.addIssue({
      code: 'custom',
      path: ['firstDataRow'],
      message: 'report.data_above_header',
      params: { reason: 'report.data_above_header' },
    });
  const seen = new Set<number>();
  t.columns.forEach((c, i) => {
    if (seen.has(c.column))
      ctx.addIssue({
        code: 'custom',
        path: ['columns', i, 'column'],
        message: 'report.column_twice',
        params: { reason: 'report.column_twice' },
      });
    seen.add(c.column);
  });
}

export const templateInput = z
  .object({
    id: id.nullable().default(null),
    ...layoutFields,
    /** A staged upload of the manufacturer's .xlsx to keep as the template's base (new or replaced). */
    sourceFileId: stagedFile.shape.fileId.nullable().default(null),
    /** Keep the base workbook the template already has (ignored when sourceFileId is given). */
    keepSource: z.boolean().default(true),
  })
  .superRefine(refineLayout);
export type TemplateInput = z.infer<typeof templateInput>;

export const reportTemplate = z.object({
  id,
  ...layoutFields,
  sheetName: z.string().nullable(),
  builtIn: z.boolean(),
  /** The manufacturer's workbook the report is filled into, if any. */
  source: z.object({ fileName: z.string(), sha256: z.string() }).nullable(),
  updatedAt: timestamp,
});
export type ReportTemplate = z.infer<typeof reportTemplate>;

/** What the uploaded manufacturer's workbook looks like, and a suggested layout. */
export const templateInspection = z.object({
  fileName: z.string(),
  sheets: z.array(
    z.object({
      name: z.string(),
      /** The first rows as text (for choosing the header row). */
      rows: z.array(z.array(z.string())),
      merges: z.array(z.string()),
    }),
  ),
  suggestion: z.object({
    sheetName: z.string(),
    headerRow: z.number().int(),
    firstDataRow: z.number().int(),
    columns: z.array(templateColumn),
    /** Header cells no field was found for (left empty in the report). */
    unmatched: z.array(z.object({ column: z.number().int(), header: z.string() })),
  }),
});
export type TemplateInspection = z.infer<typeof templateInspection>;

export const reportExportInput = z
  .object({
    templateId: refId('report_templates'),
    /** Filings submitted in this period of China days. */
    from: isoDate,
    to: isoDate,
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  })
  .refine((p) => p.from <= p.to, {
    path: ['to'],
    message: 'period.reversed',
    params: { reason: 'period.reversed' },
  });

export const dossierExportInput = z.object({
  claimId: refId('claims'),
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

const dossierEvent = z.object({
  /** A date (activities) or a UTC instant. */
  at: z.string(),
  kind: z.enum(['activity', 'claim', 'document']),
  /** The activity type, the claim action (CLAIM_ACTIONS) or the document kind. */
  code: z.string(),
  detail: z.string().nullable(),
  staffName: z.string().nullable(),
});
export type DossierEvent = z.infer<typeof dossierEvent>;
export const dossier = z.object({
  claimId: id,
  accountName: z.string(),
  events: z.array(dossierEvent),
});
export type Dossier = z.infer<typeof dossier>;
