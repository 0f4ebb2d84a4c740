/**
 * The import wizard's contract: a staged file is inspected (sheets, header row, suggested
 * mapping), run as a dry run (a per-row report), then committed — all-or-nothing unless the user
 * chooses to import only the valid rows.
 */
import { z } from 'zod';
import { ACCOUNT_IMPORT_FIELDS } from '../import/account-fields';
import { CONTACT_IMPORT_FIELDS } from '../import/contact-fields';
import { PAYMENT_IMPORT_FIELDS } from '../import/payment-fields';
import { PRICE_IMPORT_FIELDS } from '../import/price-fields';
import { TENDER_IMPORT_FIELDS } from '../import/tender-fields';
import { id, timestamp } from './common';

/**
 * What a file is imported into: accounts, contacts of existing accounts, tenders, the price list,
 * payments received against contracts.
 */
const IMPORT_TARGETS = ['accounts', 'contacts', 'tenders', 'prices', 'payments'] as const;
export const importTarget = z.enum(IMPORT_TARGETS);
export type ImportTarget = z.infer<typeof importTarget>;

export const IMPORT_FIELDS = {
  accounts: ACCOUNT_IMPORT_FIELDS,
  contacts: CONTACT_IMPORT_FIELDS,
  tenders: TENDER_IMPORT_FIELDS,
  prices: PRICE_IMPORT_FIELDS,
  payments: PAYMENT_IMPORT_FIELDS,
};

/** A field of any target (their names do not overlap); the run checks it fits the target. */
const importField = z.enum([
  ...ACCOUNT_IMPORT_FIELDS,
  ...CONTACT_IMPORT_FIELDS,
  ...TENDER_IMPORT_FIELDS,
  ...PRICE_IMPORT_FIELDS,
  ...PAYMENT_IMPORT_FIELDS,
]);
export type ImportField = z.infer<typeof importField>;

/** A file copied into the data folder, so later moves or edits of the original cannot matter. */
export const stagedFile = z.object({
  fileId: z.string().regex(/^[0-9a-f-]{36}$/),
  fileName: z.string(),
  size: z.number().int(),
});
export type StagedFile = z.infer<typeof stagedFile>;

const fileRef = z.object({ fileId: stagedFile.shape.fileId });

/** The text encodings a CSV or HTML file may be read in (detected, or switched to by the user). */
export const TEXT_ENCODINGS = ['utf-8', 'gb18030', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export const textEncoding = z.enum(TEXT_ENCODINGS);
export type TextEncoding = z.infer<typeof textEncoding>;

export const inspectInput = fileRef.extend({
  target: importTarget.default('accounts'),
  /** Read the file in this encoding instead of the detected one (the wizard's switch). */
  encoding: textEncoding.nullable().default(null),
});

export const previewRow = z.object({
  /** The row number as Excel shows it (1-based). */
  row: z.number().int(),
  cells: z.array(z.string()),
});

const sheetInspection = z.object({
  name: z.string(),
  /** Rows the sheet declares (its dimension), or null when it does not say. */
  rowCount: z.number().int().nullable(),
  /**
   * The first rows of the sheet as text, for choosing the header row. A merged range's value is
   * in every cell it covers, as the import reads it; `merges` says which to show as one.
   */
  preview: z.array(previewRow),
  /** Merged ranges within the preview: Excel row numbers, 0-based column indexes as in `cells`. */
  merges: z.array(
    z.object({
      top: z.number().int(),
      left: z.number().int(),
      bottom: z.number().int(),
      right: z.number().int(),
    }),
  ),
  /** The row number (1-based) that looks like the header, or null when none does. */
  headerRow: z.number().int().nullable(),
  /** For the guessed header row: each column's header and the field it is mapped to. */
  columns: z.array(
    z.object({ index: z.number().int(), header: z.string(), field: importField.nullable() }),
  ),
});
export type SheetInspection = z.infer<typeof sheetInspection>;

export const inspection = z.object({
  fileId: z.string(),
  fileName: z.string(),
  /** html: an HTML table saved as .xls; spreadsheetml: Excel 2003 XML; xls: BIFF .xls or WPS .et. */
  format: z.enum(['xlsx', 'csv', 'html', 'spreadsheetml', 'xls', 'ods']),
  /** The text encoding of a CSV, HTML or XML file; null for workbooks. */
  encoding: textEncoding.nullable(),
  /** The encodings the user may switch to, most likely first; empty for workbooks. */
  encodings: z.array(textEncoding).default([]),
  sheets: z.array(sheetInspection),
});
export type Inspection = z.infer<typeof inspection>;

const columnMapping = z
  .array(z.object({ index: z.number().int().min(0).max(16_383), field: importField.nullable() }))
  .max(16_384)
  .superRefine((columns, ctx) => {
    const seen = new Set<string>();
    columns.forEach((c, i) => {
      if (c.field === null) return;
      if (seen.has(c.field))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'field'],
          message: 'mapping.field_twice',
          params: { reason: 'mapping.field_twice' },
        });
      seen.add(c.field);
    });
  });

