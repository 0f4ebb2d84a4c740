/**
 * The inspect job (worker thread): the sheets of a staged file, the first rows of each for the
 * user to see, and the header row and column mapping that look right.
 */
import { ACCOUNT_HEADER_SYNONYMS } from '../../shared/import/account-fields';
import { CONTACT_HEADER_SYNONYMS } from '../../shared/import/contact-fields';
import { PAYMENT_HEADER_SYNONYMS } from '../../shared/import/payment-fields';
import { PRICE_HEADER_SYNONYMS } from '../../shared/import/price-fields';
import { TENDER_HEADER_SYNONYMS } from '../../shared/import/tender-fields';
import { guessHeader, type HeaderGuess, type Synonyms } from '../../shared/import/headers';
import type {
  ImportField,
  ImportTarget,
  Inspection,
  SheetInspection,
} from '../../shared/schemas/imports';
import { cellAsText } from '../excel/read/cell-value';
import { openTable } from '../excel/read/table-source';
import type { TextEncoding } from '../excel/read/text-decode';
import type { JobFunction } from '../jobs/context';
import { previewMerges } from './preview-merges';

/** Each target's header wordings, for finding the header row and suggesting the mapping. */
const SYNONYMS: Record<ImportTarget, Partial<Synonyms<ImportField>>> = {
  accounts: ACCOUNT_HEADER_SYNONYMS,
  contacts: CONTACT_HEADER_SYNONYMS,
  tenders: TENDER_HEADER_SYNONYMS,
  prices: PRICE_HEADER_SYNONYMS,
  payments: PAYMENT_HEADER_SYNONYMS,
};

export interface InspectParams {
  fileId: string;
  target: ImportTarget;
  file: string;
  fileName: string;
  /** The user's choice of text encoding; null reads the file in the detected one. */
  encoding?: TextEncoding | null;
  /** Where the workbook's checked structure is kept for the import's later reads. */
  structureCache?: string;
}

const PREVIEW_ROWS = 30;
const PREVIEW_COLUMNS = 60;
const PREVIEW_CELL_CHARS = 200;
/** Sheet rows looked at for the preview's rows that hold anything (empty rows are skipped). */
const PREVIEW_SOURCE_ROWS = 1000;

export const inspectJob: JobFunction<InspectParams> = async (ctx) => {
  const { file, fileName, fileId, encoding, structureCache } = ctx.params;
  // Only the preview is read: an .xls or .ods need not build the rest of its cells.
  const source = await openTable(file, fileName, {
    encoding,
    previewRows: PREVIEW_SOURCE_ROWS,
    structureCache,
  });
  const sheets: SheetInspection[] = [];
  ctx.progress(0, source.sheets.length);
  for (const sheet of source.sheets) {
    ctx.checkCancelled();
    const preview: SheetInspection['preview'] = [];
    for await (const { row, cells } of source.rows(sheet.name)) {
      preview.push({
        row,
        cells: cells
          .slice(0, PREVIEW_COLUMNS)
          .map((c) => cellAsText(c).slice(0, PREVIEW_CELL_CHARS)),
      });
      if (preview.length >= PREVIEW_ROWS) break;
    }
    const cells = preview.map((p) => p.cells);
    const guess: HeaderGuess<ImportField> | null = guessHeader(
      cells,
      SYNONYMS[ctx.params.target] as Synonyms<ImportField>,
    );
    const header = guess ? preview[guess.row]! : null;
    sheets.push({
      name: sheet.name,
      rowCount: sheet.rowCount,
      preview,
      merges: previewMerges(sheet.merges, preview, PREVIEW_COLUMNS),
      headerRow: header?.row ?? null,
      columns: header
        ? header.cells.map((text, index) => ({
            index,
            header: text,
            field: guess!.mapping[index] ?? null,
          }))
        : [],
    });
    ctx.progress(sheets.length, source.sheets.length);
  }
  const result: Inspection = {
    fileId,
    fileName,
    format: source.format,
    encoding: source.encoding,
    encodings: source.encodings,
    sheets,
  };
  return { result };
};