const REQUIRED_FIELDS: Record<ImportTarget, [ImportField, string][]> = {
  accounts: [['name', 'mapping.name_required']],
  contacts: [
    ['contactName', 'mapping.contact_name_required'],
    ['account', 'mapping.account_required'],
  ],
  tenders: [['projectNo', 'mapping.project_no_required']],
  prices: [
    ['model', 'mapping.model_required'],
    ['retailPrice', 'mapping.retail_required'],
    ['floorPrice', 'mapping.floor_required'],
  ],
  payments: [
    ['receivedOn', 'mapping.received_on_required'],
    ['paymentAmount', 'mapping.amount_required'],
    ['contractNo', 'mapping.contract_or_invoice_required'],
  ],
};

export const importRunInput = z
  .object({
    target: importTarget.default('accounts'),
    fileId: stagedFile.shape.fileId,
    sheet: z.string().max(100),
    /** The encoding chosen in the wizard; null reads the file in the detected one. */
    encoding: textEncoding.nullable().default(null),
    /** The header row (1-based); data starts on the next row. */
    headerRow: z.number().int().min(1).max(1_048_576),
    columns: columnMapping,
    mode: z.enum(['dryRun', 'commit']),
    /** allOrNothing: any rejected row means nothing is written. validOnly: valid rows are written. */
    policy: z.enum(['allOrNothing', 'validOnly']).default('allOrNothing'),
  })
  .superRefine((input, ctx) => {
    const allowed = new Set<string>(IMPORT_FIELDS[input.target]);
    input.columns.forEach((c, i) => {
      if (c.field !== null && !allowed.has(c.field))
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'field'],
          message: 'mapping.wrong_target',
          params: { reason: 'mapping.wrong_target' },
        });
    });
    // Accounts need a name; contacts their own name and their account; tenders their project
    // number; prices the model and both prices.
    const required = REQUIRED_FIELDS[input.target];
    for (const [field, reason] of required)
      if (
        !input.columns.some(
          (c) =>
            c.field === field ||
            (field === 'account' && c.field === 'accountUscc') ||
            // A payment is matched by its contract's number or its invoice's.
            (field === 'contractNo' && c.field === 'invoiceNo'),
        )
      )
        ctx.addIssue({ code: 'custom', path: ['columns'], message: reason, params: { reason } });
  });
export type ImportRunInput = z.infer<typeof importRunInput>;

export const IMPORT_OUTCOMES = ['create', 'update', 'unchanged', 'reject'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

/** Why a row is rejected or warned about; `describeReason` turns it into words in either language. */
const importReason = z.object({
  code: z.string(),
  field: importField.nullable(),
  /** The offending value as the file had it. */
  value: z.string().nullable(),
  /** Extra facts for the message: the other row, the matching account … */
  detail: z.string().nullable(),
});
export type ImportReason = z.infer<typeof importReason>;

/**
 * One changed field. Vocabulary fields (buyerType, industry, grade, valueType, lifecycle, source)
 * carry their codes, for the UI to label in its language; region carries its Chinese label (省 /
 * 市 / 区, as regions are only named in Chinese); the rest carry the text.
 */
const importChange = z.object({
  field: importField,
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ImportChange = z.infer<typeof importChange>;

const importReportRow = z.object({
  row: z.number().int(),
  outcome: z.enum(IMPORT_OUTCOMES),
  /** The account the row is about (for contacts: the account the contact belongs to). */
  accountId: id.nullable(),
  /** Accounts: the account's name and USCC. Contacts: the contact's name and its account's USCC. */
  name: z.string().nullable(),
  uscc: z.string().nullable(),
  reasons: z.array(importReason),
  warnings: z.array(importReason),
  changes: z.array(importChange),
  /**
   * What the row did not change, or where a value came from, that the reader should know: a note
   * a person wrote kept (note.kept), the region taken from the USCC (region.from_uscc) …
   */
  notices: z.array(importReason),
});
export type ImportReportRow = z.infer<typeof importReportRow>;

export const importSummary = z.object({
  runId: id,
  target: importTarget,
  mode: z.enum(['dryRun', 'commit']),
  policy: z.enum(['allOrNothing', 'validOnly']),
  fileName: z.string(),
  sheet: z.string(),
  total: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  reject: z.number().int(),
  warned: z.number().int(),
  /** True when rows were written (commit mode, and no rejects or the valid-only policy). */
  committed: z.boolean(),
  finishedAt: timestamp,
});
export type ImportSummary = z.infer<typeof importSummary>;

export const importReportQuery = z.object({
  runId: id,
  outcome: z.enum(IMPORT_OUTCOMES).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const importReport = z.object({
  summary: importSummary,
  rows: z.array(importReportRow),
  /** Rows matching the outcome filter. */
  total: z.number().int(),
});
export type ImportReport = z.infer<typeof importReport>;

export const savedMapping = z.object({
  id,
  target: importTarget,
  name: z.string(),
  /** Header text (as in the file) → field. Applied to any file whose headers match. */
  columns: z.array(z.object({ header: z.string(), field: importField })),
  createdBy: z.string().nullable(),
  updatedAt: timestamp,
});
export type SavedMapping = z.infer<typeof savedMapping>;

export const saveMappingInput = z.object({
  target: importTarget.default('accounts'),
  name: z.string().trim().min(1).max(60),
  columns: z
    .array(z.object({ header: z.string().trim().min(1).max(200), field: importField }))
    .min(1)
    .max(200),
});
